"""E-mail to States' focal points, through the letters outbox (one row per message).

Each message is composed from its kind's template (letters.models.templates: shipped texts in
letters.defaults, editable by staff) in the recipient's language, and queued with
`letters.services.outbox.message_enqueue` in the caller's transaction; the outbox sends it
after commit, exactly once per key. Plain text carries no markup, so text a State typed
cannot inject any; the renderer keeps subjects to one line (no header injection).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from entities.models import FocalPoint, State


def focal_points_of(state_ids) -> list[FocalPoint]:
    """The contacts messages go to: active, receiving letters, with an e-mail address."""
    return list(
        FocalPoint.objects.filter(state_id__in=state_ids, is_active=True, receives_letters=True).exclude(email="")
        .select_related("state").order_by("state_id", "name")
    )


def site_link(path: str) -> str:
    """A page's address as an e-mail gives it: with SITE_URL in front when it is set."""
    return f"{getattr(settings, 'SITE_URL', '')}{path}" if path else ""


def queue_to_focal_points(*, state, key: str, kind: str, context: Callable[[str], dict]) -> int:
    """Queues one message per focal point of `state` that receives letters; with none, one
    `no_recipient` row that staff see in the outbox (never silently skipped). `kind` is the
    message's template kind and its outbox purpose; `context(language)` gives the template's
    placeholders, called with that language active so that names and labels are the reader's.
    Returns the number of messages that have an address to go to: 0 means nothing is sent."""
    from letters.models import LetterStatus
    from letters.secretariat import secretariat_name
    from letters.services.outbox import message_enqueue
    from letters.services.rendering import TemplateSet

    templates = TemplateSet()
    queued = 0
    focal_points = focal_points_of([state.pk]) or [None]
    for focal_point in focal_points:
        language = focal_point.language if focal_point else settings.LANGUAGE_CODE
        with translation.override(language):
            values = {**context(language), "name": focal_point.name if focal_point else "", "state": state,
                      "secretariat": secretariat_name}
        rendered = templates.render(kind=kind, language=language, context=values)
        letter = message_enqueue(
            key=f"{key}:{focal_point.pk if focal_point else 'none'}", purpose=kind,
            recipients=[focal_point.email] if focal_point and focal_point.email else [],
            subject=rendered.subject, body=rendered.body, language=language, state=state,
        )
        queued += letter.status != LetterStatus.NO_RECIPIENT
    return queued


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
