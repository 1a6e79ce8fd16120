"""What the schema tells a generated client: a CSV download is text, and how each list pages."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema(django_db_blocker):
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        return APIClient().get("/api/v1/schema/", {"format": "json"}).json()


def _operations(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_every_csv_answer_is_described_as_text(schema):
    csv = [
        (path, response["content"]["text/csv"]["schema"])
        for path, _method, operation in _operations(schema)
        for response in operation["responses"].values()
        if "text/csv" in response.get("content", {})
    ]
    assert {path for path, _ in csv} >= {"/api/v1/recommendations/", "/api/v1/actions/", "/api/v1/reports/"}
    assert all(body["type"] == "string" and "$ref" not in body for _, body in csv)


def test_the_json_answer_of_a_csv_list_is_still_the_page(schema):
    content = schema["paths"]["/api/v1/recommendations/"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("PaginatedRecommendationList")


def test_each_list_of_the_root_says_in_the_schema_how_it_pages(schema, anon_client):
    root = anon_client.get("/api/v1/").json()
    for resource in root["resources"]:
        operation = schema["paths"][f"/api/v1/{resource['name']}/"]["get"]
        assert operation["x-pagination"]["style"] == resource["pagination"], resource["name"]
        assert operation["x-pagination"]["has_count"] is (resource["pagination"] == "page")
    assert "cursor" in schema["paths"]["/api/v1/recommendations/"]["get"]["description"]


def test_a_detail_is_not_declared_paginated(schema):
    assert "x-pagination" not in schema["paths"]["/api/v1/recommendations/{id}/"]["get"]
    assert schema["paths"]["/api/v1/actions/{id}/history/"]["get"]["x-pagination"]["style"] == "page"


def test_the_status_update_post_declares_its_body_answers_and_idempotency_key(schema):
    operation = schema["paths"]["/api/v1/actions/{action_id}/status-updates/"]["post"]
    assert {"201", "400", "401", "403", "404", "422"} <= operation["responses"].keys()
    assert any(p["name"] == "Idempotency-Key" for p in operation["parameters"])
    body = schema["components"]["schemas"]["StatusUpdateCreateRequest"]
    assert body["required"] == ["status"]
    assert body["properties"]["note"]["maxLength"] == 2000
