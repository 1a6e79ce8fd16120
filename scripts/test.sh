#!/usr/bin/env bash
# Runs the whole suite, spread over the machine's cores (pytest-xdist; one file stays on one
# worker, so a file's served app or Celery worker is started once). Extra arguments go to
# pytest, e.g. `bash scripts/test.sh tests/recommendations -n 0`.
# pytest's exit code 5 ("no tests collected") is a failure here: a suite that runs nothing
# proves nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadfile "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
fi
exit "$status"
