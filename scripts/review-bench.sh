#!/bin/sh
# Measures the review page of a whole book in headless Chromium: page size,
# load, filter, jump and edit times (three runs). The pair is built at run
# time from the evaluation kit's Bible dev books beside the repository
# (Genesis, Matthew, John, Mark: the first 4,000 verses a side, pre-split);
# nothing of it is written into the repository.
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
books=${SVERKA_EVAL:-$repo/../shared/eval}/align/dev/verses-bible
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for side in en ru; do
    for book in GEN MAT JHN MRK; do cat "$books/$book/$side.sents"; echo; done \
        | awk 'NF { n++ } n <= 4000' > "$work/$side.txt"
done
echo "verses: $(grep -c . "$work/en.txt") en, $(grep -c . "$work/ru.txt") ru"
cd "$repo"
cargo build --release -q
start=$(date +%s.%N)
target/release/sverka review --presplit "$work/en.txt" "$work/ru.txt" -o "$work/review.html"
end=$(date +%s.%N)
echo "sverka review: $(awk "BEGIN { print $end - $start }") s, page $(stat -c %s "$work/review.html") bytes"
SVERKA_REVIEW_PAGE="$work/review.html" cargo test --release -q --test review_browser \
    measure_review_page -- --ignored --nocapture 2>&1 | grep -E '^run|SKIPPED|panicked'
