"""Reminder stages from the screen: see what is due and coming, preview who receives what,
send a stage now through the daily step's service (exactly once), watch the outbox."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from letters.models import Letter, LetterStatus
from letters.tasks import letters_schedule_today
from tests.conftest import sign_in
from tests.factories import (
    FocalPointFactory,
    ReportSubmissionFactory,
    StateFactory,
    TreatyPartyFactory,
)

# The 60-day reminder of the 2026 reports (deadline 30 April 2027) is due from 1 March 2027.
STAGE_60 = "Article 7 report — reminder 60 days before the deadline, 2026"


@pytest.fixture(autouse=True)
def _locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def staff_client(isu_staff):
    """ISU staff, without the other roles' users: their contact records would add addresses
    to the States of the convention."""
    return sign_in(Client(), isu_staff)


@pytest.fixture
def march_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC))


def stage_url(convention, name="stage-detail", period=2026, stage="reminder-60"):
    return reverse(f"letters:{name}", args=[convention.plan.pk, period, stage])


def visible_text(response) -> str:
    """What a person reads: the page without its tags and attributes (links hold codes)."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def send(staff_client, django_capture_on_commit_callbacks):
    """Posts "send this stage now"; the hand-off to the (eager) workers runs on commit."""

    def post(convention, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return staff_client.post(stage_url(convention, "stage-send", **kwargs), follow=True)

    return post


def stage_letters():
    return Letter.objects.filter(purpose="apmbc-article-7", period=2026, stage="reminder-60")


def test_stages_page_shows_the_stage_due_today_and_the_coming_ones_with_their_recipients(march_2027, staff_client, convention):
    response = staff_client.get(reverse("letters:stages"))
    due, coming = response.context["due"], response.context["coming"]
    assert [summary.stage.title for summary in due] == [STAGE_60]
    # Mexico and Uganda have an address; Colombia's is malformed and the Netherlands has none.
    assert (due[0].letters, due[0].with_address, due[0].no_recipient, due[0].already) == (4, 2, 2, 0)
    assert [summary.stage.stage for summary in coming] == ["reminder-30", "reminder-7", "overdue"]
    text = visible_text(response)
    assert STAGE_60 in text
    assert "Article 7 report — overdue letter, 2026" in text
    assert "reminder-60" not in text and "apmbc" not in text


def test_preview_lists_each_state_with_language_and_address_or_no_recipient(march_2027, staff_client, convention):
    response = staff_client.get(stage_url(convention))
    assert response.status_code == 200
    rows = {row.name: row for row in response.context["rows"]}
    assert set(rows) == {"Colombia", "Mexico", "Netherlands (Kingdom of the)", "Uganda"}  # France already reported
    assert (rows["Mexico"].language_label, rows["Mexico"].addresses) == ("Spanish", ["mision@sre.example.mx"])
    assert (rows["Uganda"].language_label, rows["Uganda"].addresses) == ("English", ["focal@mofa.example.ug"])
    assert rows["Colombia"].no_recipient and rows["Colombia"].malformed == ["not an address@"]
    assert rows["Netherlands (Kingdom of the)"].no_recipient and rows["Netherlands (Kingdom of the)"].language_label == "English"
    text = visible_text(response)
    assert "Malformed address: not an address@" in text
    assert text.count("no recipient") >= 2
    assert "Confirm: send these 4 letters now" in text


def test_preview_writes_nothing(march_2027, staff_client, convention):
    staff_client.get(stage_url(convention))
    assert not Letter.objects.exists()


def test_sending_queues_exactly_the_letters_the_preview_listed(march_2027, staff_client, convention, send):
    previewed = {row.state_code for row in staff_client.get(stage_url(convention)).context["rows"]}
    response = send(convention)
    assert {letter.state.code.code for letter in stage_letters()} == previewed
    assert stage_letters().get(state=convention.mx).language == "es"
    assert {tuple(message.to) for message in mail.outbox} == {("mision@sre.example.mx",), ("focal@mofa.example.ug",)}
    assert "4 letters queued. 2 of them have no recipient." in visible_text(response)
    # The staff land on the outbox of that stage, in words.
    assert response.redirect_chain[-1][0].startswith(reverse("letters:outbox"))
    assert response.context["batch"] == STAGE_60


def test_second_post_queues_nothing_and_says_so(march_2027, convention, send):
    send(convention)
    response = send(convention)
    assert response.status_code == 200
    assert stage_letters().count() == 4
    assert len(mail.outbox) == 2
    assert "All 4 letters of this stage were already queued; nothing new sent." in visible_text(response)


def test_daily_step_after_sending_from_the_screen_sends_nothing_new(march_2027, convention, send, django_capture_on_commit_callbacks):
    send(convention)
    with django_capture_on_commit_callbacks(execute=True):
        letters_schedule_today()
    assert stage_letters().count() == 4 and len(mail.outbox) == 2


def test_preview_after_sending_says_everything_was_already_queued(march_2027, staff_client, convention, send):
    send(convention)
    response = staff_client.get(stage_url(convention))
    assert response.context["rows"] == []
    text = visible_text(response)
    assert "All 4 letters of this stage were already queued; nothing new to send." in text
    assert "Confirm" not in text


def test_state_whose_report_was_received_is_skipped(march_2027, staff_client, convention, send):
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.mx, period=2026, received_on=dt.date(2027, 2, 20))
    names = {row.name for row in staff_client.get(stage_url(convention)).context["rows"]}
    assert "Mexico" not in names and "France" not in names
    send(convention)
    assert not stage_letters().filter(state__in=[convention.mx, convention.fr]).exists()
    assert stage_letters().count() == 3


def test_a_coming_stage_can_be_sent_early_once(march_2027, staff_client, convention, send):
    send(convention, stage="reminder-30")
    response = send(convention, stage="reminder-30")
    letters = Letter.objects.filter(period=2026, stage="reminder-30")
    assert letters.count() == 4
    assert "in 60 days" in letters.get(state=convention.ug).body  # counted from the day it really went
    assert "All 4 letters of this stage were already queued" in visible_text(response)


@pytest.fixture
def april_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 4, 10, 9, 0, tzinfo=dt.UTC))


def test_a_stage_whose_time_is_over_cannot_be_sent(april_2027, staff_client, convention, send):
    response = staff_client.get(stage_url(convention))
    assert response.status_code == 200
    assert "This stage ended on" in visible_text(response) and "Confirm" not in visible_text(response)
    response = send(convention)
    assert "This stage ended on" in visible_text(response)
    assert not Letter.objects.exists()


def test_overdue_letter_cannot_go_before_the_deadline(march_2027, convention, send):
    response = send(convention, stage="overdue")
    assert "An overdue letter can only be sent after the deadline" in visible_text(response)
    assert not Letter.objects.exists()


@pytest.mark.parametrize("plan, period, stage", [
    (None, 2026, "reminder-61"),
    (None, 2026, "campaign-1"),
    (None, 1999, "reminder-60"),
    (None, 99999999999999999999, "reminder-60"),
    (424242, 2026, "reminder-60"),
    (99999999999999999999, 2026, "reminder-60"),
])
def test_unknown_plan_year_or_stage_is_not_found(march_2027, staff_client, convention, plan, period, stage):
    args = [plan or convention.plan.pk, period, stage]
    assert staff_client.get(reverse("letters:stage-detail", args=args)).status_code == 404
    assert staff_client.post(reverse("letters:stage-send", args=args)).status_code == 404
    assert not Letter.objects.exists()


def test_inactive_plan_has_no_stage_to_send(march_2027, staff_client, convention):
    convention.plan.is_active = False
    convention.plan.save()
    assert staff_client.get(stage_url(convention)).status_code == 404


@pytest.mark.parametrize("role", ["state_a", "state_b", "entity_fp"])
def test_non_staff_get_403(march_2027, client_for, convention, role):
    client = client_for(role)
    assert client.get(reverse("letters:stages")).status_code == 403
    assert client.get(stage_url(convention)).status_code == 403
    assert client.post(stage_url(convention, "stage-send")).status_code == 403
    assert client.get(reverse("letters:outbox-progress")).status_code == 403
    assert not Letter.objects.exists()


def test_sending_needs_a_post_with_csrf(march_2027, convention, isu_staff):
    client = sign_in(Client(enforce_csrf_checks=True), isu_staff)
    assert client.get(stage_url(convention, "stage-send")).status_code == 405
    assert client.post(stage_url(convention, "stage-send")).status_code == 403
    assert not Letter.objects.exists()


def _more_states_parties(convention, count):
    codes = ["AO", "KH", "CH", "DE", "ES", "IT", "JP", "KE", "NG", "PE", "PH", "SN", "TH", "TZ", "ZM",
             "AR", "BR", "CL", "EC", "GT", "HN", "NI", "PA", "PY", "UY", "BO", "CR", "SV", "DO", "CU"]
    for index, code in enumerate(codes[:count]):
        party = TreatyPartyFactory(treaty=convention.treaty, state=StateFactory(code=code), entry_into_force=dt.date(1999, 3, 1))
        FocalPointFactory(state=party.state, language=["en", "fr", "es"][index % 3])


@pytest.mark.parametrize("extra", [2, 30])
def test_preview_query_count_does_not_grow_with_the_states(march_2027, staff_client, convention, django_assert_num_queries, extra):
    _more_states_parties(convention, extra)
    with django_assert_num_queries(PREVIEW_QUERIES):
        response = staff_client.get(stage_url(convention))
    assert len(response.context["rows"]) == 4 + extra


@pytest.mark.parametrize("extra", [2, 30])
def test_stages_page_query_count_does_not_grow_with_the_states(march_2027, staff_client, convention, django_assert_num_queries, extra):
    _more_states_parties(convention, extra)
    with django_assert_num_queries(STAGES_QUERIES):
        response = staff_client.get(reverse("letters:stages"))
    assert response.context["due"][0].letters == 4 + extra


def test_outbox_shows_the_batch_progress_in_words_and_as_json(march_2027, staff_client, convention, send):
    send(convention)
    stage_letters().filter(state=convention.ug).update(status=LetterStatus.QUEUED)
    query = {"purpose": "apmbc-article-7", "period": 2026, "stage": "reminder-60"}
    response = staff_client.get(reverse("letters:outbox"), query)
    counts = response.context["counts"]
    assert (counts["sent"], counts["queued"], counts["no_recipient"]) == (1, 1, 2)
    text = visible_text(response)
    assert STAGE_60 in text and "reminder-60" not in text and "apmbc" not in text
    assert 'data-progress-url="/' in response.content.decode() and "data-in-progress" in response.content.decode()
    progress = staff_client.get(reverse("letters:outbox-progress"), query).json()
    assert progress["counts"]["queued"] == 1 and progress["in_progress"] is True
    stage_letters().filter(state=convention.ug).update(status=LetterStatus.SENT)
    progress = staff_client.get(reverse("letters:outbox-progress"), query).json()
    assert progress["counts"]["sent"] == 2 and progress["in_progress"] is False


def test_outbox_still_shows_counts_without_script_and_stops_polling_when_done(march_2027, staff_client, convention, send):
    send(convention)
    response = staff_client.get(reverse("letters:outbox"), {"purpose": "apmbc-article-7", "period": 2026, "stage": "reminder-60"})
    page = response.content.decode()
    assert "data-in-progress" not in page  # every letter sent or recorded: nothing to poll
    assert re.search(r'data-status="sent".*?data-count>2<', page, flags=re.DOTALL)


def test_letter_page_says_what_the_letter_is_about_in_words(march_2027, staff_client, convention, send):
    send(convention)
    letter = stage_letters().get(state=convention.mx)
    text = visible_text(staff_client.get(letter.get_absolute_url()))
    assert STAGE_60 in text and "reminder-60" not in text and "apmbc" not in text


# Session, user, two-factor device, role; the plan; the step's templates, letters already
# there, States Parties still owing the report, focal points. Pinned, so a query per State
# fails the test.
PREVIEW_QUERIES = 9
# Session, user, two-factor device, role; the plans twice (due, coming); per stage (four):
# States Parties owing the report and the letters already there; the focal points once.
STAGES_QUERIES = 15
