"""Focal points write their own State's entries through the API under the forms' rules."""

import pytest
from django.urls import reverse

from partnerships.models import Entry
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db

VALID = {"kind": "equipment", "area": "stockpile_destruction", "title": "Destruction furnace", "description": "A mobile furnace.", "visibility": "parties"}


def test_focal_point_creates_a_need_for_its_state_without_naming_it(client_for, parties, state_a):
    response = client_for("state_a").post(reverse("need-list"), VALID, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["state"] == "MX"
    assert Entry.objects.get().state == state_a


def test_focal_point_posting_for_another_state_gets_a_clear_message(client_for, parties):
    response = client_for("state_a").post(reverse("need-list"), {**VALID, "state": "UG"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["state"] == ["You may only submit entries for your own State."]
    assert not Entry.objects.exists()


@pytest.mark.parametrize("field,value", [
    ("amount", "-1"), ("amount", "abc"), ("currency", "ABC"), ("title", "x" * 201), ("description", "x" * 4001),
    ("kind", "money"), ("visibility", "everyone"),
])
def test_bad_input_is_a_400_naming_the_field(client_for, parties, field, value):
    payload = {**VALID, field: value}
    if field == "amount":
        payload["currency"] = "USD"
    response = client_for("state_a").post(reverse("need-list"), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not Entry.objects.exists()


def test_period_ending_before_it_starts_is_refused(client_for, parties):
    response = client_for("state_a").post(reverse("need-list"), {**VALID, "period_start": "2027-05-01", "period_end": "2027-04-01"}, format="json")
    assert response.status_code == 400
    assert "period_end" in response.json()["errors"]


def test_stale_version_is_a_409_and_nothing_is_overwritten(client_for, parties, state_a):
    need = NeedFactory(state=state_a, title="Original")
    client = client_for("state_a")
    assert client.patch(reverse("need-detail", args=[need.pk]), {"title": "First", "version": 1}, format="json").status_code == 200
    response = client.patch(reverse("need-detail", args=[need.pk]), {"title": "Second", "version": 1}, format="json")
    assert response.status_code == 409
    need.refresh_from_db()
    assert need.title == "First"


def test_state_of_an_entry_cannot_be_moved(client_for, parties, state_a):
    need = NeedFactory(state=state_a)
    response = client_for("state_a").patch(reverse("need-detail", args=[need.pk]), {"state": "UG", "version": 1}, format="json")
    assert response.status_code == 400


def test_api_client_token_cannot_write(client_for, parties):
    assert client_for("api_token").post(reverse("need-list"), VALID, format="json").status_code == 403


def test_anonymous_reads_public_needs_and_ranked_offers(client_for, public_need_a, public_offer_b):
    client = client_for("anonymous")
    assert [row["id"] for row in client.get(reverse("need-list")).json()["results"]] == [public_need_a.pk]
    ranked = client.get(reverse("need-matches", args=[public_need_a.pk])).json()
    assert ranked[0]["id"] == public_offer_b.pk
    assert {r["component"] for r in ranked[0]["reasons"]} == {"area", "kind", "geography", "amount", "period", "recency"}


def test_withdraw_through_the_api_keeps_the_entry(client_for, public_need_a):
    response = client_for("state_a").post(reverse("need-withdraw", args=[public_need_a.pk]))
    assert response.json()["status"] == "withdrawn"
    assert Entry.objects.filter(pk=public_need_a.pk).exists()
