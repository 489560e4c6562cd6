#!/usr/bin/env bash
# How many segments of a document OmegaT fills from the translation memory
# sverka makes of that document pair, against a memory of the gold pairs.
#
#   scripts/omegat-fill.sh                      # the kit's official statements (dev)
#   KIT=/path/to/eval SETS="official" scripts/omegat-fill.sh
#   BIN=/path/to/other/sverka scripts/omegat-fill.sh   # another build, for a before/after
#
# For each case with en.raw.txt/ru.raw.txt: `sverka align` writes a TMX of the
# raw pair; the gold TMX pairs the gold beads' sentences (en.sents, ru.sents,
# gold.beads; a bead's sentences joined by one space). Each goes alone into
# tm/auto/ of a fresh OmegaT project whose source/ holds en.raw.txt, and
# `omegat PROJECT --mode=console-translate` fills the segments it has an exact
# match for. OmegaT's own sentence segmentation is on (what a translator gets
# by default), the same for both memories. Filled = units of the project
# memory OmegaT exports (PROJECT-omegat.tmx).
#
# Reads the kit at run time; writes only to a temporary directory ($OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=${KIT:-../shared/eval}
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"
SETS=${SETS:-"official official-ragged"}
command -v omegat >/dev/null || { echo "omegat-fill: no omegat (tests/tools/ensure-omegat.sh)" >&2; exit 2; }
cargo build --release --quiet
bin=${BIN:-$PWD/target/release/sverka}

project() {  # DIR: an empty OmegaT project, sentence segmentation on
  mkdir -p "$1"/{source,target,tm/auto,glossary,dictionary,omegat}
  cat > "$1/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
<project version="1.0">
<source_dir>__DEFAULT__</source_dir>
<target_dir>__DEFAULT__</target_dir>
<tm_dir>__DEFAULT__</tm_dir>
<glossary_dir>__DEFAULT__</glossary_dir>
<glossary_file>__DEFAULT__</glossary_file>
<dictionary_dir>__DEFAULT__</dictionary_dir>
<source_lang>EN-GB</source_lang>
<target_lang>RU-RU</target_lang>
<source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
<target_tok>org.omegat.tokenizer.LuceneRussianTokenizer</target_tok>
<sentence_seg>true</sentence_seg>
<support_default_translations>true</support_default_translations>
<remove_tags>false</remove_tags>
</project>
</omegat>
XML
}

gold_tmx() {  # CASE_DIR OUT.tmx
  python3 - "$1" "$2" <<'PY'
import re, sys
from xml.sax.saxutils import escape
case, out = sys.argv[1:]
en = open(f"{case}/en.sents", encoding="utf-8").read().split("\n")
ru = open(f"{case}/ru.sents", encoding="utf-8").read().split("\n")
units = []
for line in open(f"{case}/gold.beads", encoding="utf-8"):
    m = re.match(r"\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]", line)
    if not m:
        continue
    e = [int(i) for i in m.group(1).split(",") if i.strip()]
    r = [int(i) for i in m.group(2).split(",") if i.strip()]
    if e and r:
        units.append((" ".join(en[i].strip() for i in e), " ".join(ru[i].strip() for i in r)))
with open(out, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '<header creationtool="gold" creationtoolversion="1" segtype="sentence" o-tmf="gold" '
            'adminlang="en-GB" srclang="en-GB" datatype="plaintext"/>\n<body>\n')
    for e, r in units:
        f.write(f'<tu><tuv xml:lang="en-GB"><seg>{escape(e)}</seg></tuv>'
                f'<tuv xml:lang="ru-RU"><seg>{escape(r)}</seg></tuv></tu>\n')
    f.write("</body>\n</tmx>\n")
PY
}

fill() {  # CASE_DIR TMX NAME: prints the number of segments OmegaT filled
  local dir=$OUT/$3
  rm -rf "$dir"; project "$dir"
  cp "$1/en.raw.txt" "$dir/source/document.txt"
  cp "$2" "$dir/tm/auto/memory.tmx"
  HOME=$OUT omegat "$dir" --mode=console-translate > "$dir.log" 2>&1
  grep -c '<tu>' "$dir/$3-omegat.tmx" || true
}

printf '%-48s %9s %9s %9s %7s\n' case segments sverka gold share
total_s=0; total_g=0
for set in $SETS; do
  for case in "$KIT/align/dev/$set"/*/; do
    case=${case%/}; name=$(basename "$case")
    [ -f "$case/en.raw.txt" ] || continue
    "$bin" align "$case/en.raw.txt" "$case/ru.raw.txt" -o "$OUT/$name.sverka.tmx" --force 2>/dev/null
    gold_tmx "$case" "$OUT/$name.gold.tmx"
    s=$(fill "$case" "$OUT/$name.sverka.tmx" "$name-sverka")
    g=$(fill "$case" "$OUT/$name.gold.tmx" "$name-gold")
    segs=$(grep -E '^Total:' "$OUT/$name-gold/omegat/project_stats.txt" | awk '{print $2}')
    printf '%-48s %9s %9s %9s %6s%%\n' "$set/$name" "$segs" "$s" "$g" \
      "$(awk -v s="$s" -v g="$g" 'BEGIN { printf "%.1f", g ? 100 * s / g : 0 }')"
    total_s=$((total_s + s)); total_g=$((total_g + g))
  done
done
printf '%-48s %9s %9s %9s %6s%%\n' ALL "" "$total_s" "$total_g" \
  "$(awk -v s="$total_s" -v g="$total_g" 'BEGIN { printf "%.1f", g ? 100 * s / g : 0 }')"
echo "projects in $OUT"
