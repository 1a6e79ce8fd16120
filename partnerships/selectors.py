"""Reads with their joins; visibility always comes from the models' `visible_to` and
partnerships.access."""

import datetime as dt

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.query import ModelIterable
from django.utils.translation import gettext as _

from entities.access import Actor
from partnerships.access import flag_confidential_entries, state_reader

from . import matching
from .choices import ACTIVE_STATUSES, CURRENT_STATUSES, EntryStatus, MatchStatus, Side
from .models import Challenge, Entry, Match, SuggestedMatch
from .models.entries import STALE_AFTER


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


class ConfidentialEntry:
    """Stands in for an entry the reader may not see wherever another object points to it (a
    match, its e-mail, the list of an entry's matches). It carries nothing of the entry: no
    title, State, amount, dates or address; only which side of the match it is on."""

    is_confidential = True
    pk = id = state = state_id = target_state = amount = period_start = period_end = None
    currency = area = kind = geographic_focus = description = ""

    def __init__(self, side: str) -> None:
        self.side = side

    @property
    def title(self) -> str:
        # Read when shown, so in the language of whoever reads it (a page or an e-mail).
        return _("A confidential entry")

    def get_absolute_url(self) -> str:
        return ""

    def __str__(self) -> str:
        return self.title


class _MatchesAsSeen(ModelIterable):
    """Yields matches with each entry the reader may not see (flagged by the access rule)
    replaced by a ConfidentialEntry, so no page, serializer or e-mail reading `match.need` or
    `match.offer` can show more of it than the reader may see."""

    def __iter__(self):
        for match in super().__iter__():
            for relation, side in (("need", Side.NEED), ("offer", Side.OFFER)):
                if getattr(match, f"{relation}_confidential", False):
                    # Replaces the row select_related loaded; `<relation>_id` stays for the
                    # services, which read the entries afresh before any change.
                    Match._meta.get_field(relation).set_cached_value(match, ConfidentialEntry(side))
            yield match


def matches_seen_by(actor: Actor, queryset: QuerySet) -> QuerySet:
    """Matches as `actor` may see them: another State's entry it may not see is a ConfidentialEntry."""
    queryset = flag_confidential_entries(actor, queryset.select_related("need__state", "offer__state", "proposed_by"), "need", "offer")
    queryset._iterable_class = _MatchesAsSeen
    return queryset


def matches_for(actor: Actor) -> QuerySet:
    return matches_seen_by(actor, Match.objects.all().visible_to(actor))


def match_as_seen_by_state(match: Match, state_id: int) -> Match:
    """The match as any focal point of that State may see it (for a message sent to the State)."""
    return matches_seen_by(state_reader(state_id), Match.objects.filter(pk=match.pk)).get()


def has_confidential_entry(match: Match) -> bool:
    return bool(getattr(match, "need_confidential", False) or getattr(match, "offer_confidential", False))


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
    return Challenge.objects.select_related("state").visible_to(actor)


def side_totals(queryset: QuerySet) -> dict:
    totals = dict.fromkeys(Side.values, 0)
    totals.update({row["side"]: row["n"] for row in queryset.order_by().values("side").annotate(n=Count("id"))})
    return totals


def current(queryset: QuerySet) -> QuerySet:
    """Not withdrawn."""
    return queryset.exclude(status=EntryStatus.WITHDRAWN)


# --- Start pages -------------------------------------------------------------------------------

def stale_entries_for(actor: Actor, *, now: dt.datetime | None = None) -> QuerySet:
    """Current entries not confirmed for STALE_AFTER, longest unconfirmed first."""
    return Entry.objects.stale(now).select_related("state").visible_to(actor).order_by("confirmed_at", "pk")


def matches_awaiting_decision(actor: Actor) -> QuerySet:
    """Proposed matches nobody has accepted or declined yet, oldest first."""
    return matches_for(actor).filter(status=MatchStatus.PROPOSED).order_by("created_at", "pk")


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


def own_state_challenges(actor: Actor) -> QuerySet:
    """A State focal point's own State's challenges, shared or not."""
    if not (actor.is_state_focal_point and actor.state_id):
        return Challenge.objects.none()
    return challenges_for(actor).filter(state_id=actor.state_id).order_by("obligation", "pk")
