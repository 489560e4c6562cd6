#!/usr/bin/env bash
# Scores sverka's aligner with the evaluation kit's own scorer, on gold
# sentences (pre-split) and end to end (raw text, sverka's own splitter).
#
#   scripts/eval-align.sh                 # every dev case of ../shared/eval
#   KIT=/path/to/eval scripts/eval-align.sh
#   SETS="official-ragged perturbed-wmt22-enru" scripts/eval-align.sh
#
# Predictions go to $OUT (default: a temporary directory), never into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=${KIT:-../shared/eval}
OUT=${OUT:-$(mktemp -d)}
[ -d "$KIT/align/dev" ] || { echo "eval-align: no kit at $KIT (set KIT=...)" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/sverka
sets=${SETS:-$(cd "$KIT/align/dev" && ls -d */ | tr -d /)}
for set in $sets; do
  for dir in "$KIT/align/dev/$set"/*/; do
    dir=${dir%/}; rel=${dir#"$KIT"/align/dev/}
    mkdir -p "$OUT/presplit/$rel" "$OUT/e2e/$rel"
    # Every case is a true pair: --force-pair measures the aligner on all of
    # them (the pair verdict is measured by examples/calibrate_verdict.rs).
    "$bin" align --presplit --force-pair -f beads "$dir/en.sents" "$dir/ru.sents" > "$OUT/presplit/$rel/pred.beads" 2>/dev/null
    if [ -f "$dir/en.raw.txt" ]; then
      # Evaluation data may hold a side in the other script (a WMT document
      # whose "English" is a copy of the Russian): align it all the same.
      "$bin" align --no-lang-check --force-pair -f jsonl "$dir/en.raw.txt" "$dir/ru.raw.txt" > "$OUT/e2e/$rel/pred.jsonl" 2>/dev/null
    fi
  done
done
echo "== gold sentences (sverka align --presplit -f beads), scored by align/score.py"
python3 "$KIT/align/score.py" "$KIT/align/dev" "$OUT/presplit" --allow-missing
echo
echo "== end to end (sverka align -f jsonl on en.raw.txt/ru.raw.txt), scored by e2e/score_e2e.py"
python3 "$KIT/e2e/score_e2e.py" "$KIT/align/dev" "$OUT/e2e" --allow-missing  # sets without raw text (the novel)
echo
echo "predictions in $OUT"
