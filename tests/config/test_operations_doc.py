"""docs/operations.md lists every environment variable the settings read."""

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
READER = re.compile(r"env_(?:str|bool|int|list|secret)\(\s*\"([A-Z][A-Z0-9_]*)\"", re.S)


def _variables_read() -> set[str]:
    names: set[str] = set()
    for path in (PROJECT / "config" / "settings").glob("*.py"):
        names |= set(READER.findall(path.read_text()))
    names.add("SEEDS_DIR")  # read by entities.loading
    return names


def test_every_variable_read_by_the_settings_is_documented():
    doc = (PROJECT / "docs" / "operations.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]*)`", doc, re.M))
    missing = sorted(_variables_read() - documented)
    assert not missing, f"add these to the tables in docs/operations.md: {missing}"


def test_the_core_variables_are_found_at_all():
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "EMAIL_PORT"} <= _variables_read()
