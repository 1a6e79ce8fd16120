"""CSV of needs and offers. Cells a spreadsheet would run as a formula are neutralised."""

import csv
from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Prefixes a quote to text that starts like a formula (CSV injection, OWASP)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class _Echo:
    def write(self, value):
        return value


def _rows(queryset):
    yield [
        _("Need or offer"), _("State"), _("Region"), _("Kind"), _("Area"), _("Title"), _("Description"),
        _("Amount"), _("Currency"), _("From"), _("Until"), _("Geographic focus"), _("Status"),
        _("Who may see it"), _("Last confirmed"), _("Identifier"),
    ]
    for entry in queryset.iterator(chunk_size=500):
        yield [safe_cell(value) for value in (
            entry.get_side_display(), entry.state.name, entry.state.region, entry.get_kind_display(),
            entry.get_area_display(), entry.title, entry.description,
            "" if entry.amount is None else f"{entry.amount:.2f}", entry.currency,
            entry.period_start or "", entry.period_end or "", entry.geographic_focus, entry.get_status_display(),
            entry.get_visibility_display(), entry.confirmed_at.date().isoformat(), entry.pk,
        )]


def entries_table(queryset) -> tuple[list, Iterator[list]]:
    """The header and the rows of the CSV, for another format of the same file (the API's XLSX)."""
    rows = _rows(queryset)
    return next(rows), rows


def entries_csv_response(queryset, *, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse((writer.writerow(row) for row in _rows(queryset)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
