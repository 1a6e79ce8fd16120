"""Runs each app's seed (real data) or demo loader, in dependency order, and each app's
extractor of the seed data.

An app takes part in loading by having a `seed` or `demo` module (or package) with a
`load(*, stdout, **options) -> None` function; each loader is idempotent and reads the
committed files under `data/`, never the source documents. An app takes part in extraction
by having a `seed.extract` module with `extract(documents) -> dict`: the dict is written,
as `data/seed/<app>.json`, by `manage.py extract_seed_data`.
"""

import functools
import importlib
import importlib.util
import json
import os
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import models, transaction
from django.utils import translation

APPS_IN_ORDER = ["entities", "recommendations", "taskforce", "partnerships", "letters"]


def data_dir() -> Path:
    """The repository's `data/` folder: data shared by every app's loader (docs/architecture.md)."""
    return Path(settings.BASE_DIR) / "data"


def seed_data_dir() -> Path:
    return data_dir() / "seed"


def reference_dir() -> Path:
    return data_dir() / "reference"


def read_seed_data(area: str, folder: Path | None = None) -> dict:
    """The committed seed data of one area (`data/seed/<area>.json`)."""
    path = (folder or seed_data_dir()) / f"{area}.json"
    if not path.is_file():
        raise FileNotFoundError(f"Seed data file {path} is missing; run manage.py extract_seed_data --from <documents>.")
    return json.loads(path.read_text(encoding="utf-8"))


def seed_data_text(data: dict) -> str:
    """The one way seed data is written, so that an extraction is byte for byte reproducible."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def documents_dir(explicit: str | None = None) -> Path:
    """Where the five source documents are, for extraction only: --from, or $SEEDS_DIR."""
    given = explicit or os.environ.get("SEEDS_DIR")
    if not given:
        raise FileNotFoundError("Say where the seed documents are: --from DIR or SEEDS_DIR.")
    path = Path(given)
    if not path.is_dir():
        raise FileNotFoundError(f"Seed documents not found in {path} (pass --from DIR or set SEEDS_DIR).")
    return path


def in_english(load: Callable) -> Callable:
    """Runs a loader in English whatever language the caller left active: a translated name
    (*/translation.py) is written to, and looked up in, the active language's column, and the
    data files give English names."""

    @functools.wraps(load)
    def english_load(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return load(*args, **kwargs)

    return english_load


def run_loaders(kind: str, *, stdout, **options) -> None:
    for app in APPS_IN_ORDER:
        module_name = f"{app}.{kind}"
        if importlib.util.find_spec(module_name) is None:
            continue
        module = importlib.import_module(module_name)
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            module.load(stdout=stdout, **options)


def run_extractors(documents, *, to: Path) -> list[Path]:
    """Writes `<app>.json` into `to` for every app with a `seed.extract` module; returns the
    files written. Every extractor runs before anything is written, so a failure leaves the
    folder as it was."""
    from entities.seed.documents import SeedDocuments

    if not isinstance(documents, SeedDocuments):
        documents = SeedDocuments(Path(documents))
    extracted = {}
    for app in APPS_IN_ORDER:
        package = importlib.util.find_spec(f"{app}.seed")
        if package is None or package.submodule_search_locations is None:
            continue  # a plain seed module: nothing to extract (letters)
        if importlib.util.find_spec(f"{app}.seed.extract") is not None:
            extracted[app] = importlib.import_module(f"{app}.seed.extract").extract(documents)
    to.mkdir(parents=True, exist_ok=True)
    written = []
    for app, data in extracted.items():
        path = to / f"{app}.json"
        path.write_text(seed_data_text(data), encoding="utf-8")
        written.append(path)
    return written


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
