"""The whole filtered recommendations list as CSV in one API request: the browser's export."""

import csv
import io

import pytest
from django.urls import reverse

from recommendations.api import exports
from tests.factories import SuggestedActionFactory

EXPORT = "/api/v1/recommendations/export/"


def _api_file(client, **filters) -> bytes:
    response = client.get(EXPORT, filters)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="recommendations-')
    return b"".join(response.streaming_content)


def _browser_file(client, **filters) -> bytes:
    response = client.get(reverse("recommendations:export"), filters)
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("filters", [{}, {"entity": "UNMAS"}, {"cluster": "peacekeeping"}, {"q": "stockpile"}])
def test_the_api_file_equals_the_browsers_export_row_for_row(annex, client_for, filters):
    staff = client_for("isu_staff")
    assert _api_file(client_for("api_token"), **filters) == _browser_file(staff, **filters)


def test_the_whole_list_comes_in_one_request_across_chunks(many_recommendations, client_for, monkeypatch):
    monkeypatch.setattr(exports, "CHUNK", 20)
    body = _api_file(client_for("api_token"))
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["references", "cluster", "recommendation_text", "addressee", "action_text",
                       "implementing_entities", "tags", "status"]
    assert len(rows) == 1 + 55 * 2
    assert body == _browser_file(client_for("isu_staff"))
    assert body.count("\ufeff".encode()) == 1


def test_a_cell_starting_like_a_formula_is_quoted(annex, client_for):
    SuggestedActionFactory(recommendation=annex["first"], text="=HYPERLINK(\"http://evil\")")
    rows = list(csv.reader(io.StringIO(_api_file(client_for("api_token")).decode("utf-8-sig"))))
    assert "'=HYPERLINK(\"http://evil\")" in [row[4] for row in rows]


def test_a_bad_filter_is_a_json_400_naming_it(annex, client_for):
    response = client_for("api_token").get(EXPORT, {"status": "bogus"})
    assert response.status_code == 400
    assert "status" in response.json()["errors"]


def test_anonymous_visitors_need_a_token(annex, anon_client):
    assert anon_client.get(EXPORT).status_code == 401


def test_the_export_costs_the_same_queries_for_2_or_55_recommendations(
    annex, many_recommendations, client_for, django_assert_num_queries,
):
    client = client_for("api_token")
    for cluster in ("peacekeeping", "arms-embargoes"):  # 1 and 55 recommendations
        with django_assert_num_queries(7):
            _api_file(client, cluster=cluster)


@pytest.mark.parametrize("fmt, status", [("csv", 200), ("json", 404), ("-58800", 404)])
def test_the_export_is_csv_and_another_format_is_a_json_404(annex, client_for, fmt, status):
    response = client_for("api_token").get(EXPORT, {"format": fmt})
    assert response.status_code == status
    if status == 404:
        assert response.json() == {"detail": "Not found."}
