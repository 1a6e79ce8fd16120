"""Who the Platform's e-mails go to, and what the letters outbox holds of them: reads only.

The messages themselves are composed and queued by services.notify.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from entities.models import FocalPoint, State


def focal_points_of(state_ids) -> list[FocalPoint]:
    """The contacts messages go to: active, receiving letters, with an e-mail address."""
    return list(
        FocalPoint.objects.filter(state_id__in=state_ids, is_active=True, receives_letters=True).exclude(email="")
        .select_related("state").order_by("state_id", "name")
    )


@dataclass(frozen=True)
class Notified:
    """What the outbox holds for one State's share of a notification."""

    state: State
    queued: int  # messages with an address to go to

    def __str__(self) -> str:
        if not self.queued:
            return _("No address on file for %(state)s: nothing sent.") % {"state": self.state.name}
        return ngettext(
            "E-mail queued to %(count)d focal point of %(state)s.",
            "E-mail queued to %(count)d focal points of %(state)s.",
            self.queued,
        ) % {"count": self.queued, "state": self.state.name}


def notified(*, key_prefix: str) -> list[Notified]:
    """Per State, in the order they were queued, how many of the messages whose key starts
    with `key_prefix` have an address: read from the outbox, so a page says what happened."""
    from letters.models import Letter, LetterStatus

    counts: dict[int, Notified] = {}
    for letter in Letter.objects.filter(key__startswith=key_prefix, state__isnull=False).select_related("state").order_by("pk"):
        seen = counts.get(letter.state_id) or Notified(state=letter.state, queued=0)
        counts[letter.state_id] = Notified(state=seen.state, queued=seen.queued + (letter.status != LetterStatus.NO_RECIPIENT))
    return list(counts.values())
