"""The whole filtered list as one CSV download, streamed: the browser's export, byte for byte.

The rows and their columns are the browser's (recommendations.services.recommendation_files),
written by config.tabular as the browser's are, so a file taken from the API equals the one the
list page exports for the same filters. Recommendations are read in chunks (each with its own
prefetching), so memory and the query count stay flat however long the list.
"""

from collections.abc import Iterable, Iterator
from itertools import batched

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from config.tabular import table_response, table_stream

from ..models import Recommendation
from ..services import RECOMMENDATION_COLUMNS, recommendations_export_rows

__all__ = ["CHUNK", "recommendations_csv_response", "recommendations_xlsx_response"]

CHUNK = 500


def _rows(recommendations: Iterable[Recommendation]) -> Iterator[list[str]]:
    for chunk in batched(recommendations, CHUNK):
        yield from recommendations_export_rows(chunk)


def _filename() -> str:
    return f"recommendations-{timezone.now():%Y%m%d-%H%M}"


def recommendations_csv_response(queryset) -> StreamingHttpResponse:
    """`queryset`: filtered recommendations, prefetched as the browser's export prefetches them."""
    rows = _rows(queryset.prefetch_related("actions__tags").iterator(chunk_size=CHUNK))
    return table_stream(rows=rows, header=RECOMMENDATION_COLUMNS, filename=_filename())


def recommendations_xlsx_response(queryset) -> HttpResponse:
    """The browser's XLSX export (`?as=xlsx` there): a workbook is written whole."""
    rows = recommendations_export_rows(queryset.prefetch_related("actions__tags"))
    return table_response(rows=rows, header=RECOMMENDATION_COLUMNS, filename=_filename(), fmt="xlsx")
