"""Article 5 reminders: sent by the daily step before each State's clearance deadline, once, in
the State's language; none for a State that declared completion or withdrew."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from entities.access import actor_for
from letters.models import ClearanceReminderPlan, Letter
from letters.services.obligations import destruction_record, extension_record, withdrawal_record
from letters.services.scheduling import letters_schedule
from tests.factories import (
    FocalPointFactory,
    ReportingObligationFactory,
    StateFactory,
    TreatyPartyFactory,
)

D = dt.date
# Entry into force 1 September 2025: the article 5 deadline is 1 September 2035, so the
# 24-month reminder is due on 1 September 2033 and the 12-month one on 1 September 2034.
ON_THE_DAY = D(2033, 9, 1)


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def staff(isu_staff):
    return actor_for(isu_staff)


@pytest.fixture
def mined(db, staff):
    """Two States Parties with mined areas recorded: Peru (focal point in Spanish) and Senegal
    (French); Norway is a State Party with none."""
    obligation = ReportingObligationFactory()
    parties = {}
    for code, language, email in (("PE", "es", "minas@rree.example.pe"), ("SN", "fr", "mines@diplomatie.example.sn"),
                                  ("NO", "en", "mines@mfa.example.no")):
        state = StateFactory(code=code)
        parties[code] = TreatyPartyFactory(treaty=obligation.treaty, state=state, consent_to_be_bound=D(2025, 3, 3),
                                           entry_into_force=D(2025, 9, 1))
        FocalPointFactory(state=state, email=email, language=language, name=f"Focal point {code}")
    for code in ("PE", "SN"):
        destruction_record(actor=staff, state=parties[code].state, kind="article-5", recorded_on=D(2025, 11, 3),
                           today=D(2026, 1, 15))
    return parties


def _run(day, capture):
    with capture(execute=True):
        return letters_schedule(today=day)


def test_state_with_mined_areas_gets_one_letter_24_months_ahead_in_its_language(mined, django_capture_on_commit_callbacks):
    _run(ON_THE_DAY, django_capture_on_commit_callbacks)

    letters = Letter.objects.filter(purpose="apmbc-article-5")
    assert sorted((letter.state.code.code, letter.language, letter.stage, letter.period) for letter in letters) == [
        ("PE", "es", "months-24", 2035), ("SN", "fr", "months-24", 2035),
    ]
    spanish = next(m for m in mail.outbox if m.to == ["minas@rree.example.pe"])
    assert spanish.subject == "Plazo del artículo 5: 1 de septiembre de 2035"
    assert "dentro de 24 meses" in spanish.body and "Perú" in spanish.body
    french = next(m for m in mail.outbox if m.to == ["mines@diplomatie.example.sn"])
    assert "1er septembre 2035" in french.subject and "dans 24 mois" in french.body
    assert not any(m.to == ["mines@mfa.example.no"] for m in mail.outbox)


def test_a_second_run_and_the_next_days_send_nothing_new(mined, django_capture_on_commit_callbacks):
    _run(ON_THE_DAY, django_capture_on_commit_callbacks)
    again = _run(ON_THE_DAY, django_capture_on_commit_callbacks)
    later = _run(ON_THE_DAY + dt.timedelta(days=40), django_capture_on_commit_callbacks)

    assert again.created == 0 and later.created == 0
    assert Letter.objects.filter(purpose="apmbc-article-5").count() == 2
    assert len(mail.outbox) == 2


def test_nothing_before_the_day_and_the_12_month_reminder_later(mined, django_capture_on_commit_callbacks):
    assert _run(ON_THE_DAY - dt.timedelta(days=1), django_capture_on_commit_callbacks).created == 0
    _run(ON_THE_DAY, django_capture_on_commit_callbacks)
    _run(D(2034, 9, 1), django_capture_on_commit_callbacks)
    stages = sorted(Letter.objects.filter(state=mined["PE"].state).values_list("stage", flat=True))
    assert stages == ["months-12", "months-24"]
    assert "dentro de 12 meses" in Letter.objects.get(state=mined["PE"].state, stage="months-12").body


def test_completed_or_withdrawn_state_gets_none(mined, staff, django_capture_on_commit_callbacks):
    destruction_record(actor=staff, state=mined["PE"].state, kind="article-5", recorded_on=D(2025, 11, 3),
                       completed_on=D(2030, 5, 5), today=D(2031, 1, 1))
    withdrawal_record(actor=staff, state=mined["SN"].state, received_on=D(2031, 2, 1), today=D(2031, 2, 2))

    result = _run(ON_THE_DAY, django_capture_on_commit_callbacks)

    assert result.created == 0
    assert not Letter.objects.filter(purpose="apmbc-article-5").exists()


def test_an_extension_moves_the_reminders_to_the_new_deadline(mined, staff, django_capture_on_commit_callbacks):
    extension_record(actor=staff, state=mined["PE"].state, decision="Decision on the request of Peru",
                     months_granted=60, decided_on=D(2033, 6, 20), today=D(2033, 7, 1))
    _run(ON_THE_DAY, django_capture_on_commit_callbacks)
    assert not Letter.objects.filter(state=mined["PE"].state).exists()
    _run(D(2038, 9, 1), django_capture_on_commit_callbacks)
    assert Letter.objects.get(state=mined["PE"].state).period == 2040


def test_staff_edit_the_plan_months(mined, staff_client, django_capture_on_commit_callbacks):
    url = reverse("letters:obligations-reminders")
    assert "24, 12" in staff_client.get(url).content.decode()
    response = staff_client.post(url, {"offsets_months": "36, 0", "is_active": "on"})
    assert response.status_code == 400
    assert "between 1 and 120" in response.content.decode()
    response = staff_client.post(url, {"offsets_months": "18; 36", "is_active": "on"})
    assert response.status_code == 302
    assert ClearanceReminderPlan.objects.get().offsets_months == [36, 18]
    overview = staff_client.get(reverse("letters:obligations")).content.decode()
    assert "36, 18 months before its article 5 deadline" in overview

    _run(ON_THE_DAY, django_capture_on_commit_callbacks)  # 24 months ahead: inside the 36-month window
    assert set(Letter.objects.filter(purpose="apmbc-article-5").values_list("stage", flat=True)) == {"months-36"}


def test_switched_off_plan_sends_nothing(mined, django_capture_on_commit_callbacks):
    ClearanceReminderPlan.objects.create(is_active=False)
    assert _run(ON_THE_DAY, django_capture_on_commit_callbacks).created == 0
