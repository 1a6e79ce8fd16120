"""Figures for the dashboard: open needs and offers by area and kind, matched share, time to
match, stale entries and funding gaps across projects."""

from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from config.charts import Row, Series, bar_chart

from ..choices import ACTIVE_STATUSES, Area, EntryStatus, Kind, MatchStatus, Side
from ..models import Entry, Match
from .funding import projects_list


def _bars(counts: dict, choices) -> list[dict]:
    """Rows of {label, need, offer}: the table beside the chart."""
    return [{"value": value, "label": label, "need": counts.get((Side.NEED, value), 0), "offer": counts.get((Side.OFFER, value), 0)}
            for value, label in choices]


def _needs_offers_chart(rows: list[dict], chart_id: str, title: str) -> dict:
    """Open needs beside open offers, one pair of bars per area or kind."""
    return bar_chart(
        chart_id=chart_id, title=title, stacked=False,
        series=[Series(_("Open needs"), "s4"), Series(_("Open offers"), "s2")],
        rows=[Row(row["label"], [row["need"], row["offer"]]) for row in rows],
    )


def _counts(queryset: QuerySet, field: str) -> dict:
    rows = queryset.filter(status__in=ACTIVE_STATUSES).order_by().values("side", field).annotate(n=Count("id"))
    return {(row["side"], row[field]): row["n"] for row in rows}


def _projects() -> tuple[list, dict]:
    """Projects (the table) and their budgets as bars: pledged, then the funding gap."""
    projects = list(projects_list()[:20])
    rows = []
    for project in projects:
        pledged = min(project.pledged_total, project.budget_total)
        share = round(pledged * 100 / project.budget_total) if project.budget_total else 0
        rows.append(Row(project.title, [float(pledged), float(project.budget_total - pledged)], text=_("%(share)s%%") % {"share": share}))
    chart = bar_chart(
        chart_id="funding-chart", title=_("Funding gaps across projects"), stacked=True,
        series=[Series(_("Pledged"), "s1"), Series(_("Funding gap"), "s0")], rows=rows,
    )
    return projects, chart


def platform_figures(entries: QuerySet) -> dict:
    projects, funding_chart = _projects()
    by_area = _bars(_counts(entries, "area"), Area.choices)
    by_kind = _bars(_counts(entries, "kind"), Kind.choices)
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
        "by_area": by_area,
        "by_kind": by_kind,
        "area_chart": _needs_offers_chart(by_area, "by-area", _("Needs against offers, by area")),
        "kind_chart": _needs_offers_chart(by_kind, "by-kind", _("Needs against offers, by kind of assistance")),
        "needs_total": totals["all"],
        "needs_matched": totals["matched"],
        "matched_share": round(totals["matched"] * 100 / totals["all"]) if totals["all"] else 0,
        "time_to_propose": durations["proposal"],
        "time_to_accept": durations["acceptance"],
        "stale": Entry.objects.stale(timezone.now()).filter(pk__in=entries.values("pk")).select_related("state").order_by("confirmed_at")[:50],
        "matches_by_status": dict(Match.objects.order_by().values_list("status").annotate(n=Count("id"))),
        "match_statuses": MatchStatus.choices,
        "projects": projects,
        "funding_chart": funding_chart,
    }
