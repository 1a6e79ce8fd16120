"""The OpenAPI schema says what the API really answers: its error responses (with the one error
shape, the `Error` component), 304 for conditional GETs, which reads need no token, and what
the filters accept."""

import re

import jsonschema
import pytest
from django.urls import reverse

from entities.seed import REGIONS
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(anon_client):
    response = anon_client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def operation(schema, path: str, method: str = "get") -> dict:
    return schema["paths"][path][method]


def assert_documented(schema, path: str, response, method: str = "get"):
    """The response's status is documented for the operation and its body fits that documentation."""
    documented = operation(schema, path, method)["responses"]
    assert str(response.status_code) in documented, f"{response.status_code} not documented for {method} {path}"
    body_schema = documented[str(response.status_code)]["content"]["application/json"]["schema"]
    assert body_schema == {"$ref": "#/components/schemas/Error"}
    jsonschema.validate(response.json(), schema["components"]["schemas"]["Error"])


def test_an_unknown_status_is_a_documented_400_naming_the_filter(schema, client_for):
    response = client_for("api_token").get(reverse("action-item-list"), {"status": "unknown"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["status"]
    assert_documented(schema, "/api/v1/action-items/", response)


def test_an_unknown_id_and_a_page_past_the_last_are_documented_404s(schema, client_for):
    client = client_for("api_token")
    missing = client.get(reverse("entity-detail", args=[999999]))
    assert missing.status_code == 404
    assert_documented(schema, "/api/v1/entities/{id}/", missing)
    past_the_end = client.get(reverse("entity-list"), {"page": 999})
    assert past_the_end.status_code == 404
    assert_documented(schema, "/api/v1/entities/", past_the_end)


def test_a_request_without_token_is_a_documented_401(schema, anon_client):
    response = anon_client.get(reverse("entity-list"))
    assert response.status_code == 401
    assert_documented(schema, "/api/v1/entities/", response)


def test_403_is_documented_where_a_signed_in_caller_can_be_refused(schema, client_for):
    refused = client_for("api_token").get(reverse("letter-list"))
    assert refused.status_code == 403
    assert_documented(schema, "/api/v1/letters/", refused)
    assert "403" in operation(schema, "/api/v1/platform/needs/", "post")["responses"]
    # Every signed-in caller may read the registry: no 403 to document there.
    assert "403" not in operation(schema, "/api/v1/entities/")["responses"]


def test_conditional_gets_document_304_without_a_body(schema):
    conditional = [
        (path, op) for path, item in schema["paths"].items() for op in item.values()
        if any(p["name"] == "If-None-Match" for p in op.get("parameters", []))
    ]
    assert conditional
    for path, op in conditional:
        assert "304" in op["responses"], path
        assert "content" not in op["responses"]["304"], path


def test_public_platform_reads_declare_that_no_token_is_needed(schema, anon_client):
    for path in ("/api/v1/platform/needs/", "/api/v1/platform/offers/", "/api/v1/platform/challenges/",
                 "/api/v1/platform/projects/", "/api/v1/platform/needs/{id}/"):
        assert {} in operation(schema, path)["security"], path
    assert anon_client.get(reverse("need-list")).status_code == 200
    # Writing needs a token: no empty requirement there, and a request without one is a 401.
    assert {} not in operation(schema, "/api/v1/platform/needs/", "post")["security"]
    refused = anon_client.post(reverse("need-list"), {}, format="json")
    assert refused.status_code == 401
    assert_documented(schema, "/api/v1/platform/needs/", refused, method="post")
    assert {} not in operation(schema, "/api/v1/entities/")["security"]


def test_a_yes_no_filter_takes_true_false_or_nothing(schema, client_for):
    EntityFactory(acronym="UNMAS", is_active=True)
    client = client_for("api_token")
    assert client.get(reverse("entity-list"), {"active": "true"}).status_code == 200
    assert client.get(reverse("entity-list"), {"active": ""}).status_code == 200
    refused = client.get(reverse("entity-list"), {"active": "maybe"})
    assert refused.status_code == 400
    assert list(refused.json()["errors"]) == ["active"]
    active = next(p for p in operation(schema, "/api/v1/entities/")["parameters"] if p["name"] == "active")
    assert active["schema"]["type"] == "boolean" and active["allowEmptyValue"] is True


def test_the_platform_region_filter_declares_its_choices(schema, anon_client):
    region = next(p for p in operation(schema, "/api/v1/platform/needs/")["parameters"] if p["name"] == "region")
    assert region["schema"]["enum"] == sorted(REGIONS)
    refused = anon_client.get(reverse("need-list"), {"region": "Atlantis"})
    assert refused.status_code == 400
    assert list(refused.json()["errors"]) == ["region"]


def test_text_filters_declare_that_nul_characters_are_refused(schema, client_for):
    refused = client_for("api_token").get(reverse("entity-list"), {"q": "mine\x00"})
    assert refused.status_code == 400
    assert list(refused.json()["errors"]) == ["q"]
    q = next(p for p in operation(schema, "/api/v1/entities/")["parameters"] if p["name"] == "q")
    assert re.fullmatch(q["schema"]["pattern"], "mine")
    assert not re.fullmatch(q["schema"]["pattern"], "mine\x00")

