#!/bin/sh
# Installs OmegaT (Debian package `omegat`, 3.6 on Debian 12; it brings its own
# Java runtime), which tests/omegat.rs runs in console mode to check that a
# translation memory sverka writes fills the segments of its own document.
# Safe to run again: it installs only what is missing. Prints one line.
set -u
command -v omegat >/dev/null 2>&1 || sh "$(dirname "$0")/apt-install.sh" ensure-omegat omegat
command -v omegat >/dev/null 2>&1 && echo "ensure-omegat: omegat ok" \
    || echo "ensure-omegat: omegat MISSING"
exit 0
