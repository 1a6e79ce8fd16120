"""Entries not confirmed for twelve months are stale; their State is asked once to confirm."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from partnerships.services import stale_entries_request_confirmation
from partnerships.tasks import request_stale_confirmations
from tests.factories import NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db
OLD = dt.timedelta(days=366)


def test_state_is_asked_once_to_confirm_or_withdraw_its_stale_entries(parties, state_a, state_a_user, state_b_user, django_capture_on_commit_callbacks):
    NeedFactory(state=state_a, title="Old need", confirmed_at=timezone.now() - OLD)
    OfferFactory(state=state_a, title="Old offer", confirmed_at=timezone.now() - OLD)
    NeedFactory(state=state_a, title="Fresh need")
    with django_capture_on_commit_callbacks(execute=True):
        assert request_stale_confirmations.delay().get() == 1
    (message,) = mail.outbox
    assert message.to == ["focal-a@example.org"]
    assert "Old need" in message.body and "Old offer" in message.body and "Fresh need" not in message.body
    assert stale_entries_request_confirmation() == 0
    assert len(mail.outbox) == 1


def test_withdrawn_entries_are_never_stale(parties, state_a, state_a_user):
    NeedFactory(state=state_a, status="withdrawn", confirmed_at=timezone.now() - OLD)
    assert stale_entries_request_confirmation() == 0


def test_confirming_lets_the_state_be_asked_again_a_year_later(parties, state_a, state_a_user, client_for):
    from django.urls import reverse

    need = NeedFactory(state=state_a, confirmed_at=timezone.now() - OLD)
    stale_entries_request_confirmation()
    client_for("state_a").post(reverse("partnerships:entry-confirm", args=[need.pk]))
    need.refresh_from_db()
    assert need.stale_request_sent_at is None
    assert stale_entries_request_confirmation(now=timezone.now() + OLD) == 1


def test_the_request_is_scheduled_daily():
    from django.conf import settings

    assert any(job["task"] == "partnerships.tasks.request_stale_confirmations" for job in settings.CELERY_BEAT_SCHEDULE.values())
