"""Reads with their joins; visibility always comes from entities.access.partnerships."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from entities.access import Actor
from entities.access.partnerships import visible_challenges, visible_entries, visible_matches

from . import matching
from .choices import ACTIVE_STATUSES, EntryStatus, Side
from .models import Challenge, Entry, Match, SuggestedMatch


def entries_for(actor: Actor) -> QuerySet:
    return visible_entries(actor, Entry.objects.select_related("state", "target_state"))


def entry_for(actor: Actor, pk: int) -> Entry:
    """The entry, if the actor may see it; Entry.DoesNotExist (a 404) otherwise."""
    return entries_for(actor).get(pk=pk)


def ranked_candidates_for(actor: Actor, entry: Entry, limit: int = 20) -> list[Entry]:
    """The best candidates among the entries the actor may see, with their reasons."""
    rows = matching.top(entry, entries_for(actor), limit=limit)
    for row in rows:
        row.reasons = matching.reasons(entry, row)
    return rows


def matches_for(actor: Actor) -> QuerySet:
    return visible_matches(actor, Match.objects.select_related("need__state", "offer__state", "proposed_by"))


def matches_of_entry(actor: Actor, entry: Entry) -> QuerySet:
    return matches_for(actor).filter(Q(need=entry) | Q(offer=entry))


def suggestions(limit: int = 50) -> QuerySet:
    """Strong matches found in the background, not yet proposed (for staff)."""
    return (
        SuggestedMatch.objects.select_related("need__state", "offer__state")
        .filter(need__status__in=ACTIVE_STATUSES, offer__status__in=ACTIVE_STATUSES)
        .exclude(Exists(Match.objects.filter(need=OuterRef("need"), offer=OuterRef("offer"))))[:limit]
    )


def challenges_for(actor: Actor) -> QuerySet:
    return visible_challenges(actor, Challenge.objects.select_related("state"))


def counts_by(queryset: QuerySet, field: str) -> dict:
    """{(side, value): count} for open needs and offers."""
    rows = queryset.filter(status__in=ACTIVE_STATUSES).order_by().values("side", field).annotate(n=Count("id"))
    return {(row["side"], row[field]): row["n"] for row in rows}


def side_totals(queryset: QuerySet) -> dict:
    totals = dict.fromkeys(Side.values, 0)
    totals.update({row["side"]: row["n"] for row in queryset.order_by().values("side").annotate(n=Count("id"))})
    return totals


def current(queryset: QuerySet) -> QuerySet:
    """Not withdrawn."""
    return queryset.exclude(status=EntryStatus.WITHDRAWN)
