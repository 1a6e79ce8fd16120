from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Match
from ..notifications import queue_to_focal_points
from ..selectors import match_as_seen_by_state

PURPOSE = "partnerships-match"


def match_proposed_notify(*, match: Match) -> int:
    """Queues the e-mail to the focal points of both States (once per match and recipient)."""
    queued = 0
    for state in (match.need.state, match.offer.state):
        # Each State reads the match as its focal points would see it on the Platform: the other
        # State's entry they may not see is only "a confidential entry".
        seen = match_as_seen_by_state(match, state.pk)
        queued += queue_to_focal_points(
            state=state, key=f"{PURPOSE}:{match.pk}:{state.code.code}", purpose=PURPOSE, template="match_proposed",
            subject=_("Platform for Partnerships: a match is proposed for “%(title)s”"),
            context={"match": seen, "subject_params": {"title": seen.need.title}},
        )
    Match.objects.filter(pk=match.pk, notified_at__isnull=True).update(notified_at=timezone.now())
    return queued
