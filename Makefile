# The two commands of the README: `make run` and `make test`.
PY := .venv/bin/python
PORT ?= 8000

.PHONY: run test setup lock seed messages clean

setup:
	@bash scripts/bootstrap.sh
	@$(PY) manage.py migrate --no-input
	@$(PY) manage.py collectstatic --no-input --verbosity 0

seed: setup
	@$(PY) manage.py load_seed_data
	@$(PY) manage.py load_demo_data

run: seed
	@$(PY) manage.py runserver 127.0.0.1:$(PORT)

test:
	@bash scripts/bootstrap.sh
	@bash scripts/test.sh

# Regenerates requirements.lock from pyproject.toml in a throw-away environment.
lock:
	@bash scripts/lock.sh

# Extracts marked strings (needs GNU gettext), merges locale/src/*.json and compiles the catalogues.
messages:
	@$(PY) manage.py makemessages -l fr -l es --no-obsolete --ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles --ignore=var
	@$(PY) scripts/translations.py

clean:
	rm -rf .venv db.sqlite3 staticfiles var
