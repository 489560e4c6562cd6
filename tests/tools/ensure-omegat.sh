#!/bin/sh
# Installs OmegaT (Debian package `omegat`, 3.6 on Debian 12; it brings its own
# Java runtime), which tests/omegat.rs runs in console mode to check that a
# translation memory sverka writes fills the segments of its own document.
# Safe to run again: it installs only what is missing. Prints one line.
set -u
if ! command -v omegat >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
        echo "ensure-omegat: apt-get install omegat"
        $sudo apt-get update -qq >/dev/null 2>&1 || true
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
            omegat >/dev/null 2>&1 || echo "ensure-omegat: apt-get install omegat failed"
    else
        echo "ensure-omegat: no apt-get; cannot install omegat"
    fi
fi
command -v omegat >/dev/null 2>&1 && echo "ensure-omegat: omegat ok" \
    || echo "ensure-omegat: omegat MISSING"
exit 0
