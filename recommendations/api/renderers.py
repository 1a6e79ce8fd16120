"""CSV output of the list endpoints (`?format=csv` or `Accept: text/csv`).

Each viewset says which columns it exports (`csv_columns`: header -> function of one item of
the JSON it would have returned); the current page is exported, so `page` (or `cursor`) and
`page_size` apply as they do to JSON. Written as every CSV of the project is (config.tabular):
UTF-8 with a byte-order mark, so spreadsheets open it without an import dialog, and the one
formula guard.
"""

import csv
import io
import json
from collections.abc import Sequence

from rest_framework import renderers
from rest_framework.renderers import BaseRenderer

from config.tabular import BOM, formula_guard


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        view = (renderer_context or {}).get("view")
        items = data.get("results", data) if isinstance(data, dict) else data
        if isinstance(items, dict):
            items = [items]
        columns = getattr(view, "csv_columns", None) or {key: (lambda item, key=key: item.get(key)) for key in (items[0] if items else {})}
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(list(columns))
        for item in items or []:
            writer.writerow([_cell(get(item)) for get in columns.values()])
        return (BOM + buffer.getvalue()).encode(self.charset)


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return formula_guard("; ".join(str(v) for v in value))
    return formula_guard(value)


def references_text(item) -> str:
    return "; ".join(f"{r['report']}, recommendation {r['number']}" for r in item.get("references", []))


class JSONItems(Sequence):
    """A page's items as the database wrote them, one JSON text each. The JSON renderer writes
    the texts as they are; whoever reads an item (the CSV renderer) gets it parsed."""

    def __init__(self, texts: list[str]):
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [json.loads(text) for text in self.texts[index]]
        return json.loads(self.texts[index])


class JSONRenderer(renderers.JSONRenderer):
    """DRF's JSON renderer; a page whose `results` are JSONItems gets them spliced in as written."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        items = data.get("results") if isinstance(data, dict) else None
        if not isinstance(items, JSONItems):
            return super().render(data, accepted_media_type, renderer_context)
        envelope = super().render({**data, "results": []}, accepted_media_type, renderer_context)
        if not envelope.endswith(b'"results":[]}'):  # an indented rendering asked for: the plain way
            return super().render({**data, "results": list(items)}, accepted_media_type, renderer_context)
        return b"".join([envelope[:-3], b"[", ",".join(items.texts).encode(), b"]}"])
