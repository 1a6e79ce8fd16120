"""Platform API requests: bodies are JSON, and a match names entries the caller may see."""

import pytest
from django.urls import reverse

from partnerships.models import Match

pytestmark = pytest.mark.django_db


def test_another_states_private_need_is_refused_as_an_unknown_id_is(client_for, private_need_a, public_offer_b):
    client = client_for("state_b")
    hidden = client.post(reverse("partnership-match-list"), {"need": private_need_a.pk, "offer": public_offer_b.pk},
                         format="json")
    unknown = client.post(reverse("partnership-match-list"), {"need": 999999, "offer": public_offer_b.pk}, format="json")
    assert hidden.status_code == unknown.status_code == 400
    assert list(hidden.json()["errors"]) == list(unknown.json()["errors"]) == ["need"]
    # The same words for both: the answer does not tell that the private need exists.
    assert (hidden.json()["errors"]["need"][0].replace(str(private_need_a.pk), "<id>")
            == unknown.json()["errors"]["need"][0].replace("999999", "<id>"))
    assert not Match.objects.exists()


def test_a_form_body_is_refused_and_the_schema_offers_json_only(client_for, parties, anon_client):
    response = client_for("state_a").post(reverse("need-list"), {"kind": "expertise", "area": "other", "title": "T"})
    assert response.status_code == 415
    schema = anon_client.get("/api/v1/schema/", {"format": "json"}).json()
    assert list(schema["paths"]["/api/v1/platform/needs/"]["post"]["requestBody"]["content"]) == ["application/json"]


@pytest.mark.parametrize("body", [{"title": "Taken over"}, {"state": "UG", "title": "Taken over"}, {"amount": "-5"}])
def test_another_states_public_need_is_refused_with_403_whatever_the_body(client_for, public_need_a, body):
    response = client_for("state_b").patch(reverse("need-detail", args=[public_need_a.pk]), body, format="json")
    assert response.status_code == 403
    public_need_a.refresh_from_db()
    assert public_need_a.title == "Public need of A"
