import datetime as dt
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from letters.models import Letter, LetterStatus
from letters.services.scheduling import letters_schedule



@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Runs the command as operations would: the hand-off happens when its transaction commits."""

    def call(*args) -> str:
        out = StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_letters", *args, stdout=out)
        return out.getvalue()

    return call


def test_command_sends_one_60_day_reminder_to_each_state_without_a_2026_report(convention, run):
    run("--date", "2027-03-01")

    letters = Letter.objects.filter(purpose="apmbc-article-7", period=2026, stage="reminder-60")
    assert {letter.state.code.code for letter in letters} == {"MX", "UG", "CO", "NL"}
    sent = {tuple(m.to) for m in mail.outbox}
    assert sent == {("mision@sre.example.mx",), ("focal@mofa.example.ug",)}
    assert letters.get(state=convention.mx).status == LetterStatus.SENT


def test_state_that_reported_gets_no_reminder(convention, run):
    run("--date", "2027-03-01")
    assert not Letter.objects.filter(state=convention.fr).exists()


def test_running_the_command_again_sends_nothing_new(convention, run):
    run("--date", "2027-03-01")
    output = run("--date", "2027-03-01")
    assert Letter.objects.count() == 4
    assert len(mail.outbox) == 2
    assert "0 letter(s) queued" in output


def test_letter_is_in_the_focal_points_language_with_a_pdf(convention, run):
    run("--date", "2027-03-01")
    spanish = next(m for m in mail.outbox if m.to == ["mision@sre.example.mx"])
    assert spanish.subject.startswith("Recordatorio")
    assert "México" in spanish.body
    filename, content, mimetype = spanish.attachments[0]
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")


def test_state_without_focal_point_gets_a_visible_no_recipient_letter(convention, run):
    run("--date", "2027-03-01")
    letter = Letter.objects.get(state=convention.nl)
    assert letter.status == LetterStatus.NO_RECIPIENT
    assert "No usable e-mail address" in letter.address_problem


def test_malformed_focal_point_address_is_flagged_not_crashed_on(convention, run):
    run("--date", "2027-03-01")
    letter = Letter.objects.get(state=convention.co)
    assert letter.status == LetterStatus.NO_RECIPIENT
    assert "not an address@" in letter.address_problem


def test_dry_run_lists_what_would_be_sent_and_writes_nothing(convention, run):
    output = run("--date", "2027-03-01", "--dry-run")
    assert "apmbc-article-7:MX:2026:reminder-60" in output
    assert "NO RECIPIENT" in output
    assert Letter.objects.count() == 0 and not mail.outbox


def test_wrong_date_format_gets_a_usage_message(convention):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_letters", "--date", "01/03/2027")


def test_day_between_stages_catches_up_the_stage_in_progress(convention):
    result = letters_schedule(today=dt.date(2027, 3, 5))
    assert {d.stage for d in result.drafts} == {"reminder-60"}


def test_30_day_stage_starts_on_its_day(convention):
    result = letters_schedule(today=dt.date(2027, 3, 31))
    assert {d.stage for d in result.drafts} == {"reminder-30"}


def test_overdue_letter_after_the_deadline(convention):
    result = letters_schedule(today=dt.date(2027, 5, 7))
    assert {d.stage for d in result.drafts} == {"overdue"}
    assert {d.state_id for d in result.drafts} == {convention.mx.pk, convention.ug.pk, convention.co.pk, convention.nl.pk}


def test_no_letter_before_the_first_stage(convention):
    assert letters_schedule(today=dt.date(2027, 2, 1)).drafts == []


def test_state_party_after_the_year_owes_no_annual_report(convention):
    from entities.models import TreatyParty

    TreatyParty.objects.filter(state=convention.ug).update(entry_into_force=dt.date(2027, 1, 1))
    result = letters_schedule(today=dt.date(2027, 3, 1))
    assert convention.ug.pk not in {d.state_id for d in result.drafts}
