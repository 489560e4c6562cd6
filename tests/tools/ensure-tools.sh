#!/bin/sh
# Installs the external tools the output tests check sverka's files with:
#   xmllint  (Debian libxml2-utils)  validates TMX against the TMX 1.4b DTD
#   chromium (Debian chromium)       renders the `sverka check --html` page headless
#   translate-toolkit (PyPI, in a virtualenv) reads a TMX back unit by unit
# Safe to run again: it installs only what is missing. Prints one line per tool.
# The virtualenv goes to $SVERKA_TOOLS_DIR (default: target/tools in the repository).
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SVERKA_TOOLS_DIR:-$repo/target/tools}
mkdir -p "$tools"

need_apt=""
command -v xmllint >/dev/null 2>&1 || need_apt="$need_apt libxml2-utils"
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    || need_apt="$need_apt chromium"
# shellcheck disable=SC2086
[ -z "$need_apt" ] || sh "$repo/tests/tools/apt-install.sh" ensure-tools $need_apt
command -v xmllint >/dev/null 2>&1 && echo "ensure-tools: xmllint ok" \
    || echo "ensure-tools: xmllint MISSING"
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
    && echo "ensure-tools: chromium ok" || echo "ensure-tools: chromium MISSING"

venv="$tools/venv"
if ! "$venv/bin/python" -c 'import translate.storage.tmx' >/dev/null 2>&1; then
    python=$(command -v python3 || command -v python || true)
    if [ -z "$python" ]; then
        echo "ensure-tools: no python3; cannot install translate-toolkit"
    else
        # Debian's python3 lacks ensurepip unless python3-venv is installed.
        if ! "$python" -m venv --help >/dev/null 2>&1 || ! "$python" -c 'import ensurepip' >/dev/null 2>&1; then
            if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
            fi
        fi
        rm -rf "$venv"
        "$python" -m venv "$venv" >/dev/null 2>&1 \
            && "$venv/bin/python" -m pip install -q --disable-pip-version-check \
                translate-toolkit >/dev/null 2>&1 \
            || echo "ensure-tools: pip install translate-toolkit failed"
    fi
fi
"$venv/bin/python" -c 'import translate.storage.tmx' >/dev/null 2>&1 \
    && echo "ensure-tools: translate-toolkit ok ($venv)" \
    || echo "ensure-tools: translate-toolkit MISSING"
"$repo/tests/tools/ensure-omegat.sh"
sh "$repo/tests/tools/ensure-browser.sh"
SVERKA_TOOLS_DIR="$tools" sh "$repo/tests/tools/ensure-python.sh"  # python/tests: PySpark venv, java
sh "$repo/tests/tools/ensure-docx.sh"
exit 0
