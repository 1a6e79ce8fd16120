"""Meetings, their action items and individualised-approach requests take dates from 1990 to
ten years ahead; a date outside is named on its field and nothing is saved."""

import datetime as dt

import pytest
from django.urls import reverse

from config.dates import latest
from taskforce.models import ActionItem, Meeting
from tests.factories import MechanismFactory

from .test_record_meeting import post_data


@pytest.fixture
def task_force(entity):
    return MechanismFactory(slug="ied-task-force", name="IED task force", lead_entity=entity)


def _record(client, task_force, **change):
    return client.post(reverse("taskforce:meeting-record", args=[task_force.slug]), post_data(**change))


@pytest.mark.parametrize("change", [
    {"starts_at": "9999-12-31T10:00", "ends_at": ""},
    {"starts_at": "1900-01-01T10:00", "ends_at": ""},
    {"ends_at": "9999-12-31T23:30"},
], ids=["start-in-9999", "start-in-1900", "end-in-9999"])
def test_a_meeting_outside_the_bounds_is_refused_on_its_field(staff_client, task_force, entity, change):
    response = _record(staff_client, task_force, participants=[(f"entity:{entity.pk}", "chair")], **change)
    assert response.status_code == 400
    assert "Enter a date between 1 January 1990 and" in response.content.decode()
    assert not Meeting.objects.exists()


def test_an_action_item_due_in_9999_is_refused_and_nothing_is_saved(staff_client, task_force, entity):
    party = f"entity:{entity.pk}"
    response = _record(staff_client, task_force, participants=[(party, "chair")],
                       actions=[{"text": "Draft the glossary", "owner": party, "due_on": "9999-12-31"}])
    assert response.status_code == 400
    assert "Enter a date between 1 January 1990 and" in response.content.decode()
    assert not Meeting.objects.exists() and not ActionItem.objects.exists()


def test_an_action_item_due_on_the_last_accepted_day_is_saved(staff_client, task_force, entity):
    party = f"entity:{entity.pk}"
    response = _record(staff_client, task_force, participants=[(party, "chair")],
                       actions=[{"text": "Draft the glossary", "owner": party, "due_on": latest().isoformat()}])
    assert response.status_code == 302
    assert ActionItem.objects.get().due_on == latest()


@pytest.mark.parametrize("date", ["9999-12-31", "1900-01-01", (dt.date.today() + dt.timedelta(days=365 * 11)).isoformat()])
def test_an_individualised_approach_request_outside_the_bounds_is_refused(client_for, state_b, date):
    MechanismFactory(slug="committee-cooperation-assistance", lead_entity=None)
    response = client_for("state_b").post(reverse("taskforce:ia-request"), {
        "state": state_b.pk, "preferred_date": date, "report_for": "msp"})
    assert response.status_code == 400
    assert "Enter a date between 1 January 1990 and" in response.content.decode()
    assert not Meeting.objects.exists()
