#!/usr/bin/env bash
# The backup and restore drill (CI step after the PostgreSQL suite; docs/operations.md, "Backups
# and restore"): fill a database (migrations, seed, demo and a few hundred generated records, an
# uploaded report file), back it up as operators do (pg_dump custom format + an archive of
# MEDIA_ROOT), restore both into a new database and a new media folder, serve the restored copy
# and compare every table's row count, every model's rows (digest and sample) and every file's
# checksum. Any difference fails loudly.
#
#   bash scripts/restore-drill.sh                      # PostgreSQL on 127.0.0.1:5432 as postgres
#   DRILL_SERVER=postgres://user:pw@host:5432 bash scripts/restore-drill.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SERVER="${DRILL_SERVER:-postgres://postgres@127.0.0.1:5432}"
SOURCE_DB=coordination_drill_source
RESTORED_DB=coordination_drill_restored
work="$(mktemp -d)"
export PGOPTIONS="-c client_min_messages=warning"
started=$(date +%s)

say() { printf '[restore drill %ss] %s\n' "$(( $(date +%s) - started ))" "$1"; }
fresh_db() { psql -q -v ON_ERROR_STOP=1 "$SERVER/postgres" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1"; }
cleanup() {
    psql -q "$SERVER/postgres" -c "DROP DATABASE IF EXISTS $SOURCE_DB WITH (FORCE)" \
        -c "DROP DATABASE IF EXISTS $RESTORED_DB WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "RESTORE DRILL FAILED: $1" >&2; exit 1; }

say "filling $SOURCE_DB"
fresh_db "$SOURCE_DB"
export DATABASE_URL="$SERVER/$SOURCE_DB" MEDIA_ROOT="$work/media" REDIS_URL=""
mkdir -p "$MEDIA_ROOT"
$PY manage.py migrate --no-input --verbosity 0
say "loading the seed and demo data"
$PY manage.py load_seed_data >/dev/null
$PY manage.py load_demo_data >/dev/null
say "generating records"
$PY scripts/restore_drill.py fill
$PY scripts/restore_drill.py snapshot "$work/before.json"

say "backing up: pg_dump (custom format) and the media archive"
pg_dump --format=custom --no-owner --file="$work/backup.dump" "$DATABASE_URL"
tar -czf "$work/media.tar.gz" -C "$MEDIA_ROOT" .
pg_restore --list "$work/backup.dump" >/dev/null || fail "the dump cannot be read back"
printf '[restore drill] backup: %s dump, %s media archive\n' \
    "$(du -h "$work/backup.dump" | cut -f1)" "$(du -h "$work/media.tar.gz" | cut -f1)"

say "restoring into $RESTORED_DB and a new media folder"
fresh_db "$RESTORED_DB"
pg_restore --no-owner --exit-on-error --dbname="$SERVER/$RESTORED_DB" "$work/backup.dump"
mkdir -p "$work/media-restored"
tar -xzf "$work/media.tar.gz" -C "$work/media-restored"
export DATABASE_URL="$SERVER/$RESTORED_DB" MEDIA_ROOT="$work/media-restored"

say "checking the restored copy"
$PY manage.py check --fail-level WARNING >/dev/null
$PY manage.py migrate --check --no-input >/dev/null || fail "the restored database lacks migrations"
$PY scripts/restore_drill.py snapshot "$work/after.json"
$PY scripts/restore_drill.py compare "$work/before.json" "$work/after.json" || fail "the restored copy differs"
$PY scripts/restore_drill.py serve || fail "the restored copy does not serve"
say "passed"
