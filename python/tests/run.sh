#!/bin/sh
# Builds and installs the Python package into a virtualenv and runs its tests
# (pytest: the API, and a Spark job in local mode). Called by tests/python.rs
# (`cargo test --release`); runnable alone:  sh python/tests/run.sh [PYTEST ARGS]
#
# Exit status: pytest's, or 77 when the tools cannot be had here (no python3,
# no network for PyPI, no java): the Rust test reports that as SKIPPED, or as
# a failure under SVERKA_REQUIRE_TOOLS=1.
set -u
repo=$(cd "$(dirname "$0")/../.." && pwd)
tools=${SVERKA_TOOLS_DIR:-$repo/target/tools}
venv="$tools/python-venv"

sh "$repo/tests/tools/ensure-python.sh"
if ! "$venv/bin/python" -c 'import pytest, pyspark, pandas, pyarrow' >/dev/null 2>&1; then
    echo "python/tests/run.sh: no virtualenv with pytest and pyspark; see the lines above"
    exit 77
fi
command -v java >/dev/null 2>&1 || { echo "python/tests/run.sh: no java for Spark"; exit 77; }

# The package exactly as a user installs it: pip, with maturin fetched as the
# build backend. The Rust build keeps its own folder under target/ so that a
# second run recompiles only what changed.
echo "python/tests/run.sh: pip install ./python"
start=$(date +%s)
if ! CARGO_TARGET_DIR="$repo/target/python" "$venv/bin/python" -m pip install \
        --quiet --disable-pip-version-check --force-reinstall --no-deps "$repo/python"; then
    echo "python/tests/run.sh: pip install ./python failed"
    exit 1
fi
echo "python/tests/run.sh: installed in $(( $(date +%s) - start )) s"
# From the tests folder: in python/ itself, the source folder sverka/ (no
# native module in it) would shadow the installed package.
cd "$repo/python/tests" && exec "$venv/bin/python" -m pytest -p no:cacheprovider "$@" .
