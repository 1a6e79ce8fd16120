"""Thin Celery tasks: take ids, call a service. Queued with transaction.on_commit."""

from celery import shared_task

from . import services


@shared_task(acks_late=True)
def find_strong_matches(entry_id: int) -> int:
    return services.strong_matches_record(entry_id=entry_id)


@shared_task(acks_late=True, autoretry_for=(ConnectionError, TimeoutError), retry_backoff=60, max_retries=5)
def notify_match_proposed(match_id: int) -> int:
    return services.match_proposed_notify(match_id=match_id)


@shared_task(acks_late=True)
def request_stale_confirmations() -> int:
    return services.stale_entries_request_confirmation()
