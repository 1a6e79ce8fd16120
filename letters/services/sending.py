"""Moving outbox rows forward: claim, send, record. Called by letters.tasks only.

Exactly once, as far as an SMTP client can promise it:
- a row is claimed with ONE conditional UPDATE (queued -> sending, or a `sending` row whose
  lease has run out, i.e. its worker died) that must touch exactly one row;
- a `sent` row is never claimed again;
- the Message-ID was recorded when the row was created, before any attempt;
- after the server accepts, the row is marked `sent` at once, in its own short statement.
The remaining window (server accepted, process died before the UPDATE) is in docs/letters.md.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.module_loading import import_string

from letters.models import Letter, LetterStatus
from letters.services.outbox import address_problem, hand_off_on_commit, recipients_check
from letters.services.scheduling import state_addresses

logger = logging.getLogger(__name__)

__all__ = ["backoff_seconds", "letter_cancel", "letter_claim", "letter_resend", "letters_deliver", "letters_stalled"]


def backoff_seconds(attempts: int) -> int:
    """Exponential back-off after the n-th failed attempt: base, 2*base, 4*base... capped."""
    return min(settings.LETTERS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), settings.LETTERS_RETRY_MAX_SECONDS)


_CLAIM_SQL = f"""
UPDATE {Letter._meta.db_table}
   SET status = %s, lease_until = %s, attempts = attempts + 1, updated_at = %s
 WHERE id = %s
   AND ((status = %s AND (next_attempt_at IS NULL OR next_attempt_at <= %s))
        OR (status = %s AND lease_until < %s))
RETURNING *
"""


def letter_claim(*, letter_id: int) -> Letter | None:
    """Takes the letter for sending and returns it as claimed; None when it is not ours to
    send (already sent, failed, cancelled, waiting for its next attempt, or being sent by a
    live worker). One statement: the conditional UPDATE decides, and returns the row."""
    adapt = connection.ops.adapt_datetimefield_value
    now = timezone.now()
    lease = adapt(now + timedelta(seconds=settings.LETTERS_CLAIM_LEASE_SECONDS))
    now = adapt(now)
    params = [LetterStatus.SENDING, lease, now, letter_id, LetterStatus.QUEUED, now, LetterStatus.SENDING, now]
    claimed = list(Letter.objects.raw(_CLAIM_SQL, params))
    return claimed[0] if claimed else None


def _email(letter: Letter, connection) -> EmailMessage:
    message = EmailMessage(
        subject=letter.subject, body=letter.body, from_email=settings.DEFAULT_FROM_EMAIL,
        to=letter.recipients, headers={"Message-ID": letter.message_id}, connection=connection,
    )
    if letter.attachments_builder:
        for filename, content, mimetype in import_string(letter.attachments_builder)(letter):
            message.attach(filename, content, mimetype)
    return message


def _record_sent(letter: Letter) -> None:
    now = timezone.now()
    Letter.objects.filter(pk=letter.pk, status=LetterStatus.SENDING).update(
        status=LetterStatus.SENT, sent_at=now, lease_until=None, next_attempt_at=None, last_error="", updated_at=now,
    )


def _record_failure(letter: Letter, error: Exception) -> int | None:
    """Back to `queued` with a next-attempt time, or `failed` at the attempt cap. Returns the
    back-off in seconds when another attempt is due."""
    now = timezone.now()
    text = f"{type(error).__name__}: {error}"[:2000]
    if letter.attempts >= settings.LETTERS_MAX_ATTEMPTS:
        Letter.objects.filter(pk=letter.pk, status=LetterStatus.SENDING).update(
            status=LetterStatus.FAILED, last_error=text, lease_until=None, next_attempt_at=None, updated_at=now,
        )
        logger.warning("letter %s failed after %s attempts: %s", letter.pk, letter.attempts, text)
        return None
    delay = backoff_seconds(letter.attempts)
    Letter.objects.filter(pk=letter.pk, status=LetterStatus.SENDING).update(
        status=LetterStatus.QUEUED, last_error=text, lease_until=None,
        next_attempt_at=now + timedelta(seconds=delay), updated_at=now,
    )
    return delay


def letters_deliver(*, letter_ids: Sequence[int]) -> dict[int, list[int]]:
    """Sends the given letters over one SMTP connection. Returns {backoff_seconds: [ids]} for
    the letters that failed and are due another attempt."""
    retry: dict[int, list[int]] = {}
    connection = get_connection(fail_silently=False)
    try:
        for letter_id in letter_ids:
            letter = letter_claim(letter_id=letter_id)
            if letter is None:
                continue
            try:
                if getattr(connection, "connection", False) is None:
                    connection.open()  # held open for the whole chunk, not one connection per letter
                _email(letter, connection).send()
            except Exception as exc:  # noqa: BLE001 - every failure is recorded and retried up to the cap
                delay = _record_failure(letter, exc)
                if delay is not None:
                    retry.setdefault(delay, []).append(letter_id)
                connection.close()  # start the next letter on a fresh connection
                continue
            _record_sent(letter)
    finally:
        try:
            connection.close()
        except Exception:  # noqa: BLE001 - closing a broken connection must not hide the outcome
            pass
    return retry


def letters_stalled(*, now=None) -> list[int]:
    """Letters that should be moving and are not: a `sending` claim whose lease ran out (the
    worker died) or a `queued` letter whose hand-off was lost. Handed off again by
    letters.tasks.letters_resume_stalled; a repeated hand-off is harmless (see letter_claim)."""
    now = now or timezone.now()
    grace = now - timedelta(seconds=settings.LETTERS_CLAIM_LEASE_SECONDS)
    return list(
        Letter.objects.filter(
            Q(status=LetterStatus.SENDING, lease_until__lt=now)
            | Q(status=LetterStatus.QUEUED, next_attempt_at__isnull=True, updated_at__lt=grace)
            | Q(status=LetterStatus.QUEUED, next_attempt_at__lt=grace)
        ).values_list("pk", flat=True)
    )


def letter_resend(*, letter: Letter) -> Letter:
    """Staff put a failed, cancelled or no-recipient letter back in the queue. For a letter
    to a State, the recipients are read again from its focal points."""
    with transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter.pk)
        if not letter.is_resendable:
            return letter
        if letter.state_id:
            addresses, _language = state_addresses(letter.state_id)
            valid, malformed = recipients_check(addresses)
            letter.recipients = valid
            letter.address_problem_code, letter.malformed_addresses = address_problem(malformed, valid)
        if not letter.recipients:
            letter.status = LetterStatus.NO_RECIPIENT
        else:
            letter.status = LetterStatus.QUEUED
            letter.attempts = 0
            letter.last_error = ""
            letter.next_attempt_at = None
            hand_off_on_commit([letter.pk])
        letter.save()
    return letter


def letter_cancel(*, letter: Letter) -> bool:
    """A queued letter is withdrawn; one already being sent or sent cannot be."""
    touched = Letter.objects.filter(pk=letter.pk, status__in=[LetterStatus.QUEUED, LetterStatus.NO_RECIPIENT]).update(
        status=LetterStatus.CANCELLED, updated_at=timezone.now(),
    )
    return touched == 1
