#!/bin/sh
# Installs what the Python package's tests (python/tests) need:
#   a virtualenv with pytest, pyspark, pandas and pyarrow (PyPI; pandas below 3,
#   which PySpark 4.0 does not yet support)
#   java                (Debian default-jre-headless), for Spark in local mode
# Safe to run again: it installs only what is missing. Prints one line per tool.
# The virtualenv goes to $SVERKA_TOOLS_DIR/python-venv (default: target/tools).
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SVERKA_TOOLS_DIR:-$repo/target/tools}
venv="$tools/python-venv"
mkdir -p "$tools"

command -v java >/dev/null 2>&1 \
    || sh "$repo/tests/tools/apt-install.sh" ensure-python default-jre-headless
command -v java >/dev/null 2>&1 && echo "ensure-python: java ok" \
    || echo "ensure-python: java MISSING"

check='import pytest, pyspark, pyarrow, pandas; assert int(pandas.__version__.split(".")[0]) < 3'
if ! "$venv/bin/python" -c "$check" >/dev/null 2>&1; then
    python=$(command -v python3 || command -v python || true)
    if [ -z "$python" ]; then
        echo "ensure-python: no python3; cannot make the virtualenv"
    else
        # Debian's python3 lacks ensurepip unless python3-venv is installed.
        if ! "$python" -c 'import ensurepip' >/dev/null 2>&1 \
            && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null 2>&1 || true
        fi
        rm -rf "$venv"
        "$python" -m venv "$venv" >/dev/null 2>&1 \
            && "$venv/bin/python" -m pip install -q --disable-pip-version-check \
                pytest pyspark 'pandas<3' pyarrow >/dev/null 2>&1 \
            || echo "ensure-python: pip install pytest pyspark pandas pyarrow failed"
    fi
fi
"$venv/bin/python" -c "$check" >/dev/null 2>&1 \
    && echo "ensure-python: pytest, pyspark, pandas, pyarrow ok ($venv)" \
    || echo "ensure-python: pytest, pyspark, pandas, pyarrow MISSING"
exit 0
