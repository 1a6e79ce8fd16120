from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

from config.charts import Row, Series, bar_chart

from .. import selectors

STALE_SHOWN = 100
# Colour class of each status in the charts (static/css/app.css).
STATUS_COLOURS = {"not_started": "s0", "in_progress": "s1", "completed": "s2", "discontinued": "s3"}


def _status_chart(counts: dict, key: str, chart_id: str, title: str) -> dict:
    """Actions by status, one stacked bar per cluster, addressee or entity."""
    statuses = counts["statuses"]
    return bar_chart(
        chart_id=chart_id, title=title, stacked=True,
        series=[Series(s["label"], STATUS_COLOURS.get(s["value"], "s5")) for s in statuses],
        rows=[Row(row["label"], [row["counts"].get(s["value"], 0) for s in statuses]) for row in counts[key]],
    )


def dashboard(request):
    """Status counts by cluster, addressee and implementing entity, and the stale actions."""
    actor = request.actor
    counts = selectors.dashboard_counts(actor=actor)
    stale = selectors.stale_actions(actor=actor)
    return render(request, "recommendations/dashboard.html", {
        "counts": counts,
        "charts": {
            "by_cluster": _status_chart(counts, "by_cluster", "chart-by-cluster", _("Action status by thematic cluster")),
            "by_addressee": _status_chart(counts, "by_addressee", "chart-by-addressee", _("Action status by addressee")),
            "by_entity": _status_chart(counts, "by_entity", "chart-by-entity", _("Action status by UN entity")),
        },
        "stale_actions": stale[:STALE_SHOWN],
        "stale_count": stale.count(),
        "stale_days": settings.RECOMMENDATIONS_STALE_DAYS,
    })
