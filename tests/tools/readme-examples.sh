#!/bin/sh
# Prints the output excerpts shown in the README's sections on output formats
# and `sverka check`, from the example texts in tests/data/readme/ (written
# for the README, not taken from any corpus). Run it after the aligner changes
# and paste the new excerpts into the README.
#   usage: tests/tools/readme-examples.sh [path/to/sverka]
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
sverka=${1:-$repo/target/debug/sverka}
cd "$repo/tests/data/readme"
export SOURCE_DATE_EPOCH=1616504400 # fixed TMX creationdate: 20210323T130000Z
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

section() { printf '\n===== %s\n' "$1"; }
section 'sverka align en.txt ru.txt'
"$sverka" align en.txt ru.txt
section 'sverka align en.txt ru.txt -f beads'
"$sverka" align en.txt ru.txt -f beads
section 'sverka align en.txt ru.txt -o memory.tmx (head -24)'
"$sverka" align en.txt ru.txt -o "$out/memory.tmx"
head -24 "$out/memory.tmx"
section 'sverka align en.txt ru.txt -f csv'
"$sverka" align en.txt ru.txt -f csv
section 'sverka align en.txt ru.txt -f tsv'
"$sverka" align en.txt ru.txt -f tsv
section 'sverka align en.txt ru.txt -f jsonl (head -2)'
"$sverka" align en.txt ru.txt -f jsonl | head -2
section 'sverka align en.txt ru.txt -f moses -o corpus; head corpus.en corpus.ru'
"$sverka" align en.txt ru.txt -f moses -o "$out/corpus"
(cd "$out" && head corpus.en corpus.ru)
section 'sverka check en.txt ru.txt'
"$sverka" check --color never en.txt ru.txt || true
section 'sverka check en.txt ru.txt --json (head -30)'
"$sverka" check en.txt ru.txt --json | head -30
