"""The schema a caller reads says what the server enforces for that caller (finding 10), so that a
request valid by the schema is not refused and a request the server refuses breaks the schema."""

import pytest
from django.urls import reverse

from tests.factories import NeedFactory, TreatyPartyFactory
from tests.factories.entities import TreatyFactory

pytestmark = pytest.mark.django_db


def _schema(client) -> dict:
    return client.get(reverse("api-schema"), {"format": "json"}).json()


def _parameter(schema: dict, path: str, name: str) -> dict:
    return next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)


def test_a_focal_point_is_offered_only_its_own_state_and_an_update_no_state(client_for, state_a, state_b):
    schema = _schema(client_for("state_a"))
    components = schema["components"]["schemas"]
    state = components["EntryRequest"]["properties"]["state"]
    enum = components[state["allOf"][0]["$ref"].rsplit("/", 1)[1]]["enum"] if "allOf" in state else state["enum"]
    assert enum == ["MX"]
    for name in ("EntryUpdateRequest", "PatchedEntryUpdateRequest"):
        assert "state" not in components[name]["properties"]
        assert "version" in components[name]["required"]


def test_amounts_have_no_minus_sign_and_withdrawn_is_not_written(client_for, state_a):
    components = _schema(client_for("state_a"))["components"]["schemas"]
    amount = components["EntryRequest"]["properties"]["amount"]
    assert all("-" not in option.get("pattern", "") and option.get("minimum", 0) >= 0 for option in amount["oneOf"])
    status = components["EntryRequest"]["properties"]["status"]["allOf"][0]["$ref"].rsplit("/", 1)[1]
    assert "withdrawn" not in components[status]["enum"]


def test_the_server_refuses_what_the_schema_leaves_out(client_for, state_a):
    TreatyPartyFactory(treaty=TreatyFactory(), state=state_a)
    client = client_for("state_a")
    assert client.post(reverse("need-list"), {"state": "UG", "kind": "equipment", "area": "other", "title": "t",
                                              "description": "d"}, format="json").status_code == 400
    need = NeedFactory(state=state_a)
    answer = client.patch(reverse("need-detail", args=[need.pk]), {"amount": "-0"}, format="json")
    assert answer.status_code == 400 and "amount" in answer.json()["errors"]


def test_filters_naming_a_row_list_the_values_they_accept(anon_client, client_for):
    TreatyFactory()
    schema = _schema(anon_client)
    assert _parameter(schema, "/api/v1/states/", "party_to")["schema"]["enum"] == ["APMBC"]
    assert _parameter(schema, "/api/v1/treaty-parties/", "treaty")["schema"]["enum"] == ["APMBC"]
    assert client_for("api_token").get(reverse("state-list"), {"party_to": "NOPE"}).status_code == 400
