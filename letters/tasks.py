"""Celery tasks: thin wrappers taking ids. All are safe to run twice (see services)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.utils import timezone


@shared_task(acks_late=True, ignore_result=True)
def letters_send(letter_ids: list[int]) -> None:
    """Sends a chunk of letters; the ones that failed transiently come back as one new task
    per back-off delay (exponential, capped; the attempt cap is per letter)."""
    from letters.services.sending import letters_deliver

    for delay, ids in letters_deliver(letter_ids=letter_ids).items():
        letters_send.apply_async((ids,), countdown=delay, queue=settings.LETTERS_QUEUE)


@shared_task(ignore_result=True)
def letters_schedule_today() -> None:
    """The daily scheduling step (Celery beat); the management command runs the same step."""
    from letters.services.scheduling import letters_schedule

    letters_schedule(today=timezone.localdate())


@shared_task(ignore_result=True)
def letters_resume_stalled() -> None:
    """Hands off again letters whose worker died or whose hand-off was lost."""
    from letters.services.outbox import hand_off
    from letters.services.sending import letters_stalled

    hand_off(letters_stalled())
