"""Obligations under the Convention: recording the facts, computing every deadline, the API,
and a withdrawal stopping the letters."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from entities.access import actor_for
from letters.models import ClearanceExtension, DestructionObligation, Letter, Withdrawal
from letters.services.obligations import destruction_record, extension_record, withdrawal_record
from letters.services.scheduling import letters_schedule
from tests.factories import ReportingObligationFactory, StateFactory, TreatyPartyFactory

D = dt.date


@pytest.fixture
def january_2026(time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC))
    return D(2026, 1, 15)


@pytest.fixture
def new_party(db):
    """A State Party for which the Convention entered into force on 1 September 2025."""
    obligation = ReportingObligationFactory()
    state = StateFactory(code="TV")
    party = TreatyPartyFactory(
        treaty=obligation.treaty, state=state, consent_to_be_bound=D(2025, 3, 3), entry_into_force=D(2025, 9, 1),
    )
    return party


@pytest.fixture
def staff(isu_staff):
    return actor_for(isu_staff)


def _deadlines(client, **params):
    response = client.get(reverse("deadline-list"), params)
    assert response.status_code == 200, response.content
    return {(row["obligation"], row["period"]): row for row in response.json()["results"]}


def test_done_when_example_of_the_issue(new_party, staff, staff_client, january_2026):
    state = new_party.state
    rows = _deadlines(staff_client, state="tv")
    assert rows[("article-7-initial", None)]["due_on"] == "2026-02-28"
    assert ("article-4", None) not in rows and ("article-5", None) not in rows

    destruction_record(actor=staff, state=state, kind="article-4", recorded_on=D(2025, 11, 3))
    destruction_record(actor=staff, state=state, kind="article-5", recorded_on=D(2025, 11, 3))
    rows = _deadlines(staff_client, state="TV")
    assert rows[("article-4", None)]["due_on"] == "2029-09-01"
    assert rows[("article-5", None)]["due_on"] == "2035-09-01"

    extension_record(actor=staff, state=state, decision="Decision on the request of Tuvalu", months_granted=60)
    rows = _deadlines(staff_client, state="TV", obligation="article-5")
    assert list(rows) == [("article-5", None)]
    article5 = rows[("article-5", None)]
    assert article5["due_on"] == "2040-09-01"
    assert [step["deadline"] for step in article5["steps"]] == ["2035-09-01", "2040-09-01"]


def test_state_detail_lists_its_obligations(new_party, staff, staff_client, january_2026):
    destruction_record(actor=staff, state=new_party.state, kind="article-5", recorded_on=D(2025, 11, 3))
    data = staff_client.get(reverse("state-detail", args=["TV"])).json()
    assert {row["obligation"]: row["due_on"] for row in data["obligations"]}["article-5"] == "2035-09-01"


def test_filters_and_bad_filters(new_party, staff_client, january_2026):
    assert _deadlines(staff_client, due_after="2026-03-01", obligation="article-7-initial") == {}
    assert list(_deadlines(staff_client, status="due", state="TV")) == [("article-7-initial", None)]
    assert _deadlines(staff_client, state="ZZ") == {}
    # An empty range holds no deadline (not an error: the schema cannot say that the two are tied).
    assert _deadlines(staff_client, due_after="2027-01-01", due_before="2026-01-01") == {}
    for params, field in [({"state": "Tuvalu"}, "state"), ({"status": "late"}, "status"),
                          ({"due_after": "2026-02-30"}, "due_after")]:
        response = staff_client.get(reverse("deadline-list"), params)
        assert response.status_code == 400
        assert field in response.json()["errors"]


def test_focal_point_sees_article_7_deadlines_of_its_own_state_only(new_party, client_for, state_a, january_2026):
    TreatyPartyFactory(treaty=new_party.treaty, state=state_a, entry_into_force=D(1999, 3, 1))
    own = client_for("state_a").get(reverse("deadline-list"), {"obligation": "article-7"}).json()["results"]
    assert {row["state"] for row in own} == {"MX"}
    assert client_for("entity_fp").get(reverse("deadline-list"), {"obligation": "article-7"}).json()["count"] == 0
    assert client_for("api_token").get(reverse("deadline-list"), {"state": "TV"}).json()["count"] == 2  # initial and 2025 reports


def test_deadlines_list_does_not_query_per_state(staff_client, staff, django_assert_max_num_queries, january_2026):
    obligation = ReportingObligationFactory()
    for code in ("FR", "DE", "IT", "ES", "PT", "BE"):
        party = TreatyPartyFactory(treaty=obligation.treaty, state=StateFactory(code=code), entry_into_force=D(2000, 3, 1))
        destruction_record(actor=staff, state=party.state, kind="article-5", recorded_on=D(2001, 1, 1))
        extension_record(actor=staff, state=party.state, decision="Decision", months_granted=36)
    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("deadline-list"), {"page_size": 200})
    assert response.json()["count"] >= 6 * 3


@pytest.mark.parametrize(("call", "field"), [
    (lambda s, st: destruction_record(actor=s, state=st, kind="article-5", recorded_on=D(2025, 11, 3), completed_on=D(2025, 8, 1)), "completed_on"),
    (lambda s, st: withdrawal_record(actor=s, state=st, received_on=D(2025, 1, 10)), "received_on"),
    (lambda s, st: extension_record(actor=s, state=st, decision="D", months_granted=12), "state"),
    (lambda s, st: withdrawal_record(actor=s, state=st, received_on=D(2025, 10, 1), armed_conflict=True), "later_date"),
])
def test_bad_facts_are_refused_naming_the_field_and_nothing_is_saved(new_party, staff, january_2026, call, field):
    with pytest.raises(ValidationError) as error:
        call(staff, new_party.state)
    assert field in error.value.message_dict
    assert not DestructionObligation.objects.exists() and not Withdrawal.objects.exists()


def test_extension_not_after_the_current_deadline_is_refused(new_party, staff, january_2026):
    destruction_record(actor=staff, state=new_party.state, kind="article-5", recorded_on=D(2025, 11, 3))
    with pytest.raises(ValidationError) as error:
        extension_record(actor=staff, state=new_party.state, decision="D", new_deadline=D(2035, 9, 1))
    assert "2035" in error.value.message_dict["new_deadline"][0]
    assert not ClearanceExtension.objects.exists()


def test_a_state_that_is_not_a_party_is_refused(staff, db, january_2026):
    ReportingObligationFactory()
    with pytest.raises(ValidationError) as error:
        destruction_record(actor=staff, state=StateFactory(code="US"), kind="article-4", recorded_on=D(2025, 1, 1))
    assert "not a State Party" in error.value.message_dict["state"][0]


def test_withdrawal_takes_effect_six_months_later_and_ends_later_deadlines(new_party, staff, staff_client, january_2026):
    withdrawal = withdrawal_record(actor=staff, state=new_party.state, received_on=D(2025, 7, 1), today=D(2025, 7, 2))
    assert withdrawal.effective_on == D(2026, 1, 1)
    rows = _deadlines(staff_client, state="TV")
    assert rows[("article-7-initial", None)]["status"] == "ended"
    assert rows[("article-7-initial", None)]["ends_on"] == "2026-01-01"


def test_no_letter_is_scheduled_once_a_withdrawal_takes_effect(convention, staff):
    withdrawal_record(actor=staff, state=convention.mx, received_on=D(2025, 7, 1), today=D(2025, 7, 2))
    letters_schedule(today=D(2026, 3, 1))  # the 60-day reminder for the 2025 reports
    written = set(Letter.objects.filter(period=2025).values_list("state__code", flat=True))
    assert "UG" in written and "MX" not in written


def test_letters_still_go_before_the_withdrawal_takes_effect(convention, staff):
    withdrawal_record(actor=staff, state=convention.mx, received_on=D(2026, 1, 15), today=D(2026, 1, 16))
    letters_schedule(today=D(2026, 3, 1))
    assert Letter.objects.filter(period=2025, state=convention.mx).exists()
