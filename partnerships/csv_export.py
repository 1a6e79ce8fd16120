"""The file of needs and offers, as the Platform page downloads it: its columns and rows. Writing
it (the formula guard, UTF-8 with a byte-order mark, streaming) is config.tabular's."""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils.translation import gettext as _

from config.tabular import table_stream


def _header() -> list[str]:
    return [
        _("Need or offer"), _("State"), _("Region"), _("Kind"), _("Area"), _("Title"), _("Description"),
        _("Amount"), _("Currency"), _("From"), _("Until"), _("Geographic focus"), _("Status"),
        _("Who may see it"), _("Last confirmed"), _("Identifier"),
    ]


def _rows(queryset) -> Iterator[list]:
    # Every value as the text the CSV shows, so the API's workbook holds the same cells as the CSV.
    for entry in queryset.iterator(chunk_size=500):
        yield ["" if value is None else str(value) for value in (
            entry.get_side_display(), entry.state.name, entry.state.region, entry.get_kind_display(),
            entry.get_area_display(), entry.title, entry.description,
            "" if entry.amount is None else f"{entry.amount:.2f}", entry.currency,
            entry.period_start or "", entry.period_end or "", entry.geographic_focus, entry.get_status_display(),
            entry.get_visibility_display(), entry.confirmed_at.date().isoformat(), entry.pk,
        )]


def entries_table(queryset) -> tuple[list, Iterator[list]]:
    """The header and the rows of the CSV, for another format of the same file (the API's XLSX)."""
    return _header(), _rows(queryset)


def entries_csv_response(queryset, *, filename: str) -> StreamingHttpResponse:
    """`filename` with or without its .csv."""
    return table_stream(header=_header(), rows=_rows(queryset), filename=filename)
