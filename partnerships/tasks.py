"""Thin Celery tasks: take ids, call a service.

Services import these tasks at module top and queue them with `delay_on_commit()`; a task
imports its service inside its body, which runs in the worker once every module is loaded, so
services and tasks never import each other at load time.
"""

from celery import shared_task


@shared_task(acks_late=True)
def find_strong_matches(entry_id: int) -> int:
    from .services.matches import strong_matches_record

    return strong_matches_record(entry_id=entry_id)


@shared_task(acks_late=True)
def request_stale_confirmations() -> int:
    from .services.stale import stale_entries_request_confirmation

    return stale_entries_request_confirmation()
