"""A focal point never sees another State's non-public entries: by page, API or export."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_anyone_reads_a_public_need(client_for, public_need_a):
    response = client_for("anonymous").get(reverse("partnerships:entry-detail", args=[public_need_a.pk]))
    assert response.status_code == 200
    assert b"Public need of A" in response.content


def test_public_page_lists_public_entries_only_for_anonymous(client_for, public_need_a, private_need_a, parties_need_a):
    body = client_for("anonymous").get(reverse("partnerships:index")).content.decode()
    assert "Public need of A" in body
    assert "Confidential clearance need of A" not in body
    assert "Need of A for States Parties" not in body


@pytest.mark.parametrize("route", ["partnerships:entry-detail", "partnerships:entry-edit", "partnerships:entry-withdraw", "partnerships:entry-matches"])
def test_focal_point_cannot_read_other_states_private_need_by_url(client_for, private_need_a, route):
    response = client_for("state_b").get(reverse(route, args=[private_need_a.pk]))
    assert response.status_code == 404


def test_focal_point_cannot_confirm_other_states_private_need(client_for, private_need_a):
    response = client_for("state_b").post(reverse("partnerships:entry-confirm", args=[private_need_a.pk]))
    assert response.status_code == 404


def test_focal_point_cannot_read_other_states_private_need_by_api(client_for, private_need_a):
    client = client_for("state_b")
    assert client.get(reverse("need-detail", args=[private_need_a.pk])).status_code == 404
    assert client.patch(reverse("need-detail", args=[private_need_a.pk]), {"title": "x"}, format="json").status_code == 404
    listed = client.get(reverse("need-list")).json()["results"]
    assert private_need_a.pk not in [row["id"] for row in listed]


def test_focal_point_cannot_read_other_states_private_need_by_export(client_for, private_need_a, public_need_a):
    body = client_for("state_b").get(reverse("partnerships:export-csv")).getvalue().decode()
    assert "Public need of A" in body
    assert "Confidential clearance need of A" not in body


def test_own_state_and_staff_see_the_private_need(client_for, private_need_a):
    for role in ("state_a", "isu_staff"):
        response = client_for(role).get(reverse("partnerships:entry-detail", args=[private_need_a.pk]))
        assert response.status_code == 200, role


def test_parties_only_need_is_seen_by_other_state_party_not_by_entity(client_for, parties_need_a):
    url = reverse("partnerships:entry-detail", args=[parties_need_a.pk])
    assert client_for("state_b").get(url).status_code == 200
    assert client_for("entity_fp").get(url).status_code == 404
    assert client_for("anonymous").get(url).status_code == 404
    assert client_for("api_token").get(reverse("need-detail", args=[parties_need_a.pk])).status_code == 404


def test_parties_only_need_is_hidden_from_a_state_that_is_not_a_party(client_for, apmbc, state_a, state_b):
    from tests.factories import NeedFactory, TreatyPartyFactory

    TreatyPartyFactory(treaty=apmbc, state=state_a)  # B is not a party here
    need = NeedFactory(state=state_a, visibility="parties")
    assert client_for("state_b").get(reverse("partnerships:entry-detail", args=[need.pk])).status_code == 404


def test_focal_point_cannot_change_other_states_public_need(client_for, public_need_a):
    assert client_for("state_b").get(reverse("partnerships:entry-edit", args=[public_need_a.pk])).status_code == 403
    response = client_for("state_b").post(reverse("partnerships:entry-withdraw", args=[public_need_a.pk]))
    assert response.status_code == 403
    public_need_a.refresh_from_db()
    assert public_need_a.status == "open"


def test_state_filter_does_not_reveal_a_state_whose_entries_are_all_private(client_for, private_need_a, public_offer_b):
    body = client_for("anonymous").get(reverse("partnerships:index")).content.decode()
    assert '<option value="UG">Uganda</option>' in body
    assert '<option value="MX">' not in body
    assert '<option value="MX">' in client_for("state_a").get(reverse("partnerships:index")).content.decode()
