#!/usr/bin/env bash
# Installs what the browser journeys need and pip cannot: Debian's Chromium and its driver, and
# fonts so that screenshots show text in every language the UI speaks. axe-core is part of the
# repository (tests/e2e/vendor/axe-core). With --bench it also installs wrk for the benchmarks.
# Never runs `playwright install`: the journeys drive the system Chromium at /usr/bin/chromium.
# Safe to run again: nothing is installed when everything is present.
# Exit status: 0 when the journeys can run; 3 when something is missing and cannot be installed
# here (not root, or no apt-get), with one line saying what and how to get it.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if command -v dpkg >/dev/null 2>&1; then
    dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
fi
if [ "${1:-}" = "--bench" ]; then
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
fi

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "browser journeys need ${missing[*]}: install them as root with 'apt-get install ${missing[*]}' (Debian/Ubuntu)" >&2
        exit 3
    fi
    echo "Installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; }; then
        echo "browser journeys need ${missing[*]}: apt-get could not install them here" >&2
        exit 3
    fi
fi
/usr/bin/chromium --version
