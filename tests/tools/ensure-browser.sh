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
if [ -n "$missing" ]; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
        echo "ensure-browser: apt-get install$missing"
        $sudo apt-get update -qq >/dev/null 2>&1 || true
        # shellcheck disable=SC2086
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            $missing >/dev/null 2>&1 || echo "ensure-browser: apt-get install$missing failed"
    else
        echo "ensure-browser: no apt-get; cannot install$missing"
    fi
fi
for tool in chromium chromedriver; do
    command -v "$tool" >/dev/null 2>&1 && echo "ensure-browser: $tool ok" \
        || echo "ensure-browser: $tool MISSING"
done
exit 0
