"""Matches as a reader may see them: another State's entry the reader may not see stands in
as a ConfidentialEntry (partnerships.access flags it)."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.query import ModelIterable
from django.utils.translation import gettext as _

from entities.access import Actor
from partnerships.access import flag_confidential_entries, state_reader

from ..choices import ACTIVE_STATUSES, MatchStatus, Side
from ..models import Entry, Match, SuggestedMatch


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


def matches_awaiting_decision(actor: Actor) -> QuerySet:
    """Proposed matches nobody has accepted or declined yet, oldest first."""
    return matches_for(actor).filter(status=MatchStatus.PROPOSED).order_by("created_at", "pk")
