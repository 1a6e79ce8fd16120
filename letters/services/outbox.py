"""The outbox: the one way anything leaves the product by e-mail.

Other apps (partnerships: match notifications, stale-entry requests; taskforce: overdue
action-item reminders) call `message_enqueue`; the reminder letters use the bulk variant
`messages_enqueue_bulk`. Both create the outbox row(s) in the CALLER's transaction and hand
the ids to Celery only after that transaction commits (`transaction.on_commit`), so a
rolled-back request never sends anything and a committed row is never forgotten.

    from letters.services.outbox import message_enqueue

    message_enqueue(
        key=f"match:{match.pk}:{state.code}",      # unique per logical message, forever
        purpose="partnerships-match",              # short slug, used for filters and counts
        recipients=["focal@example.org"],          # addresses; malformed ones are flagged
        subject="...", body="...",                  # already rendered plain text
        language="fr",
        state=state,                               # or entity=entity, or neither
    )

Guarantees:
- Calling twice with the same `key` returns the existing row and sends nothing more
  (a unique constraint decides, not a prior SELECT, so concurrent callers are safe too).
- A message whose recipients are all missing or malformed is stored with status
  `no_recipient` and shown to staff; it is never silently skipped.
- The sending task claims the row with a conditional UPDATE and never sends a `sent` row
  again; see docs/letters.md for the retry and exactly-once design.

`attachments_builder` is the dotted path of a function `(letter) -> list[(filename, bytes,
mimetype)]` called at send time (the reminder letters use `letters.pdf.letter_attachments`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from letters.models import Letter, LetterStatus
from letters.models.outbox import AddressProblemCode
from letters.tasks import letters_send

__all__ = ["Draft", "address_problem", "hand_off", "message_enqueue", "messages_enqueue_bulk", "recipients_check"]


def _message_id() -> str:
    return f"<{uuid.uuid4().hex}@{settings.LETTERS_MESSAGE_ID_DOMAIN}>"


@lru_cache(maxsize=65536)
def _is_valid_address(address: str) -> bool:
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def recipients_check(addresses: Iterable[str]) -> tuple[list[str], list[str]]:
    """Splits addresses into (valid, malformed); blanks are dropped, duplicates removed."""
    valid: list[str] = []
    malformed: list[str] = []
    for raw in addresses:
        address = (raw or "").strip()
        if not address:
            continue
        if not _is_valid_address(address):
            malformed.append(address)
        elif address.lower() not in {a.lower() for a in valid}:
            valid.append(address)
    return valid, malformed


def address_problem(malformed: list[str], valid: list[str]) -> tuple[str, str]:
    """(code, malformed addresses as typed) of a letter's addresses. Stored as a code, not as
    words, so each reader sees the problem in their own language (Letter.address_problem)."""
    if not valid:
        code = AddressProblemCode.NO_ADDRESS
    elif malformed:
        code = AddressProblemCode.MALFORMED
    else:
        code = ""
    return code, ", ".join(malformed)


@dataclass
class Draft:
    """One message to create, for `messages_enqueue_bulk`."""

    key: str
    purpose: str
    subject: str
    body: str
    recipients: Sequence[str] = ()
    language: str = "en"
    state_id: int | None = None
    entity_id: int | None = None
    period: int | None = None
    stage: str = ""
    attachments_builder: str = ""
    extra: dict = field(default_factory=dict)

    def to_letter(self, batch: uuid.UUID) -> Letter:
        valid, malformed = recipients_check(self.recipients)
        code, malformed_addresses = address_problem(malformed, valid)
        return Letter(
            key=self.key, purpose=self.purpose, subject=self.subject[:300], body=self.body,
            recipients=valid, language=self.language, state_id=self.state_id, entity_id=self.entity_id,
            period=self.period, stage=self.stage, attachments_builder=self.attachments_builder,
            address_problem_code=code, malformed_addresses=malformed_addresses,
            status=LetterStatus.QUEUED if valid else LetterStatus.NO_RECIPIENT,
            message_id=_message_id(), batch=batch,
        )


def hand_off(ids: Sequence[int]) -> None:
    """Gives letter ids to Celery in chunks of LETTERS_HANDOFF_CHUNK (one broker message per
    chunk, over one producer connection). Harmless to repeat: the task claims each row."""
    chunk = settings.LETTERS_HANDOFF_CHUNK
    ids = list(ids)
    if not ids:
        return
    with letters_send.app.producer_or_acquire() as producer:
        for start in range(0, len(ids), chunk):
            letters_send.apply_async((ids[start:start + chunk],), queue=settings.LETTERS_QUEUE, producer=producer)


def hand_off_on_commit(ids: Sequence[int]) -> None:
    """hand_off once the transaction that queued the letters commits. Letters are handed off
    in chunks over one producer connection (hand_off), which is why this is not a task's
    delay_on_commit: a run of thousands of letters is a few broker messages, not thousands."""
    if ids:
        transaction.on_commit(lambda: hand_off(ids))


def message_enqueue(
    *,
    key: str,
    purpose: str,
    recipients: Sequence[str],
    subject: str,
    body: str,
    language: str = "en",
    state=None,
    entity=None,
    period: int | None = None,
    stage: str = "",
    attachments_builder: str = "",
) -> Letter:
    """Creates one outbox row (or returns the existing one with this key) and sends it after
    the caller's transaction commits. Keyword-only; safe to call twice."""
    draft = Draft(
        key=key, purpose=purpose, subject=subject, body=body, recipients=recipients, language=language,
        state_id=state.pk if state else None, entity_id=entity.pk if entity else None,
        period=period, stage=stage, attachments_builder=attachments_builder,
    )
    existing = Letter.objects.filter(key=key).first()
    if existing is not None:
        return existing
    letter = draft.to_letter(uuid.uuid4())
    try:
        with transaction.atomic():
            letter.save()
    except IntegrityError:
        # Someone else created it first (same key, or same State/purpose/period/stage).
        found = Letter.objects.filter(key=key).first()
        if found is None and state is not None and period is not None:
            found = Letter.objects.filter(state=state, purpose=purpose, period=period, stage=stage).first()
        if found is None:
            raise
        return found
    if letter.status == LetterStatus.QUEUED:
        hand_off_on_commit([letter.pk])
    return letter


def messages_enqueue_bulk(drafts: Sequence[Draft], *, batch_size: int = 2000) -> list[int]:
    """Creates many outbox rows with bulk INSERTs, skipping any that already exist (by key or
    by State/purpose/period/stage), and hands the new queued ones to Celery after commit.

    Returns the ids of the rows THIS call created. Two runs at once are safe: the database's
    unique constraints decide which run creates a row, and each run only hands off its own.
    """
    if not drafts:
        return []
    batch = uuid.uuid4()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            created = _copy_insert(drafts)
        else:
            letters = [draft.to_letter(batch) for draft in drafts]
            Letter.objects.bulk_create(letters, batch_size=batch_size, ignore_conflicts=True)
            created = list(Letter.objects.filter(batch=batch).values_list("id", "status"))
        hand_off_on_commit([pk for pk, status in created if status == LetterStatus.QUEUED])
    return [pk for pk, _status in created]


_COPY_FIELDS = [
    "key", "purpose", "state_id", "entity_id", "period", "stage", "language", "recipients", "subject", "body",
    "attachments_builder", "status", "attempts", "last_error", "address_problem_code", "malformed_addresses",
    "message_id", "batch",
    "created_at", "updated_at",
]


def _copy_insert(drafts: Sequence[Draft]) -> list[tuple[int, str]]:
    """PostgreSQL: COPY the rows into a temporary table, then one INSERT ... SELECT ... ON
    CONFLICT DO NOTHING RETURNING: a few round trips for 10,000 letters instead of one
    parameter-bound statement per thousand rows, and the ids of exactly the rows we created."""
    table = Letter._meta.db_table
    columns = ", ".join(_COPY_FIELDS)
    now = timezone.now()
    with connection.cursor() as cursor:
        # The table name and the columns are constants of this module, never user input.
        cursor.execute(
            f"CREATE TEMPORARY TABLE letters_incoming ON COMMIT DROP AS SELECT {columns} FROM {table} WITH NO DATA"  # nosec B608
        )
        with cursor.cursor.copy(f"COPY letters_incoming ({columns}) FROM STDIN") as copy:
            for draft in drafts:
                valid, malformed = recipients_check(draft.recipients)
                code, malformed_addresses = address_problem(malformed, valid)
                copy.write_row((
                    draft.key, draft.purpose, draft.state_id, draft.entity_id, draft.period, draft.stage,
                    draft.language, json.dumps(valid), draft.subject[:300], draft.body, draft.attachments_builder,
                    LetterStatus.QUEUED.value if valid else LetterStatus.NO_RECIPIENT.value, 0, "",
                    code, malformed_addresses, _message_id(), None,
                    now, now,
                ))
        cursor.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM letters_incoming "  # nosec B608
            f"ON CONFLICT DO NOTHING RETURNING id, status"
        )
        created = cursor.fetchall()
        cursor.execute("DROP TABLE letters_incoming")
    return created
