"""Thin Celery tasks: take ids, call a service. Queued with transaction.on_commit."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def find_strong_matches(entry_id: int) -> int:
    return services.strong_matches_record(entry_id=entry_id)


@shared_task(acks_late=True)
def request_stale_confirmations() -> int:
    return services.stale_entries_request_confirmation()
