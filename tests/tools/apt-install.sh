#!/bin/sh
# Installs Debian packages for the tests/tools/ensure-*.sh scripts, which
# decide what is missing: apt-get as root, `sudo -n` otherwise.
#   sh tests/tools/apt-install.sh TAG PACKAGE...   (TAG starts every line printed)
# Never fails: a package that cannot be installed is said so on one line, and
# the calling script's own check then reports its tool as MISSING.
set -u
tag=$1
shift
if ! command -v apt-get >/dev/null 2>&1; then
    echo "$tag: no apt-get; cannot install $*"
    exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
echo "$tag: apt-get install $*"
$sudo apt-get update -qq >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" \
    >/dev/null 2>&1 || echo "$tag: apt-get install $* failed"
exit 0
