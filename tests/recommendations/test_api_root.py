"""The API's entry point, /api/v1/: a client discovers every resource from it."""

import pytest
from django.urls import get_resolver

pytestmark = pytest.mark.django_db


def _list_route_names() -> set[str]:
    return {name for name in get_resolver().reverse_dict if isinstance(name, str) and name.endswith("-list")}


def test_anyone_reads_the_root_with_links_to_the_schema_and_docs(anon_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = anon_client.get("/api/v1/")
    assert response.status_code == 200
    body = response.json()
    assert body["schema"] == "http://testserver/api/v1/schema/"
    assert body["docs"] == "http://testserver/api/v1/docs/"
    assert response.headers["Link"] == (
        '<http://testserver/api/v1/schema/>; rel="service-desc", <http://testserver/api/v1/docs/>; rel="service-doc"'
    )


def test_the_root_lists_every_list_route_once(anon_client):
    resources = anon_client.get("/api/v1/").json()["resources"]
    names = [resource["name"] for resource in resources]
    assert len(names) == len(set(names))
    assert {"recommendations", "actions", "reports", "entities", "states", "mechanisms", "meetings", "action-items",
            "platform/needs", "platform/offers", "platform/challenges", "letters", "report-submissions"} <= set(names)
    # Every `-list` route of the API except the nested one (a status update is posted under its action).
    api_lists = {name for name in _list_route_names() if name != "action-status-update-list"}
    assert len(resources) == len(api_lists)


def test_the_root_says_which_resources_are_public_and_how_each_pages(anon_client):
    resources = {r["name"]: r for r in anon_client.get("/api/v1/").json()["resources"]}
    assert resources["platform/needs"]["token_required"] is False
    assert resources["recommendations"]["token_required"] is True
    assert resources["recommendations"]["pagination"] == "cursor"
    assert resources["actions"]["pagination"] == "cursor"
    assert resources["states"]["pagination"] == "page"


def test_every_listed_url_answers_the_staff_and_the_public_ones_answer_anyone(db, anon_client, client_for):
    resources = anon_client.get("/api/v1/").json()["resources"]
    staff = client_for("isu_staff")
    for resource in resources:
        assert staff.get(resource["url"]).status_code == 200, resource["name"]
        expected = 401 if resource["token_required"] else 200
        assert anon_client.get(resource["url"]).status_code == expected, resource["name"]


def test_an_unknown_token_is_refused_even_on_the_root(anon_client):
    response = anon_client.get("/api/v1/", headers={"Authorization": "Token not-a-token"})
    assert response.status_code == 401


def test_the_root_has_a_browsable_page(anon_client):
    response = anon_client.get("/api/v1/", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "platform/needs" in response.content.decode()


def test_the_root_is_an_operation_of_the_schema(anon_client):
    schema = anon_client.get("/api/v1/schema/", {"format": "json"}).json()
    operation = schema["paths"]["/api/v1/"]["get"]
    assert operation["operationId"] == "api_root"
    assert {} in operation["security"]
