"""Celery tasks: thin, idempotent wrappers around services."""

from celery import shared_task
from django.conf import settings
from django.utils import timezone


@shared_task(ignore_result=True)
def taskforce_overdue_reminders() -> int:
    """Weekly (Celery beat): queues reminders of overdue action items in the letters outbox.
    Running it twice in a week queues nothing more (outbox keys are per focal point and week)."""
    from taskforce.services.reminders import overdue_reminders_queue

    return overdue_reminders_queue(today=timezone.localdate(), base_url=getattr(settings, "SITE_URL", ""))
