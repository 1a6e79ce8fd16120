"""Staff's corrections of country names (entities.models.CountryNameCorrection), kept in memory.

Names are read many times a page (lists, pickers, letters to every State), so the corrections
are held in each process and checked at most once per request or task: the first name read
after a request or a task starts compares a version number in the shared cache with the one
in memory, and reads the table again only when they differ. Saving a correction gives the
cache a new version once the transaction commits (every process then reloads), and this process
reads them again at once, so what follows the save in the same transaction shows the new name.

Outside a request or a task (a shell, a command, a test without database) the corrections in
memory are used as they are, and none until a request, a task or a save has read them: reading
a name there never needs the database.
"""

from __future__ import annotations

import threading
import uuid

from celery.signals import task_postrun, task_prerun
from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction

__all__ = ["corrections", "corrections_changed", "corrections_forget"]

VERSION_KEY = "entities:country-name-corrections:version"

_local = threading.local()  # `pending`: this thread should compare versions at its next read
_memo: dict = {"version": None, "table": {}}  # replaced whole, never mutated
# A correction saved in this process and not committed yet: what is read back may still roll
# back, so it is never filed under the shared version and is read again at every check.
_uncommitted = False


def _check_at_next_read(**_kwargs) -> None:
    _local.pending = True


def _no_check(**_kwargs) -> None:
    # A request or task that read no name must not leave the check to code that runs after it
    # without a database (a shell, a test).
    _local.pending = False


request_started.connect(_check_at_next_read, dispatch_uid="country-name-corrections")
request_finished.connect(_no_check, dispatch_uid="country-name-corrections")
task_prerun.connect(_check_at_next_read, weak=False, dispatch_uid="country-name-corrections")
task_postrun.connect(_no_check, weak=False, dispatch_uid="country-name-corrections")


def _load() -> dict:
    """code -> language -> the corrected fields, from the database. The model is found through
    the app registry: the models module reads names through entities.countries, which reads this."""
    model = apps.get_model("entities", "CountryNameCorrection")
    table: dict[str, dict[str, dict]] = {}
    rows = model.objects.order_by("pk").values("state__code", "language", "name", "article", "gender", "number", "elides")
    for row in rows:
        code = str(row.pop("state__code")).upper()
        table.setdefault(code, {})[row.pop("language")] = row
    return table


def corrections() -> dict:
    """ISO code -> language -> {name, article, gender, number, elides}, for the corrected States."""
    global _memo
    if getattr(_local, "pending", False):
        _local.pending = False
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
            version = cache.get(VERSION_KEY)
        if version != _memo["version"]:
            _memo = {"version": object() if _uncommitted else version, "table": _load()}
    return _memo["table"]


def _new_version() -> None:
    global _uncommitted
    _uncommitted = False
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def corrections_changed() -> None:
    """After a correction is saved: this process reads the corrections again at once (inside the
    transaction, so it sees them), every other one once the transaction commits."""
    global _memo, _uncommitted
    _uncommitted = True
    _memo = {"version": object(), "table": _load()}
    transaction.on_commit(_new_version)


def corrections_forget() -> None:
    """Drops what memory and the cache hold (tests whose database is rolled back)."""
    global _memo, _uncommitted
    _memo = {"version": None, "table": {}}
    _uncommitted = False
    cache.delete(VERSION_KEY)
    _local.pending = False
