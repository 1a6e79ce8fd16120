"""E-mail to States' focal points, through the letters outbox (one row per message).

Each message is rendered in the recipient's language from a plain-text template and queued
with `letters.services.outbox.message_enqueue` in the caller's transaction; the outbox sends it
after commit, exactly once per key. Plain text carries no markup, so text a State typed
cannot inject any; subjects are kept to one line (no header injection).
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from entities.models import FocalPoint


def focal_points_of(state_ids) -> list[FocalPoint]:
    return list(FocalPoint.objects.filter(state_id__in=state_ids, is_active=True).select_related("state").order_by("state_id", "name"))


def one_line(text) -> str:
    return " ".join(str(text).split())


def queue_to_focal_points(*, state, key: str, purpose: str, template: str, subject, context: dict) -> int:
    """Queues one message per active focal point of `state`; with none, one `no_recipient`
    row that staff see in the outbox (never silently skipped). Returns the number queued."""
    from letters.services.outbox import message_enqueue

    focal_points = focal_points_of([state.pk]) or [None]
    for focal_point in focal_points:
        language = focal_point.language if focal_point else settings.LANGUAGE_CODE
        with translation.override(language):
            params = {name: one_line(value) for name, value in context.get("subject_params", {}).items()}
            body = render_to_string(f"partnerships/email/{template}.txt", {
                **context, "focal_point": focal_point, "state": state, "site_url": getattr(settings, "SITE_URL", ""),
            })
            message_enqueue(
                key=f"{key}:{focal_point.pk if focal_point else 'none'}", purpose=purpose,
                recipients=[focal_point.email] if focal_point and focal_point.email else [],
                subject=one_line(str(subject) % params)[:300], body=body, language=language, state=state,
            )
    return len(focal_points)
