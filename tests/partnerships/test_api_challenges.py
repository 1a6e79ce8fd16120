"""A State focal point's token writes its own State's challenges, under the challenge form's rules."""

import pytest
from django.urls import reverse

from partnerships.models import Challenge
from tests.factories import ChallengeFactory, TreatyPartyFactory
from tests.factories.entities import TreatyFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/platform/challenges/"
BODY = {"obligation": "article_5", "nature": "financial", "source": "article_7",
        "description": "Clearance of the last mined areas needs funds.", "consent_to_share": False}


@pytest.fixture
def parties(state_a, state_b):
    treaty = TreatyFactory()
    for state in (state_a, state_b):
        TreatyPartyFactory(treaty=treaty, state=state)


def test_a_focal_point_records_its_own_states_challenge_seen_in_the_browser(parties, client_for, state_a):
    client = client_for("state_a")
    response = client.post(URL, BODY, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["state"] == "MX"
    assert response.json()["version"] == 1
    page = client.get(reverse("partnerships:challenge-list"))
    assert "Clearance of the last mined areas needs funds." in page.content.decode()
    # Not shared: another State does not see it.
    assert client_for("state_b").get(f"{URL}{response.json()['id']}/").status_code == 404


def test_a_focal_point_may_not_record_for_another_state(parties, client_for):
    response = client_for("state_a").post(URL, {**BODY, "state": "UG"}, format="json")
    assert response.status_code == 400
    assert "state" in response.json()["errors"]
    assert not Challenge.objects.exists()


def test_staff_name_the_state_and_api_clients_are_read_only(parties, client_for):
    staff = client_for("isu_staff")
    assert "state" in staff.post(URL, BODY, format="json").json()["errors"]
    assert staff.post(URL, {**BODY, "state": "UG"}, format="json").status_code == 201
    assert client_for("api_token").post(URL, {**BODY, "state": "UG"}, format="json").status_code == 403
    assert client_for("entity_fp").post(URL, BODY, format="json").status_code == 403


def test_an_update_with_an_old_version_is_a_409_and_saves_nothing(parties, client_for, state_a):
    challenge = ChallengeFactory(state=state_a)
    client = client_for("state_a")
    first = client.patch(f"{URL}{challenge.pk}/", {"consent_to_share": True, "version": 1}, format="json")
    assert first.status_code == 200
    assert first.json()["version"] == 2
    stale = client.patch(f"{URL}{challenge.pk}/", {"description": "Overwritten", "version": 1}, format="json")
    assert stale.status_code == 409
    challenge.refresh_from_db()
    assert challenge.consent_to_share is True and challenge.description != "Overwritten"
    missing = client.patch(f"{URL}{challenge.pk}/", {"description": "No version"}, format="json")
    assert missing.status_code == 400 and "version" in missing.json()["errors"]


def test_another_states_challenge_is_refused_whatever_the_body(parties, client_for, state_a):
    shared = ChallengeFactory(state=state_a, consent_to_share=True)
    response = client_for("state_b").patch(f"{URL}{shared.pk}/", {"version": 1, "state": "UG"}, format="json")
    assert response.status_code == 403


def test_the_state_of_a_challenge_cannot_be_changed(parties, client_for, state_a):
    challenge = ChallengeFactory(state=state_a)
    response = client_for("isu_staff").patch(f"{URL}{challenge.pk}/", {"version": 1, "state": "UG"}, format="json")
    assert response.status_code == 400 and "state" in response.json()["errors"]


def test_a_create_sent_twice_with_one_idempotency_key_records_one_challenge(parties, client_for):
    client = client_for("state_a")
    first = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="challenge-1")
    again = client.post(URL, BODY, format="json", HTTP_IDEMPOTENCY_KEY="challenge-1")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again.headers["Idempotent-Replayed"] == "true"
    assert Challenge.objects.count() == 1


def test_consent_is_a_json_boolean_only(parties, client_for):
    response = client_for("state_a").post(URL, {**BODY, "consent_to_share": 0}, format="json")
    assert response.status_code == 400 and "consent_to_share" in response.json()["errors"]
    assert not Challenge.objects.exists()


def test_the_description_is_text_not_a_number(parties, client_for):
    response = client_for("state_a").post(URL, {**BODY, "description": 0}, format="json")
    assert response.status_code == 400 and "description" in response.json()["errors"]
