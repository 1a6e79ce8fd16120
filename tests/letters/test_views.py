import datetime as dt

import pytest
from django.urls import reverse

from letters.models import Letter, LetterStatus, LetterTemplate, ReportSubmission
from tests.factories import CampaignFactory, LetterFactory, StateFactory


def test_staff_preview_a_reminder_in_french(staff_client, convention):
    response = staff_client.get(reverse("letters:preview"), {
        "kind": "report-reminder", "state": "MX", "language": "fr", "period": 2026, "days": 60,
    })
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rappel" in page and "Mexique" in page and "30 avril 2027" in page


def test_staff_preview_a_reminder_in_spanish_as_pdf(staff_client, convention):
    response = staff_client.get(reverse("letters:preview"), {
        "kind": "report-reminder", "state": "UG", "language": "es", "period": 2026, "days": 30, "format": "pdf",
    })
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_staff_preview_the_platform_call_in_spanish(staff_client, convention):
    response = staff_client.get(reverse("letters:preview"), {
        "kind": "platform-call", "state": "MX", "language": "es", "period": 2027, "days": 0,
    })
    assert "Plataforma de Alianzas" in response.content.decode()


def test_template_with_unknown_placeholder_is_refused_with_the_reason(staff_client, db):
    url = reverse("letters:template-edit", args=["report-reminder", "en"])
    response = staff_client.post(url, {"subject": "Reminder {{ period }}", "body": "Dear {{ stat }},"})
    assert response.status_code == 200
    assert "Unknown placeholder {{ stat }}" in response.content.decode()
    assert not LetterTemplate.objects.exists()


def test_template_with_broken_syntax_is_refused_with_the_reason(staff_client, db):
    url = reverse("letters:template-edit", args=["report-reminder", "en"])
    response = staff_client.post(url, {"subject": "Reminder", "body": "{% if state %}unclosed"})
    assert "Broken template syntax" in response.content.decode()
    assert not LetterTemplate.objects.exists()


def test_template_with_a_forbidden_tag_is_refused(staff_client, db):
    url = reverse("letters:template-edit", args=["report-reminder", "en"])
    response = staff_client.post(url, {"subject": "Reminder", "body": "{% load static %}{{ state }}"})
    assert "not allowed" in response.content.decode()


def test_edited_template_is_used_for_the_next_letters(staff_client, convention, django_capture_on_commit_callbacks, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    url = reverse("letters:template-edit", args=["report-reminder", "en"])
    staff_client.post(url, {"subject": "Please report for {{ period }}", "body": "Dear {{ state }}, {{ days_left }} days left."})
    from letters.services.scheduling import letters_schedule

    with django_capture_on_commit_callbacks(execute=True):
        letters_schedule(today=dt.date(2027, 3, 1))
    letter = Letter.objects.get(state=convention.ug)
    assert letter.subject == "Please report for 2026"
    assert letter.body == "Dear Uganda, 60 days left."


def test_outbox_shows_counts_by_status_and_filters(staff_client, db):
    LetterFactory(status=LetterStatus.SENT)
    LetterFactory(status=LetterStatus.FAILED, subject="Broken one", last_error="SMTP down")
    response = staff_client.get(reverse("letters:outbox"), {"status": "failed"})
    page = response.content.decode()
    assert "Broken one" in page
    assert response.context["counts"]["sent"] == 1 and response.context["counts"]["failed"] == 1
    assert response.context["page_obj"].paginator.count == 1


@pytest.mark.parametrize("size", [3, 30])
def test_outbox_query_count_does_not_grow_with_the_page(staff_client, db, django_assert_max_num_queries, size):
    for code in ["MX", "NL", "CH", "UG", "CO", "KH", "AO", "FR", "ES", "DE"]:
        StateFactory(code=code)
    for index in range(size):
        LetterFactory()
    with django_assert_max_num_queries(12):
        staff_client.get(reverse("letters:outbox"))


def test_staff_send_now_for_a_campaign_queues_one_letter_per_state_party(staff_client, convention, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    campaign = CampaignFactory(treaty=convention.treaty)
    response = staff_client.post(reverse("letters:campaign-send", args=[campaign.pk]))
    assert response.status_code == 302
    assert Letter.objects.filter(stage=campaign.purpose).count() == 5
    staff_client.post(reverse("letters:campaign-send", args=[campaign.pk]))
    assert Letter.objects.filter(stage=campaign.purpose).count() == 5


def test_staff_resend_a_failed_letter(staff_client, db, settings, state_a):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from tests.factories import FocalPointFactory

    FocalPointFactory(state=state_a, email="x@example.mx")
    letter = LetterFactory(state=state_a, status=LetterStatus.FAILED, attempts=6)
    staff_client.post(reverse("letters:letter-resend", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.status in {LetterStatus.QUEUED, LetterStatus.SENT}
    assert letter.attempts <= 1


@pytest.fixture
def february_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 2, 20, 9, 0, tzinfo=dt.UTC))


@pytest.fixture
def june_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC))


def test_plan_lists_who_gets_what_when(february_2027, staff_client, convention):
    response = staff_client.get(reverse("letters:plan"))
    page = response.content.decode()
    assert "reminder 60 days before the deadline" in page
    assert "Mexico" in page and "France" not in page


def test_focal_point_records_own_states_report(client_for, state_a, convention):
    client = client_for("state_a")
    response = client.post(reverse("letters:report-create"), {
        "kind": "annual", "period": 2025, "received_on": "2026-04-20", "link": "https://example.org/report.pdf",
    })
    assert response.status_code == 302
    report = ReportSubmission.objects.get(state=state_a, period=2025)
    assert report.obligation == convention.obligation


def test_focal_point_sees_only_own_states_reports(client_for, convention, state_a, state_b):
    from tests.factories import ReportSubmissionFactory

    ReportSubmissionFactory(obligation=convention.obligation, state=state_b, period=2025)
    response = client_for("state_a").get(reverse("letters:report-list"))
    assert list(response.context["reports"]) == []


def test_compliance_shows_on_time_late_and_missing(june_2027, staff_client, convention):
    from tests.factories import ReportSubmissionFactory

    ReportSubmissionFactory(obligation=convention.obligation, state=convention.mx, period=2026, received_on=dt.date(2027, 5, 20))
    response = staff_client.get(reverse("letters:compliance"))
    rows = {row.state.code.code: dict(row.years) for row in response.context["rows"]}
    assert rows["FR"][2026] == "on_time"
    assert rows["MX"][2026] == "late"
    assert rows["UG"][2026] == "missing"


def test_analytics_counts_reports_after_each_reminder_stage(staff_client, convention):
    from tests.factories import ReportSubmissionFactory

    sent = dt.datetime(2027, 3, 1, 6, tzinfo=dt.UTC)
    for state in (convention.mx, convention.ug):
        LetterFactory(state=state, stage="reminder-60", status=LetterStatus.SENT, sent_at=sent)
    LetterFactory(state=convention.ug, stage="reminder-30", status=LetterStatus.SENT, sent_at=sent + dt.timedelta(days=30))
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.mx, period=2026, received_on=dt.date(2027, 3, 10))
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.ug, period=2026, received_on=dt.date(2027, 4, 5))
    response = staff_client.get(reverse("letters:analytics"), {"until": 2026})
    year = next(row for row in response.context["data"] if row.year == 2026)
    assert year.reports_after_stage == {"reminder-60": 1, "reminder-30": 1}
    assert year.reports_without_letter == 1  # France reported before any letter
    assert year.letters_by_stage == {"reminder-60": 2, "reminder-30": 1}
