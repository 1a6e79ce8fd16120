import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from letters.models import Letter, LetterStatus
from letters.services.outbox import message_enqueue
from letters.services.sending import backoff_seconds, letter_claim, letter_resend, letters_deliver, letters_stalled
from tests.factories import FocalPointFactory, LetterFactory

from . import flaky_backend


@pytest.fixture(autouse=True)
def _mail(settings):
    settings.EMAIL_BACKEND = "tests.letters.flaky_backend.FlakyBackend"
    settings.LETTERS_MAX_ATTEMPTS = 3
    settings.LETTERS_RETRY_BASE_SECONDS = 10
    settings.LETTERS_RETRY_MAX_SECONDS = 25
    flaky_backend.FAILURES[0] = 0


def test_enqueue_sends_after_commit_and_only_once_per_key(db, state_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = message_enqueue(key="match:1:MX", purpose="partnerships-match", recipients=["a@example.org"],
                                subject="A match", body="Hello", state=state_a)
        again = message_enqueue(key="match:1:MX", purpose="partnerships-match", recipients=["a@example.org"],
                                subject="A match", body="Hello", state=state_a)
    assert first.pk == again.pk
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Message-ID"] == Letter.objects.get().message_id


def test_nothing_is_sent_when_the_callers_transaction_rolls_back(db, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            message_enqueue(key="k", purpose="p", recipients=["a@example.org"], subject="s", body="b")
            raise RuntimeError
    assert callbacks == [] and not Letter.objects.exists() and not mail.outbox


def test_enqueue_without_usable_address_is_a_visible_no_recipient_letter(db):
    letter = message_enqueue(key="k", purpose="p", recipients=["", "broken@"], subject="s", body="b")
    assert letter.status == LetterStatus.NO_RECIPIENT
    assert "broken@" in letter.address_problem


def test_database_refuses_a_second_letter_for_the_same_state_purpose_period_stage(db, state_a):
    from django.db import IntegrityError

    LetterFactory(state=state_a, purpose="apmbc-article-7", period=2026, stage="reminder-60")
    with pytest.raises(IntegrityError):
        LetterFactory(state=state_a, purpose="apmbc-article-7", period=2026, stage="reminder-60")


def test_sent_letter_is_never_sent_again(db):
    letter = LetterFactory()
    letters_deliver(letter_ids=[letter.pk])
    letters_deliver(letter_ids=[letter.pk])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and letter.attempts == 1
    assert len(mail.outbox) == 1


def test_only_one_of_two_claims_wins(db):
    letter = LetterFactory()
    assert letter_claim(letter_id=letter.pk).status == LetterStatus.SENDING
    assert letter_claim(letter_id=letter.pk) is None


def test_smtp_failure_is_retried_later_with_growing_back_off(db):
    flaky_backend.FAILURES[0] = 1
    letter = LetterFactory()
    retry = letters_deliver(letter_ids=[letter.pk])
    letter.refresh_from_db()
    assert retry == {10: [letter.pk]}
    assert letter.status == LetterStatus.QUEUED and "SMTPServerDisconnected" in letter.last_error
    assert letter.next_attempt_at > timezone.now()
    assert letters_deliver(letter_ids=[letter.pk]) == {}  # not before its time
    assert not mail.outbox
    Letter.objects.filter(pk=letter.pk).update(next_attempt_at=timezone.now())
    letters_deliver(letter_ids=[letter.pk])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and len(mail.outbox) == 1
    assert [backoff_seconds(n) for n in (1, 2, 3)] == [10, 20, 25]


def test_letter_fails_with_the_error_after_the_attempt_cap_and_staff_can_resend(db, django_capture_on_commit_callbacks):
    flaky_backend.FAILURES[0] = 3
    letter = LetterFactory(state=None, period=None)
    for _ in range(3):
        Letter.objects.filter(pk=letter.pk).update(next_attempt_at=None)
        letters_deliver(letter_ids=[letter.pk])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.FAILED and letter.attempts == 3
    assert "Connection unexpectedly closed" in letter.last_error
    with django_capture_on_commit_callbacks(execute=True):
        letter_resend(letter=letter)
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT and len(mail.outbox) == 1


def test_resend_of_a_no_recipient_letter_uses_the_newly_added_focal_point(db, state_a, django_capture_on_commit_callbacks):
    letter = LetterFactory(state=state_a, recipients=[], status=LetterStatus.NO_RECIPIENT)
    FocalPointFactory(state=state_a, email="new@example.mx")
    with django_capture_on_commit_callbacks(execute=True):
        letter_resend(letter=letter)
    assert mail.outbox[0].to == ["new@example.mx"]


def test_claim_of_a_dead_worker_is_taken_over_after_its_lease(db):
    letter = LetterFactory(status=LetterStatus.SENDING, lease_until=timezone.now() - dt.timedelta(seconds=1))
    assert letters_stalled() == [letter.pk]
    letters_deliver(letter_ids=[letter.pk])
    letter.refresh_from_db()
    assert letter.status == LetterStatus.SENT


def test_live_claim_is_left_alone(db):
    letter = LetterFactory(status=LetterStatus.SENDING, lease_until=timezone.now() + dt.timedelta(minutes=5))
    assert letters_stalled() == []
    assert letters_deliver(letter_ids=[letter.pk]) == {}
    assert not mail.outbox
