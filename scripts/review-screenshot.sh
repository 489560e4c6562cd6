#!/bin/sh
# Remakes docs/review.png, the README's picture of `sverka review`: the review
# page of the corpora/ sample in headless Chromium, with the "Problems" filter
# on, driven through chromedriver's WebDriver protocol (curl; no other tools).
#   scripts/review-screenshot.sh            (builds nothing: run cargo build --release first)
set -eu
repo=$(cd "$(dirname "$0")/.." && pwd)
sverka=${SVERKA_BIN:-$repo/target/release/sverka}
sample=$repo/corpora/lavrov-2021-03-23
work=$(mktemp -d)
port=9517
trap 'kill "$driver" 2>/dev/null || true; rm -rf "$work"' EXIT

# Names as a user's files would be named (the page shows them).
cp "$sample/en.txt" "$work/en.txt"
cp "$sample/ru.txt" "$work/ru.txt"
(cd "$work" && "$sverka" review en.txt ru.txt -o review.html 2>/dev/null)

chromedriver --port=$port >/dev/null 2>&1 &
driver=$!
url=http://127.0.0.1:$port
for _ in $(seq 50); do curl -sf "$url/status" >/dev/null && break; sleep 0.1; done

post() { curl -sf -X POST -H 'Content-Type: application/json' -d "$2" "$url$1"; }

session=$(post /session '{"capabilities":{"alwaysMatch":{"browserName":"chrome",
  "goog:chromeOptions":{"args":["--headless=new","--window-size=1200,700","--no-sandbox"]}}}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["value"]["sessionId"])')
s=/session/$session
post "$s/url" "{\"url\":\"file://$work/review.html\"}" >/dev/null
# The element reference is the value's only entry, whatever its W3C key.
button=$(post "$s/element" '{"using":"css selector","value":"[data-filter=problems]"}' \
  | python3 -c 'import json,sys; print(next(iter(json.load(sys.stdin)["value"].values())))')
post "$s/element/$button/click" '{}' >/dev/null
curl -sf "$url$s/screenshot" | python3 -c '
import base64, json, sys
sys.stdout.buffer.write(base64.b64decode(json.load(sys.stdin)["value"]))' >"$repo/docs/review.png"
curl -sf -X DELETE "$url$s" >/dev/null
echo "docs/review.png: the sample's review page, problems only"
