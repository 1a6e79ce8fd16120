"""Needs and offers as a reader may see them (visibility from Entry.objects.visible_to)."""

import datetime as dt

from django.db.models import Count, DateTimeField, ExpressionWrapper, F, QuerySet

from entities.access import Actor

from ..choices import CURRENT_STATUSES, EntryStatus, Side
from ..models import Entry
from ..models.entries import STALE_AFTER
from . import matching


def entries_for(actor: Actor) -> QuerySet:
    return Entry.objects.select_related("state", "target_state").visible_to(actor)


def entry_for(actor: Actor, pk: int) -> Entry:
    """The entry, if the actor may see it; Entry.DoesNotExist (a 404) otherwise."""
    return entries_for(actor).get(pk=pk)


def ranked_candidates_for(actor: Actor, entry: Entry, limit: int = 20) -> list[Entry]:
    """The best candidates among the entries the actor may see, with their reasons."""
    rows = matching.top(entry, entries_for(actor), limit=limit)
    for row in rows:
        row.reasons = matching.reasons(entry, row)
    return rows


def side_totals(queryset: QuerySet) -> dict:
    totals = dict.fromkeys(Side.values, 0)
    totals.update({row["side"]: row["n"] for row in queryset.order_by().values("side").annotate(n=Count("id"))})
    return totals


def current(queryset: QuerySet) -> QuerySet:
    """Not withdrawn."""
    return queryset.exclude(status=EntryStatus.WITHDRAWN)


def stale_entries_for(actor: Actor, *, now: dt.datetime | None = None) -> QuerySet:
    """Current entries not confirmed for STALE_AFTER, longest unconfirmed first."""
    return Entry.objects.stale(now).select_related("state").visible_to(actor).order_by("confirmed_at", "pk")


def own_state_entries(actor: Actor) -> QuerySet:
    """A State focal point's own current entries, each with `confirm_by` (when it turns stale
    and the State is asked to confirm or withdraw it), the soonest first."""
    if not (actor.is_state_focal_point and actor.state_id):
        return Entry.objects.none()
    return (
        entries_for(actor).filter(state_id=actor.state_id, status__in=CURRENT_STATUSES)
        .annotate(confirm_by=ExpressionWrapper(F("confirmed_at") + STALE_AFTER, output_field=DateTimeField()))
        .order_by("confirmed_at", "pk")
    )
