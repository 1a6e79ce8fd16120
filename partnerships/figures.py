"""Figures for the dashboard: open needs and offers by area and kind, matched share, time to
match, stale entries and funding gaps across projects."""

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone

from .choices import ACTIVE_STATUSES, Area, EntryStatus, Kind, MatchStatus, Side
from .funding import projects_list
from .models import Entry, Match


ROW_HEIGHT, BAR_SPACE = 40, 330


def _bars(counts: dict, choices) -> list[dict]:
    """Rows of {label, need, offer} with bar widths scaled to the largest count."""
    rows = [{"value": value, "label": label, "need": counts.get((Side.NEED, value), 0), "offer": counts.get((Side.OFFER, value), 0)}
            for value, label in choices]
    top = max([max(r["need"], r["offer"]) for r in rows] + [1])
    for index, row in enumerate(rows):
        # Geometry of the server-drawn SVG chart (no script, no inline style: CSP).
        row["y"] = index * ROW_HEIGHT
        row["need_width"] = round(row["need"] * BAR_SPACE / top)
        row["offer_width"] = round(row["offer"] * BAR_SPACE / top)
    return rows



def _counts(queryset: QuerySet, field: str) -> dict:
    rows = queryset.filter(status__in=ACTIVE_STATUSES).order_by().values("side", field).annotate(n=Count("id"))
    return {(row["side"], row[field]): row["n"] for row in rows}


def _projects() -> tuple[list, int]:
    """Projects with bar widths (budget and pledged, scaled to the largest budget)."""
    projects = list(projects_list()[:20])
    top = max([p.budget_total for p in projects] + [1])
    for index, project in enumerate(projects):
        project.y = index * 28
        project.budget_width = round(project.budget_total * BAR_SPACE / top)
        project.pledged_width = round(min(project.pledged_total, project.budget_total) * BAR_SPACE / top)
    return projects, len(projects) * 28 + 4


def platform_figures(entries: QuerySet) -> dict:
    projects, projects_height = _projects()
    current = entries.exclude(status=EntryStatus.WITHDRAWN)
    needs = current.filter(side=Side.NEED)
    totals = needs.order_by().aggregate(
        all=Count("id"), matched=Count("id", filter=Q(status__in=[EntryStatus.MATCHED, EntryStatus.FULFILLED])),
    )
    durations = Match.objects.filter(status__in=[MatchStatus.ACCEPTED, MatchStatus.COMPLETED], decided_at__isnull=False).aggregate(
        proposal=Avg(ExpressionWrapper(F("created_at") - F("need__created_at"), output_field=DurationField())),
        acceptance=Avg(ExpressionWrapper(F("decided_at") - F("created_at"), output_field=DurationField())),
    )
    return {
        "by_area": _bars(_counts(entries, "area"), Area.choices),
        "by_kind": _bars(_counts(entries, "kind"), Kind.choices),
        "area_height": len(Area.choices) * ROW_HEIGHT + 4,
        "kind_height": len(Kind.choices) * ROW_HEIGHT + 4,
        "needs_total": totals["all"],
        "needs_matched": totals["matched"],
        "matched_share": round(totals["matched"] * 100 / totals["all"]) if totals["all"] else 0,
        "time_to_propose": durations["proposal"],
        "time_to_accept": durations["acceptance"],
        "stale": Entry.objects.stale(timezone.now()).filter(pk__in=entries.values("pk")).select_related("state").order_by("confirmed_at")[:50],
        "matches_by_status": dict(Match.objects.order_by().values_list("status").annotate(n=Count("id"))),
        "match_statuses": MatchStatus.choices,
        "projects": projects,
        "projects_height": projects_height,
    }
