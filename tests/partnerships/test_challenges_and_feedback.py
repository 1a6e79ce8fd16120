import pytest
from django.urls import reverse

from partnerships.models import Challenge, Feedback
from tests.factories import ChallengeFactory

pytestmark = pytest.mark.django_db


def test_challenge_without_consent_is_seen_only_by_the_secretariat_and_the_state(client_for, parties, state_a):
    ChallengeFactory(state=state_a, description="Funding gap for survey", consent_to_share=False)
    url = reverse("partnerships:challenge-list")
    assert "Funding gap for survey" in client_for("isu_staff").get(url).content.decode()
    assert "Funding gap for survey" in client_for("state_a").get(url).content.decode()
    for role in ("state_b", "anonymous", "entity_fp"):
        assert "Funding gap for survey" not in client_for(role).get(url).content.decode(), role
    assert client_for("state_b").get(reverse("partnership-challenge-list")).json()["results"] == []


def test_challenge_shared_with_consent_is_public(client_for, parties, state_a):
    ChallengeFactory(state=state_a, description="Political obstacles to access", consent_to_share=True)
    assert "Political obstacles to access" in client_for("anonymous").get(reverse("partnerships:challenge-list")).content.decode()


def test_focal_point_records_a_challenge_for_its_state(client_for, parties, state_a):
    response = client_for("state_a").post(reverse("partnerships:challenge-create"), {
        "obligation": "article_5", "nature": "financial", "source": "bilateral", "description": "No funds for survey.",
    })
    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert challenge.state == state_a and challenge.consent_to_share is False


def test_state_gives_feedback_and_staff_read_it(client_for, parties, state_a):
    response = client_for("state_a").post(reverse("partnerships:feedback"), {"usefulness": "4", "what_to_improve": "E-mail <alerts>"})
    assert response.status_code == 302
    assert Feedback.objects.get().state == state_a
    body = client_for("isu_staff").get(reverse("partnerships:feedback-list")).content.decode()
    assert "E-mail &lt;alerts&gt;" in body
    assert client_for("state_a").get(reverse("partnerships:feedback-list")).status_code == 403


def test_feedback_usefulness_must_be_one_to_five(client_for, parties):
    response = client_for("state_a").post(reverse("partnerships:feedback"), {"usefulness": "9"})
    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_dashboard_shows_needs_against_offers(client_for, public_need_a, public_offer_b):
    body = client_for("isu_staff").get(reverse("partnerships:dashboard")).content.decode()
    assert "Needs against offers, by area" in body and "<svg" in body
