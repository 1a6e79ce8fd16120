"""The whole filtered list of needs or offers in one API request: the Platform page's file."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def platform(state_a, state_b):
    NeedFactory(state=state_a, title="Prosthetics training", area="victim_assistance")
    NeedFactory(state=state_b, title="=HYPERLINK(\"http://evil\")")
    NeedFactory(state=state_a, title="Private need of Mexico", visibility="secretariat")
    OfferFactory(state=state_b, title="Funding for clearance")


def _browser(client, **filters) -> bytes:
    response = client.get(reverse("partnerships:export-csv"), filters)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def _api(client, url, **query) -> bytes:
    response = client.get(url, query)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="platform-for-partnerships-')
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("role", ["anonymous", "state_a", "state_b", "isu_staff", "api_token"])
def test_the_needs_file_equals_the_browsers_export_of_needs_row_for_row(platform, client_for, role):
    client = client_for(role)
    browser = _browser(client, side="need")
    assert _api(client, "/api/v1/platform/needs/export/") == browser
    assert _api(client, "/api/v1/platform/needs/", format="csv") == browser


def test_a_filter_applies_to_the_file_as_to_the_list(platform, client_for):
    client = client_for("isu_staff")
    body = _api(client, "/api/v1/platform/needs/export/", area="victim_assistance")
    assert body == _browser(client, side="need", area="victim_assistance")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert [row[5] for row in rows[1:]] == ["Prosthetics training"]


def test_the_file_holds_what_the_caller_may_see_and_no_more(platform, client_for):
    titles = {row[5] for row in csv.reader(io.StringIO(_api(client_for("state_b"), "/api/v1/platform/needs/export/").decode("utf-8-sig")))}
    assert "Private need of Mexico" not in titles
    titles = {row[5] for row in csv.reader(io.StringIO(_api(client_for("state_a"), "/api/v1/platform/needs/export/").decode("utf-8-sig")))}
    assert "Private need of Mexico" in titles


def test_a_cell_starting_like_a_formula_is_quoted(platform, client_for):
    rows = list(csv.reader(io.StringIO(_api(client_for("anonymous"), "/api/v1/platform/needs/export/").decode("utf-8-sig"))))
    assert "'=HYPERLINK(\"http://evil\")" in [row[5] for row in rows]


def test_the_offers_file_as_a_workbook_has_the_same_rows(platform, client_for):
    client = client_for("api_token")
    response = client.get("/api/v1/platform/offers/", {"format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    workbook_rows = [[("" if cell is None else str(cell)) for cell in row] for row in sheet.iter_rows(values_only=True)]
    csv_rows = list(csv.reader(io.StringIO(_browser(client, side="offer").decode("utf-8-sig"))))
    assert workbook_rows == csv_rows


def test_a_bad_filter_is_a_json_400_naming_it_even_for_a_file(platform, client_for):
    response = client_for("api_token").get("/api/v1/platform/needs/export/", {"area": "nowhere"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "area" in response.json()["errors"]


def test_an_unknown_format_is_a_404(platform, client_for):
    assert client_for("api_token").get("/api/v1/platform/needs/", {"format": "pdf"}).status_code == 404


def test_a_control_character_in_a_title_does_not_break_the_workbook(client_for, state_b):
    OfferFactory(state=state_b, title="Funding\x0b for clearance\x1f now")
    response = client_for("anonymous").get("/api/v1/platform/offers/export/", {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert [row[5] for row in sheet.iter_rows(values_only=True)][1:] == ["Funding for clearance now"]


def test_a_method_the_list_does_not_take_is_a_405_whatever_the_format(client_for):
    client = client_for("isu_staff")
    for url in ("/api/v1/platform/needs/", "/api/v1/compliance/", "/api/v1/report-submissions/"):
        assert client.generic("TRACE", f"{url}?format=csv").status_code == 405, url
