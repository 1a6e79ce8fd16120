"""The read-only REST API: shapes, filters, incremental pulls, conditional GET, CSV, errors."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from entities.access import actor_for
from recommendations.models import Cluster, Recommendation, SuggestedAction
from recommendations.services import status_update_post
from tests.factories import ClusterFactory, RecommendationFactory

LIST = "/api/v1/recommendations/"
ACTIONS = "/api/v1/actions/"


@pytest.fixture
def api(client_for):
    return client_for("api_token")


def test_recommendations_list_carries_references_actions_and_statuses(annex, api):
    body = api.get(LIST).json()
    assert len(body["results"]) == 2 and body["next"] is None and body["previous"] is None
    first = body["results"][0]
    assert first["references"] == [{"report": "S/2015/289", "number": 8}, {"report": "S/2013/503", "number": 3}]
    assert first["cluster"] == "Weapons and ammunition management"
    assert first["status"] == "not_started"
    assert {"id", "text", "updated_at"} <= set(first)
    assert [(a["addressee"], a["implementing_entities"], a["status"]) for a in first["actions"]] == [
        ("security-council", ["UNMAS"], "not_started"),
        ("all-member-states", [], "not_started"),
    ]
    assert set(first["actions"][0]) == {"id", "addressee", "text", "status", "implementing_entities", "updated_at"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("cluster=peacekeeping", ["S/2008/258"]),
        ("report=S/2013/503", ["S/2015/289"]),
        ("addressee=un-system", ["S/2008/258"]),
        ("entity=UNMAS", ["S/2015/289"]),
        ("q=surplus", ["S/2008/258"]),
        ("q=aligning marking", ["S/2015/289"]),
        ("status=not_started", ["S/2015/289", "S/2008/258"]),
        ("status=completed", []),
    ],
)
def test_recommendations_can_be_filtered(annex, api, query, expected):
    body = api.get(f"{LIST}?{query}").json()
    assert [item["references"][0]["report"] for item in body["results"]] == expected


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=finished", "status"),
        ("cluster=no-such-cluster", "cluster"),
        ("report=S/1999/1", "report"),
        ("addressee=everyone", "addressee"),
        ("entity=NOPE", "entity"),
        ("updated_since=yesterday", "updated_since"),
        ("updated_since=2026-13-45T00:00:00Z", "updated_since"),
    ],
)
def test_unknown_filter_values_are_a_400_naming_the_field(annex, api, query, field):
    response = api.get(f"{LIST}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert field in response.json()["errors"]


@pytest.mark.parametrize("cursor", ["not-a-cursor", "eyJrIjpbMV0sImIiOjB9", "eyJrIjpbIjEiLDJdLCJiIjowfQ"])
def test_a_cursor_that_was_not_given_out_is_a_json_404(annex, api, cursor):
    response = api.get(LIST, {"cursor": cursor})
    assert response.status_code == 404
    assert "cursor" in response.json()["detail"]


@pytest.mark.parametrize("url", [LIST, ACTIONS])
def test_a_page_number_on_a_cursor_list_is_a_400_saying_how_to_page(annex, api, url):
    # Otherwise a client counting pages until a 404 would get the first page forever.
    response = api.get(url, {"page": 2})
    assert response.status_code == 400
    assert "next link" in response.json()["errors"]["page"][0]


@pytest.mark.parametrize(("size", "message"), [("0", "1 to 200"), ("-5", "1 to 200"), ("201", "1 to 200"), ("ten", "whole number")])
def test_a_page_size_out_of_range_is_a_400_naming_it(annex, api, size, message):
    for url in (LIST, ACTIONS, "/api/v1/reports/"):
        response = api.get(url, {"page_size": size})
        assert response.status_code == 400, url
        assert message in response.json()["errors"]["page_size"][0]


def _walk(api, url, **params):
    """Every page by following `next`; returns the pages' result ids."""
    pages, body = [], api.get(url, params).json()
    while True:
        pages.append([item["id"] for item in body["results"]])
        if not body["next"]:
            return pages, body
        body = api.get(body["next"]).json()


@pytest.mark.parametrize("url", [LIST, ACTIONS])
def test_following_next_links_reads_every_item_once_in_order(many_recommendations, api, url):
    pages, _ = _walk(api, url, page_size=7)
    ids = [i for page in pages for i in page]
    everything = api.get(url, {"page_size": 200}).json()["results"]
    assert ids == [item["id"] for item in everything]
    assert len(ids) == len(set(ids)) == (55 if url == LIST else 110)
    assert [len(page) for page in pages[:-1]] == [7] * (len(pages) - 1)


def test_previous_links_walk_back_over_the_same_pages(many_recommendations, api):
    pages, last = _walk(api, LIST, page_size=10)
    back, body = [], last
    while body["previous"]:
        body = api.get(body["previous"]).json()
        back.append([item["id"] for item in body["results"]])
    assert back == pages[-2::-1]
    assert body["previous"] is None


def test_a_recommendation_added_while_paging_does_not_shift_the_pages(many_recommendations, api):
    before = [item["id"] for item in api.get(LIST, {"page_size": 200}).json()["results"]]
    first = api.get(LIST, {"page_size": 10}).json()
    RecommendationFactory(cluster=Cluster.objects.get(), position=0)  # sorts before everything read
    second = api.get(first["next"]).json()
    assert [item["id"] for item in second["results"]] == before[10:20]


def test_history_of_an_action_that_does_not_exist_is_a_json_404(annex, api):
    response = api.get(f"{ACTIONS}999999/history/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_updated_since_returns_only_what_changed(annex, api, isu_staff):
    Recommendation.objects.update(updated_at=timezone.now() - dt.timedelta(days=10))
    SuggestedAction.objects.update(updated_at=timezone.now() - dt.timedelta(days=10))
    since = (timezone.now() - dt.timedelta(days=1)).isoformat().replace("+00:00", "Z")
    assert api.get(LIST, {"updated_since": since}).json()["results"] == []
    status_update_post(action=annex["studies"], actor=actor_for(isu_staff), user=isu_staff, status="in_progress")
    body = api.get(LIST, {"updated_since": since}).json()
    assert [item["id"] for item in body["results"]] == [annex["second"].pk]
    actions = api.get(ACTIONS, {"updated_since": since}).json()
    assert [item["id"] for item in actions["results"]] == [annex["studies"].pk]


def test_conditional_get_returns_304_until_something_changes(annex, api, isu_staff):
    first = api.get(LIST)
    assert first["ETag"] and first["Last-Modified"]
    assert api.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert api.get(LIST, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    status_update_post(action=annex["briefing"], actor=actor_for(isu_staff), user=isu_staff, status="in_progress")
    again = api.get(LIST, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again["ETag"] != first["ETag"]


def test_conditional_get_on_a_detail_and_on_history(annex, api, isu_staff):
    url = f"{LIST}{annex['first'].pk}/"
    first = api.get(url)
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    history_url = f"{ACTIONS}{annex['briefing'].pk}/history/"
    history = api.get(history_url)
    assert api.get(history_url, HTTP_IF_NONE_MATCH=history["ETag"]).status_code == 304
    status_update_post(action=annex["briefing"], actor=actor_for(isu_staff), user=isu_staff, status="completed", note="Done.")
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    updated = api.get(history_url, HTTP_IF_NONE_MATCH=history["ETag"])
    assert updated.status_code == 200
    assert [(u["status"], u["note"], u["author"]) for u in updated.json()["results"]] == [("completed", "Done.", "isu")]


def test_the_same_filters_give_different_etags(annex, api):
    assert api.get(LIST)["ETag"] != api.get(LIST, {"cluster": "peacekeeping"})["ETag"]


def test_csv_output_by_query_parameter_and_by_accept_header(annex, api):
    by_format = api.get(LIST, {"format": "csv"})
    assert by_format["Content-Type"].startswith("text/csv")
    lines = by_format.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "id,references,cluster,status,updated_at,actions,text"
    assert "S/2015/289, recommendation 8; S/2013/503, recommendation 3" in lines[1]
    by_accept = api.get(ACTIONS, HTTP_ACCEPT="text/csv")
    assert by_accept["Content-Type"].startswith("text/csv")
    assert by_accept.content.decode("utf-8-sig").splitlines()[0].startswith("id,recommendation,references,addressee,status")


def test_errors_stay_json_when_csv_was_asked_for(annex, api):
    response = api.get(LIST, {"format": "csv", "status": "finished"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("path", [LIST, ACTIONS, "/api/v1/reports/"])
def test_options_describe_the_endpoint_in_json_even_when_csv_was_asked_for(annex, api, path):
    response = api.options(f"{path}?format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "text/csv" in response.json()["renders"]


def test_reports_are_listed(annex, api):
    symbols = [r["symbol"] for r in api.get("/api/v1/reports/").json()["results"]]
    assert symbols == ["S/2008/258", "S/2013/503", "S/2015/289"]


def test_actions_can_be_filtered_like_recommendations(annex, api):
    body = api.get(ACTIONS, {"entity": "UNIDIR"}).json()
    assert [a["id"] for a in body["results"]] == [annex["studies"].pk]
    assert body["results"][0]["references"] == [{"report": "S/2008/258", "number": 9}]
    assert api.get(ACTIONS, {"addressee": "nobody"}).status_code == 400


def test_api_clients_cannot_write(annex, api):
    assert api.post(LIST, {}, format="json").status_code in (403, 405)


def test_anonymous_visitors_get_401(annex, client_for):
    assert client_for("anonymous").get(LIST).status_code == 401


@pytest.mark.parametrize(("url", "expected"), [(LIST, 2), (ACTIONS, 4)])
def test_list_query_count_does_not_grow_with_page_size(many_recommendations, api, url, expected):
    counts = []
    for size in (1, 50):
        with CaptureQueriesContext(connection) as queries:
            response = api.get(url, {"page_size": size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == size
        counts.append(len(queries))
    # Token with its user and role; then the page, whose items the database builds with their
    # references, actions and entities (recommendations), or the page and its prefetched
    # entities and references (actions).
    assert counts == [expected, expected]


def test_the_list_items_are_the_detail_serializers_shape(annex, api, isu_staff):
    status_update_post(action=annex["briefing"], actor=actor_for(isu_staff), user=isu_staff, status="in_progress")
    for item in api.get(LIST).json()["results"]:
        assert item == api.get(f"{LIST}{item['id']}/").json()


def test_a_page_keeps_its_etag_while_only_other_pages_change(many_recommendations, api, isu_staff):
    first = api.get(LIST, {"page_size": 10})
    later = SuggestedAction.objects.filter(recommendation__position=40).first()
    status_update_post(action=later, actor=actor_for(isu_staff), user=isu_staff, status="in_progress")
    assert api.get(LIST, {"page_size": 10}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    shown = SuggestedAction.objects.filter(recommendation__position=3).first()
    status_update_post(action=shown, actor=actor_for(isu_staff), user=isu_staff, status="in_progress")
    again = api.get(LIST, {"page_size": 10}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert [a["status"] for a in again.json()["results"][2]["actions"]][0] == "in_progress"


def test_the_clusters_and_addressees_filtered_by_are_looked_up_once_a_minute(annex, api):
    # A client pulling a filtered list page after page does not look them up on every page.
    filters = {"cluster": "peacekeeping", "addressee": "un-system"}
    with CaptureQueriesContext(connection) as first:
        assert [r["id"] for r in api.get(LIST, filters).json()["results"]] == [annex["second"].pk]
    with CaptureQueriesContext(connection) as again:
        assert [r["id"] for r in api.get(LIST, filters).json()["results"]] == [annex["second"].pk]
    assert len(again) == len(first) - 2


def test_a_cluster_added_is_found_at_once_and_an_unknown_one_stays_an_error(annex, api):
    assert api.get(LIST, {"cluster": "arms-embargoes"}).status_code == 400
    ClusterFactory(name="Arms embargoes", slug="arms-embargoes")
    response = api.get(LIST, {"cluster": "arms-embargoes"})
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert api.get(LIST, {"cluster": "arms-embargoes-"}).status_code == 400
