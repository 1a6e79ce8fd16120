"""Official French and Spanish names, loaded from `data/reference/names-fr-es.csv`.

Each row gives, for one record of the registry named by its English name (`name`), the UN's
official French and Spanish forms and where they come from. An empty cell means the UN has no
official form in that language: the English name is shown (modeltranslation's fallback), never
a translation made up here. Each app's seed loader applies the rows of its own models, after
loading them, so a row naming a record that is not loaded stops the load.
"""

from __future__ import annotations

import functools

from django.db import models

from ..loading import Counter
from .reference import ReferenceDataError, read_reference

NAMES_FILE = "names-fr-es.csv"
# The translated field of each model that has rows in the file (see */translation.py).
TRANSLATED_FIELD = {
    "entities.treaty": "name",
    "entities.reportingobligation": "name",
    "entities.entity": "name",
    "entities.organisation": "name",
    "entities.addresseegroup": "name",
    "taskforce.mechanism": "name",
    "taskforce.declaration": "name",
    "recommendations.cluster": "name",
    "recommendations.report": "title",
}


@functools.cache
def official_names() -> dict[str, list[dict[str, str]]]:
    """The file's rows by model label ("entities.treaty"), checked."""
    by_model: dict[str, list[dict[str, str]]] = {}
    for number, row in enumerate(read_reference(NAMES_FILE), start=2):
        where = f"{NAMES_FILE}, line {number}"
        if row["record"] not in TRANSLATED_FIELD:
            raise ReferenceDataError(f"{where}: {row['record']!r} is not a kind of record with translated names")
        if not row["name"].strip():
            raise ReferenceDataError(f"{where}: the English name is empty")
        if not row["source"].strip():
            raise ReferenceDataError(f"{where}: say where the French and Spanish names come from (source)")
        by_model.setdefault(row["record"], []).append(row)
    return by_model


def load_official_names(model: type[models.Model], counter: Counter) -> None:
    """Writes the French and Spanish names of `model`'s records; saves only what changed."""
    label = model._meta.label_lower
    field = TRANSLATED_FIELD[label]
    for row in official_names().get(label, []):
        # Matched on the English column, whatever language is active.
        record = model.objects.filter(**{f"{field}_en": row["name"]}).first()
        if record is None:
            raise ReferenceDataError(f"{NAMES_FILE}: no {model._meta.verbose_name} is named {row['name']!r}")
        values = {f"{field}_fr": row["name_fr"] or None, f"{field}_es": row["name_es"] or None}
        changed = {name: value for name, value in values.items() if getattr(record, name) != value}
        if changed:
            for name, value in changed.items():
                setattr(record, name, value)
            record.save()
            counter.updated += 1
        else:
            counter.unchanged += 1
