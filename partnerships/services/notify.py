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
from django.utils import timezone, translation

from entities.countries import CountryName, country_forms

from ..models import Match
from ..selectors import match_as_seen_by_state
from ..selectors.messages import focal_points_of

PURPOSE = "partnerships-match"


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
