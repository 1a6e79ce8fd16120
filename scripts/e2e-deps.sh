#!/usr/bin/env bash
# Installs what the browser journeys, the accessibility checks and the load benchmark need and
# that pip cannot: Debian's Chromium (+ its driver), wrk, and axe-core from the npm registry.
# Never runs `playwright install`: the journeys drive the system Chromium at /usr/bin/chromium.
# Safe to run again: each part is skipped when already present.
set -euo pipefail
cd "$(dirname "$0")/.."

AXE_DIR=var/node
AXE_FILE="$AXE_DIR/node_modules/axe-core/axe.min.js"
AXE_VERSION="${AXE_VERSION:-4.10.3}"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# Fonts so that screenshots show text in every language the UI speaks.
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)

if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "error: missing ${missing[*]} and not root; install them with apt-get." >&2
        exit 1
    fi
    echo "Installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -f "$AXE_FILE" ]; then
    echo "Installing axe-core $AXE_VERSION into $AXE_DIR (npm)"
    mkdir -p "$AXE_DIR"
    npm install --silent --no-audit --no-fund --no-save --prefix "$AXE_DIR" "axe-core@$AXE_VERSION" >/dev/null
fi

/usr/bin/chromium --version
echo "axe-core $(node -p "require('./$AXE_DIR/node_modules/axe-core/package.json').version")"
command -v wrk >/dev/null && wrk --version 2>&1 | head -1 || true
