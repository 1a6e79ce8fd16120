#!/usr/bin/env bash
# Resolves pyproject.toml (with the test extra) into exact pins in requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh >/dev/null 2>&1 || true
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
.venv/bin/python -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet --upgrade pip
"$tmp/venv/bin/pip" install --quiet ".[test]"
{
    echo "# Exact versions resolved from pyproject.toml; regenerate with 'make lock'."
    "$tmp/venv/bin/pip" freeze --exclude-editable | grep -v '^coordination-tracker'
} > requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages"
