"""What the sweep asserts after each bad submission."""

from __future__ import annotations

import re
import traceback

from django.apps import apps
from django.db import connection

from .payloads import SCRIPT

DOMAIN_APPS = ("entities", "recommendations", "taskforce", "partnerships", "letters")
# Rows a refused request may legitimately add: the security log records refusals by design.
NOT_DOMAIN_DATA = re.compile(r"securityevent|loginattempt|accessattempt|accesslog", re.IGNORECASE)
ERROR_MARKERS = ('class="error', "errorlist", 'role="alert"', "has-error", 'class="errors')


def _domain_tables() -> list[str]:
    return sorted({
        model._meta.db_table for model in apps.get_models()
        if model._meta.app_label in DOMAIN_APPS and not model._meta.proxy and model._meta.managed
        and not NOT_DOMAIN_DATA.search(model._meta.model_name)
    })


def row_counts() -> dict[str, int]:
    """Rows per domain table, in one query."""
    tables = _domain_tables()
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def changed(before: dict[str, int], after: dict[str, int]) -> dict[str, tuple[int, int]]:
    return {label: (before.get(label, 0), n) for label, n in after.items() if before.get(label, 0) != n}


def shows_raw_script(response) -> bool:
    """True when a payload's markup came back unescaped in an HTML page."""
    content_type = response.get("Content-Type", "")
    if "html" not in content_type:
        return False
    body = response.content.decode(errors="replace")
    return SCRIPT in body or "<img src=x onerror" in body


def shows_error(response) -> bool:
    body = response.content.decode(errors="replace")
    return any(marker in body for marker in ERROR_MARKERS)


def call(problems: list[str], what: str, request, *args, **kwargs):
    """Makes the request; a view that raises is a 500 the user would see."""
    try:
        return request(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 (the test client re-raises what would have been a 500)
        frames = traceback.format_exception(exc)[-3:]
        problems.append(f"{what}: server error {exc.__class__.__name__}: {exc!s:.200}\n{''.join(frames)[:800]}")
        return None
