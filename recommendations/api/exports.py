"""The whole filtered list as one CSV download, streamed: the browser's export, byte for byte.

The rows, their columns and the formula guard are the browser's (recommendations.transfer:
`export_rows`, `to_csv`), so a file taken from the API equals the one the list page exports
for the same filters. Recommendations are read in chunks (each with its own prefetching), so
memory and the query count stay flat however long the list.
"""

from collections.abc import Iterable, Iterator
from itertools import batched

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

from entities.api.exports import XLSX_TYPE

from ..models import Recommendation
from ..transfer import COLUMNS, export_rows, to_csv, to_xlsx

__all__ = ["CHUNK", "recommendations_csv_response", "recommendations_xlsx_response"]

CHUNK = 500
_BOM = "\ufeff".encode()


def _csv_chunks(recommendations: Iterable[Recommendation]) -> Iterator[bytes]:
    # to_csv starts every file with a byte-order mark (so spreadsheets read UTF-8); only the first chunk keeps it.
    yield to_csv([list(COLUMNS)])
    for chunk in batched(recommendations, CHUNK):
        yield to_csv(export_rows(chunk)[1:]).removeprefix(_BOM)


def recommendations_csv_response(queryset) -> StreamingHttpResponse:
    """`queryset`: filtered recommendations, prefetched as the browser's export prefetches them."""
    response = StreamingHttpResponse(
        _csv_chunks(queryset.prefetch_related("actions__tags").iterator(chunk_size=CHUNK)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="recommendations-{stamp}.csv"'
    return response


def recommendations_xlsx_response(queryset) -> HttpResponse:
    """The browser's XLSX export (`?as=xlsx` there): a workbook is written whole."""
    response = HttpResponse(to_xlsx(export_rows(queryset.prefetch_related("actions__tags"))), content_type=XLSX_TYPE)
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="recommendations-{stamp}.xlsx"'
    return response
