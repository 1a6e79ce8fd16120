"""Runs each app's seed (real data) or demo loader, in dependency order.

An app takes part by having a `seed.py` or `demo.py` module with a
`load(*, stdout, **options) -> None` function. Each loader is idempotent.
"""

import importlib
import importlib.util
import os
from pathlib import Path

from django.conf import settings
from django.db import models, transaction

APPS_IN_ORDER = ["entities", "recommendations", "taskforce", "partnerships", "letters"]


def seeds_dir(explicit: str | None = None) -> Path:
    """Where the seed documents are: --seeds-dir, $SEEDS_DIR, or ../shared/seeds."""
    path = Path(explicit or os.environ.get("SEEDS_DIR") or settings.BASE_DIR.parent / "shared" / "seeds")
    if not path.is_dir():
        raise FileNotFoundError(f"Seed documents not found in {path} (set SEEDS_DIR or pass --seeds-dir).")
    return path


def run_loaders(kind: str, *, stdout, **options) -> None:
    for app in APPS_IN_ORDER:
        module_name = f"{app}.{kind}"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        with transaction.atomic():
            module.load(stdout=stdout, **options)


class Counter:
    """What a loader did: rows created, updated and left unchanged."""

    def __init__(self):
        self.created = self.updated = self.unchanged = 0

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged"


def upsert(model: type[models.Model], counter: Counter, lookup: dict, values: dict) -> models.Model:
    """get_or_create that saves an existing row only when one of `values` differs, so a
    second run of a loader writes nothing (and adds no history rows)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        counter.created += 1
        return model.objects.create(**lookup, **values)
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
        counter.updated += 1
    else:
        counter.unchanged += 1
    return obj
