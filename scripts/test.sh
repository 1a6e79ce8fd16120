#!/usr/bin/env bash
# Runs the whole suite in two steps:
#   1. everything but the browser journeys, spread over the machine's cores (pytest-xdist; a
#      file stays on one worker, so its served app or Celery worker is started once);
#   2. the browser journeys (marker e2e) and the API fuzzing (marker serial) in one process:
#      Playwright's sync API keeps an event loop running for the session, which Django's ORM
#      refuses to share with other tests, and the fuzzing's 0.5 s limit on every response is
#      measured without the rest of the suite competing for the cores.
# Extra arguments go to both steps, e.g. `bash scripts/test.sh tests/recommendations`.
# SKIP_E2E=1 leaves out step 2. Step 2 first installs Chromium when it is missing (scripts/e2e-deps.sh). pytest's exit code 5 ("no tests collected") fails step 1:
# a suite that runs nothing proves nothing.
set -uo pipefail
cd "$(dirname "$0")/.."

# SKIP_ROUTE_WALK=1 leaves out the query-count walk of every route (marker route_walk), whose
# counts do not depend on the database: CI runs it on SQLite and skips it on PostgreSQL.
markers="not e2e and not serial"
if [ "${SKIP_ROUTE_WALK:-0}" = "1" ]; then
    markers="$markers and not route_walk"
fi
.venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" --dist loadfile -m "$markers" "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "error: pytest collected no tests" >&2
fi

if [ "${SKIP_E2E:-0}" != "1" ]; then
    # The journeys need Debian's Chromium: installed here when missing (as root). Only where it
    # truly cannot be had are they left out, with one line saying why; never in CI.
    serial="e2e or serial"
    if ! bash scripts/e2e-deps.sh >/dev/null; then
        if [ "${CI:-}" = "true" ] || [ "${CI:-}" = "1" ]; then
            echo "error: the browser journeys cannot run in CI without Chromium" >&2
            exit 1
        fi
        echo "skipping the browser journeys: Chromium is missing and cannot be installed here (see the line above)" >&2
        serial="serial"
    fi
    .venv/bin/python -m pytest -p no:xdist -m "$serial" "$@"
    journeys=$?
    # 5: the arguments selected no journey (e.g. a single app's tests), which is fine here.
    if [ "$journeys" -ne 0 ] && [ "$journeys" -ne 5 ] && [ "$status" -eq 0 ]; then
        status=$journeys
    fi
fi
exit "$status"
