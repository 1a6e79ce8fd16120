#!/usr/bin/env bash
# Letters benchmark on PostgreSQL + Redis. Creates (and afterwards drops) the database letters_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/letters_bench}"
export REDIS_URL="${BENCH_REDIS_URL:-redis://127.0.0.1:6379/14}"
export LETTERS_QUEUE="letters-bench"
export LOG_LEVEL=WARNING
DB_NAME="${DATABASE_URL##*/}"
psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME" -c "CREATE DATABASE $DB_NAME"
trap 'psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"' EXIT
.venv/bin/python manage.py migrate -v 0 --skip-checks
.venv/bin/python bench/letters_bench.py
