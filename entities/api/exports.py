"""Whole-list exports through the API: the browser's file for the list's filters, in one request.

A list with a browser export answers `?format=csv` and `?format=xlsx` (or `Accept: text/csv`)
with the whole filtered list, and so does its `/export/` route (CSV unless `?format=xlsx`).
The rows and columns are those of the browser's export (each view says which with
`export_file`), every text cell goes through config.tabular's formula guard, and a CSV is
streamed row by row, so the size of the list costs no memory.

Errors (a bad filter, a refused token) stay JSON whatever format was asked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Loaded with the URLs rather than on a worker's first workbook: importing openpyxl takes about
# half a second, which that one download would otherwise wait.
import openpyxl  # noqa: F401
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer

from config.schema import ERROR_REF
from config.tabular import table_response, table_stream

__all__ = [
    "CSV_TYPE",
    "FILE_FORMATS",
    "LIST_FORMAT",
    "XLSX_TYPE",
    "CSVFileRenderer",
    "WholeListExportMixin",
    "XLSXFileRenderer",
    "export_schema",
    "table_file",
]

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_FORMATS = ("csv", "xlsx")


class CSVFileRenderer(BaseRenderer):
    """Names the CSV format for content negotiation; the view answers the file itself."""

    media_type = CSV_TYPE
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data if isinstance(data, bytes) else b""


class XLSXFileRenderer(CSVFileRenderer):
    media_type = XLSX_TYPE
    format = "xlsx"
    charset = None


def table_file(*, header: Sequence, rows: Iterable[Sequence], filename: str, fmt: str):
    """CSV streamed, XLSX written whole (a workbook cannot be streamed), both by config.tabular."""
    if fmt == "csv":
        return table_stream(header=header, rows=rows, filename=filename)
    return table_response(rows=rows, header=header, filename=filename, fmt=fmt)


def export_schema(*, summary: str, description: str):
    """The schema of an `/export/` route: a CSV or XLSX file, errors as JSON."""
    return extend_schema(
        summary=summary,
        description=f"{description} Not paginated: the whole list matching the filters (the list's filters), "
                    "in the columns of the browser's export. Cells starting like a spreadsheet formula "
                    "(= + - @) carry a leading quote. CSV unless `format=xlsx`. Errors are JSON.",
        filters=True,
        parameters=[OpenApiParameter(
            "format", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False, enum=list(FILE_FORMATS),
            description="csv (the default) or xlsx; another format is a 404.",
        )],
        responses={
            (200, CSV_TYPE): OpenApiResponse(OpenApiTypes.STR, description="The CSV file."),
            (200, XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="The Excel workbook."),
            (404, "application/json"): OpenApiResponse(ERROR_REF, description="A `format` other than csv or xlsx."),
        },
    )


LIST_FORMAT = OpenApiParameter(
    "format", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False, enum=["json", *FILE_FORMATS],
    description="csv or xlsx: the whole filtered list as the browser exports it, in one file (not a page); "
                "also at the list's `export/`.",
)


class WholeListExportMixin:
    """For a list viewset whose browser page has an export. The view gives `export_file(queryset,
    fmt)` -> the response (usually `table_file(...)`), `queryset` being the filtered list."""

    def get_renderers(self):
        renderers = super().get_renderers()
        # The list's own renderers (JSON, the browsable page), then the files; other actions keep
        # theirs. A method the route does not take (no action) must be a 405 whatever the format.
        if getattr(self, "action", None) in ("list", None):
            renderers += [CSVFileRenderer(), XLSXFileRenderer()]
        return renderers

    def export_file(self, queryset, fmt: str):  # pragma: no cover - each view defines it
        raise NotImplementedError

    def export_queryset(self):
        """The filtered rows the export holds: by default the list's."""
        return self.filter_queryset(self.get_queryset())

    def list(self, request, *args, **kwargs):
        fmt = getattr(request.accepted_renderer, "format", "json")
        if fmt in FILE_FORMATS:
            return self.export_file(self.export_queryset(), fmt)
        return super().list(request, *args, **kwargs)

    @action(detail=False, methods=["get"], pagination_class=None, renderer_classes=[CSVFileRenderer, XLSXFileRenderer])
    def export(self, request):
        return self.export_file(self.export_queryset(), request.accepted_renderer.format)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if hasattr(response, "accepted_renderer") and response.accepted_renderer.format in FILE_FORMATS:
            # Errors and OPTIONS metadata are JSON whatever format was asked for.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response
