#!/bin/sh
# Installs what tests/review_browser.rs drives the review page with:
#   chromium, chromium-driver (Debian)  headless Chromium and its WebDriver server
# Firefox is not tested: Debian 12 has firefox-esr but no geckodriver package,
# and the tests install nothing from outside Debian's and PyPI's archives.
# Safe to run again: installs only what is missing. Prints one line per tool.
set -u
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
# shellcheck disable=SC2086
[ -z "$missing" ] || sh "$(dirname "$0")/apt-install.sh" ensure-browser $missing
for tool in chromium chromedriver; do
    command -v "$tool" >/dev/null 2>&1 && echo "ensure-browser: $tool ok" \
        || echo "ensure-browser: $tool MISSING"
done
exit 0
