"""Horizontal bar charts drawn on the server as SVG: the one chart technique of every dashboard.

No script and no chart library: the page works without JavaScript and under the strict CSP (no
inline style; colours come from classes in static/css/app.css). Each row's label sits on its own
line above its bars, and the bars are sized in per cent of the chart's width, so the text keeps
its size and stays readable from 360 px to a wide screen. Every chart is drawn beside a table
holding the same figures (templates/includes/bar_chart.html), which is what screen readers use.

Numbers written into SVG attributes are pre-formatted strings: the template engine would
otherwise localise them ("12,5" in French), which is not valid SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

LABEL_LINE = 18  # height of the label line above a row's bars, in px
BAR_HEIGHT = 14
BAR_GAP = 3
ROW_GAP = 10
# Share of the width the longest bar takes, in per cent; the rest leaves room for its figure.
BAR_SPACE = 85.0


@dataclass(frozen=True)
class Series:
    """One measure drawn in the chart, with its legend label and colour class (s0..s5)."""

    label: str
    css: str


@dataclass(frozen=True)
class Row:
    """One row of the chart: its label, one value per series, and optionally the figure written
    at the end of its bar (by default the value itself, or the total of a stacked bar)."""

    label: str
    values: Sequence[int | float]
    text: str | None = None


def _per_cent(value: float) -> str:
    return f"{value:.2f}"


def bar_chart(*, chart_id: str, title: str, series: Sequence[Series], rows: Sequence[Row], stacked: bool) -> dict:
    """The geometry of a horizontal bar chart, ready for templates/includes/bar_chart.html.

    Stacked: one bar per row, one segment per series (e.g. actions by status). Otherwise one bar
    per series in each row (e.g. open needs beside open offers)."""
    if stacked:
        top = max([sum(row.values) for row in rows] + [1])
    else:
        top = max([max(row.values, default=0) for row in rows] + [1])
    drawn, y = [], 0
    for row in rows:
        bars, bar_y = [], y + LABEL_LINE
        groups = [list(enumerate(row.values))] if stacked else [[(index, value)] for index, value in enumerate(row.values)]
        for group in groups:
            segments, x = [], 0.0
            for index, value in group:
                width = value * BAR_SPACE / top
                if width > 0:
                    segments.append({"x": _per_cent(x), "width": _per_cent(width), "css": series[index].css})
                x += width
            total = sum(value for _index, value in group)
            text = row.text if (stacked and row.text is not None) else _figure(total)
            bars.append({
                "y": str(bar_y), "height": str(BAR_HEIGHT), "text_y": str(bar_y + BAR_HEIGHT - 3),
                "segments": segments, "text": text, "text_x": _per_cent(x),
            })
            bar_y += BAR_HEIGHT + BAR_GAP
        drawn.append({"label": row.label, "label_y": str(y + LABEL_LINE - 5), "bars": bars})
        y = bar_y + ROW_GAP
    return {
        "id": chart_id, "title": title, "height": str(max(y, 1)),
        "legend": [{"label": s.label, "css": s.css} for s in series], "rows": drawn,
    }


def _figure(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
