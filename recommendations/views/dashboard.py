from django.conf import settings
from django.shortcuts import render

from entities.access import actor_for

from .. import selectors

STALE_SHOWN = 100


def dashboard(request):
    """Status counts by cluster, addressee and implementing entity, and the stale actions."""
    actor = actor_for(request.user)
    counts = selectors.dashboard_counts(actor=actor)
    stale = selectors.stale_actions(actor=actor)
    return render(request, "recommendations/dashboard.html", {
        "counts": counts,
        "chart_data": {
            "statuses": counts["statuses"],
            "by_cluster": counts["by_cluster"],
            "by_addressee": counts["by_addressee"],
            "by_entity": counts["by_entity"],
        },
        "stale_actions": stale[:STALE_SHOWN],
        "stale_count": stale.count(),
        "stale_days": settings.RECOMMENDATIONS_STALE_DAYS,
    })
