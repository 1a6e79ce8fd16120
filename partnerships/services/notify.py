from dataclasses import dataclass

from django.utils import timezone

from entities.countries import CountryName, country_forms

from ..models import Match
from ..notifications import queue_to_focal_points, site_link
from ..selectors import match_as_seen_by_state

PURPOSE = "partnerships-match"


@dataclass(frozen=True)
class MatchSide:
    """A need or offer as its template reads it: a title, and the State unless it is hidden."""

    title: str
    state: CountryName | None


def _side(entry, language: str) -> MatchSide:
    # An entry the recipient may not see (selectors.ConfidentialEntry) has no State to name.
    return MatchSide(title=str(entry.title), state=country_forms(entry.state, language) if entry.state else None)


def match_proposed_notify(*, match: Match) -> int:
    """Queues the e-mail to the focal points of both States (once per match and recipient)."""
    queued = 0
    for state in (match.need.state, match.offer.state):
        # Each State reads the match as its focal points would see it on the Platform: the other
        # State's entry they may not see is only "a confidential entry".
        seen = match_as_seen_by_state(match, state.pk)
        queued += queue_to_focal_points(
            state=state, key=f"{PURPOSE}:{match.pk}:{state.code.code}", kind=PURPOSE,
            context=lambda language, seen=seen: {
                "need": _side(seen.need, language), "offer": _side(seen.offer, language), "score": seen.score,
                "note": seen.note, "link": site_link(seen.get_absolute_url()),
            },
        )
    Match.objects.filter(pk=match.pk, notified_at__isnull=True).update(notified_at=timezone.now())
    return queued
