#!/bin/sh
# Installs python-docx (PyPI) in a virtualenv, for the tests that write real
# Word files to read back (tests/input_formats.rs, tests/tools/make_docx.py).
# Safe to run again: installs only when missing. Prints one line.
# The virtualenv goes to $SVERKA_TOOLS_DIR/docx-venv (default: target/tools).
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SVERKA_TOOLS_DIR:-$repo/target/tools}
venv="$tools/docx-venv"
mkdir -p "$tools"
if ! "$venv/bin/python" -c 'import docx' >/dev/null 2>&1; then
    python=$(command -v python3 || command -v python || true)
    if [ -z "$python" ]; then
        echo "ensure-docx: no python3; cannot install python-docx"
        exit 0
    fi
    # Debian's python3 lacks ensurepip unless python3-venv is installed.
    if ! "$python" -c 'import ensurepip' >/dev/null 2>&1 \
        && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
    fi
    rm -rf "$venv"
    "$python" -m venv "$venv" >/dev/null 2>&1 \
        && "$venv/bin/python" -m pip install -q --disable-pip-version-check python-docx \
            >/dev/null 2>&1 \
        || echo "ensure-docx: pip install python-docx failed"
fi
"$venv/bin/python" -c 'import docx' >/dev/null 2>&1 \
    && echo "ensure-docx: python-docx ok ($venv)" \
    || echo "ensure-docx: python-docx MISSING"
exit 0
