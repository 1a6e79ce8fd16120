"""A need's or an offer's period takes dates from 1990 to ten years ahead, in the form and in the
API alike; a date outside is named on its field and nothing is saved."""

import pytest
from django.urls import reverse

from config.dates import latest
from partnerships.models import Entry
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db

FORM = {
    "kind": "financial", "area": "mine_clearance", "title": "Clearance", "description": "Survey.",
    "amount": "250000", "currency": "USD", "visibility": "public",
}
API = {"kind": "expertise", "area": "other", "title": "Trainers", "description": "Two trainers.", "visibility": "public"}


@pytest.mark.parametrize("dates", [
    {"period_start": "2027-01-01", "period_end": "9999-12-31"},
    {"period_start": "1900-01-01", "period_end": "2027-01-01"},
], ids=["end-in-9999", "start-in-1900"])
def test_the_form_refuses_a_period_outside_the_bounds(client_for, parties, dates):
    response = client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), {**FORM, **dates})
    assert response.status_code == 200
    assert "Enter a date between 1 January 1990 and" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_form_accepts_the_last_day_of_the_bounds(client_for, parties):
    data = {**FORM, "period_start": "1990-01-01", "period_end": latest().isoformat()}
    assert client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), data).status_code == 302


@pytest.mark.parametrize("field,value", [("period_end", "9999-12-31"), ("period_start", "0001-01-01"), ("period_start", "1989-12-31")])
def test_the_api_refuses_a_date_outside_the_bounds_naming_the_field(client_for, parties, field, value):
    response = client_for("state_a").post(reverse("need-list"), {**API, field: value}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][field][0].startswith("Enter a date between 1 January 1990 and")
    assert not Entry.objects.exists()


def test_an_api_update_to_a_date_outside_the_bounds_changes_nothing(client_for, parties, state_a):
    need = NeedFactory(state=state_a, period_end=None)
    response = client_for("state_a").patch(
        reverse("need-detail", args=[need.pk]), {"period_end": "9999-12-31", "version": need.version}, format="json",
    )
    assert response.status_code == 400
    assert "period_end" in response.json()["errors"]
    need.refresh_from_db()
    assert need.period_end is None and need.version == 1
