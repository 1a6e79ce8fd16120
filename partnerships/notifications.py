"""E-mail to States' focal points, in each focal point's language.

Sent from Celery tasks (queued on commit) through Django's mail API, with a plain-text body and
an HTML alternative rendered with auto-escaping, so text a State typed cannot inject markup.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from entities.models import FocalPoint


def focal_points_of(state_ids) -> list[FocalPoint]:
    return list(
        FocalPoint.objects.filter(state_id__in=state_ids, is_active=True).exclude(email="").order_by("state_id", "name")
    )


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:200]


def send_to_focal_point(focal_point: FocalPoint, *, template: str, subject: str, context: dict) -> None:
    """Renders `<template>.txt` and `.html` in the focal point's language and sends them."""
    with translation.override(focal_point.language or settings.LANGUAGE_CODE):
        context = {**context, "focal_point": focal_point, "site_url": getattr(settings, "SITE_URL", "")}
        text = render_to_string(f"partnerships/email/{template}.txt", context)
        html = render_to_string(f"partnerships/email/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=_one_line(str(subject) % {k: _one_line(v) for k, v in context.get("subject_params", {}).items()}),
            body=text, to=[focal_point.email],
        )
    message.attach_alternative(html, "text/html")
    message.send()
