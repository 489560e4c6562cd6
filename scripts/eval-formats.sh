#!/usr/bin/env bash
# End-to-end alignment from web pages, Word files and Markdown renderings of
# the evaluation kit's dev documents, scored like the plain text by the kit's
# e2e/score_e2e.py (see scripts/eval-formats.py for how they are rendered).
#
#   scripts/eval-formats.sh                         # official, natural and perturbed wmt22, wmt24
#   SETS="official official-ragged" scripts/eval-formats.sh
#   KIT=/path/to/eval OUT=/tmp/x scripts/eval-formats.sh
#
# Everything is written to $OUT (default: a temporary directory), never into the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
KIT=${KIT:-../shared/eval}
OUT=${OUT:-$(mktemp -d)}
[ -d "$KIT/align/dev" ] || { echo "eval-formats: no kit at $KIT (set KIT=...)" >&2; exit 2; }
cargo build --release --quiet
sh tests/tools/ensure-docx.sh >&2
tools=${SVERKA_TOOLS_DIR:-target/tools}
# shellcheck disable=SC2086
"$tools/docx-venv/bin/python" scripts/eval-formats.py target/release/sverka "$KIT" "$OUT" ${SETS:-}
echo
echo "inputs and predictions in $OUT"
