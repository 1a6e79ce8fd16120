#!/usr/bin/env bash
# Creates .venv with a Python 3.12+ interpreter and installs the locked dependencies.
# Safe to run again: it reinstalls only when requirements.lock has changed.
set -euo pipefail
cd "$(dirname "$0")/.."

is_suitable() {
    "$1" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1
}

find_python() {
    local candidates=()
    [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
    candidates+=(python3.14 python3.13 python3.12 python3 python)
    # pyenv installs versions that its shims only expose when selected; look at them directly.
    local pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
    for dir in "$pyenv_root"/versions/3.1[2-9]* /usr/local/bin /usr/bin /opt/homebrew/bin; do
        for exe in "$dir"/bin/python3 "$dir"/python3.1[2-9]; do
            [ -x "$exe" ] && candidates+=("$exe")
        done
    done
    for candidate in "${candidates[@]}"; do
        if command -v "$candidate" >/dev/null 2>&1 && is_suitable "$candidate"; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

if [ -x .venv/bin/python ] && ! is_suitable .venv/bin/python; then
    echo "Removing .venv: it was made with a Python older than 3.12." >&2
    rm -rf .venv
fi

if [ ! -x .venv/bin/python ]; then
    if ! python_exe=$(find_python); then
        echo "error: Python 3.12 or newer is required (Django 6) and none was found." >&2
        echo "Install one (e.g. 'pyenv install 3.12' or your system's python3.12 package)," >&2
        echo "or point PYTHON at it: PYTHON=/path/to/python3.12 make run" >&2
        exit 1
    fi
    echo "Creating .venv with $python_exe ($("$python_exe" --version))"
    "$python_exe" -m venv .venv
fi

stamp=.venv/.requirements.sha256
wanted=$(sha256sum requirements.lock | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --quiet -r requirements.lock
    echo "$wanted" > "$stamp"
fi
