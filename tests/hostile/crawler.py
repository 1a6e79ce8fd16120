"""One crawl step: a request made as a role, judged for server errors and partial saves.

Each request runs in a savepoint, so a database error inside it (the 500 being reported) does
not poison the test's transaction on PostgreSQL and the crawl goes on to the next value."""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, transaction

# Rows a refused request writes on purpose: the security log and the sign-in lockout record
# refusals, and a session may be opened or refreshed by any request.
BOOKKEEPING_TABLES = {
    "django_session", "entities_securityevent",
    "axes_accessattempt", "axes_accessfailurelog", "axes_accessattemptexpiration", "axes_accesslog",
}


def _tables() -> list[str]:
    return sorted({
        model._meta.db_table for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.db_table not in BOOKKEEPING_TABLES
    })


def row_counts() -> dict[str, int]:
    """Rows of every table of every model, in one query."""
    tables = _tables()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables))
        return dict(zip(tables, cursor.fetchone(), strict=True))


@dataclass
class Crawl:
    """Collects what went wrong over one route; `problems` is what the test reports."""

    problems: list[str] = field(default_factory=list)
    requests: int = 0
    _before: dict[str, int] | None = None

    def forget_counts(self) -> None:
        """After a rollback the next request is compared with a fresh count."""
        self._before = None

    def send(self, what: str, client, method: str, path: str, data=None, **kwargs):
        """Makes one request; returns the response, or None when the view raised (a 500)."""
        if self._before is None:
            self._before = row_counts()
        self.requests += 1
        response = None
        try:
            with transaction.atomic():
                response = getattr(client, method)(path, data, **kwargs)
        except Exception as exc:  # noqa: BLE001 (the test client re-raises what a user sees as a 500)
            # The product's own frames say where to look; the framework's only how it got there.
            own = [f for f in traceback.extract_tb(exc.__traceback__) if "site-packages" not in f.filename]
            frames = "".join(traceback.format_list(own[-4:]))[-1200:]
            self.problems.append(f"{what}: server error {exc.__class__.__name__}: {str(exc)[:200]}\n{frames}")
        after = row_counts()
        if response is not None:
            status = response.status_code
            if status >= 500:
                self.problems.append(f"{what}: HTTP {status}")
            elif status >= 400:
                moved = {t: (self._before[t], n) for t, n in after.items() if self._before.get(t) != n}
                if moved:
                    self.problems.append(f"{what}: refused with HTTP {status} but changed rows {moved}")
        self._before = after
        return response
