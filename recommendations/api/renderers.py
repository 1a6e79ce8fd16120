"""CSV output of the list endpoints (`?format=csv` or `Accept: text/csv`).

Each viewset says which columns it exports (`csv_columns`: header -> function of one item of
the JSON it would have returned); the current page is exported, so `page` (or `cursor`) and
`page_size` apply as they do to JSON.
"""

import csv
import io

from rest_framework.renderers import BaseRenderer


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
        return buffer.getvalue().encode(self.charset)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def references_text(item) -> str:
    return "; ".join(f"{r['report']}, recommendation {r['number']}" for r in item.get("references", []))
