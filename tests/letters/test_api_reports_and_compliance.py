"""Reports received recorded through the API as the browser's form records them; the whole list
and the compliance table as the browser exports them."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from letters.models import ReportSubmission
from tests.factories import ReportingObligationFactory, ReportSubmissionFactory, TreatyPartyFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/report-submissions/"
LAST_YEAR = dt.date.today().year - 1


@pytest.fixture
def article7(state_a, state_b):
    obligation = ReportingObligationFactory()
    for state in (state_a, state_b):
        TreatyPartyFactory(treaty=obligation.treaty, state=state, entry_into_force=dt.date(1999, 3, 1))
    return obligation


def _body(**changes):
    return {"state": "MX", "kind": "annual", "period": LAST_YEAR, "received_on": f"{LAST_YEAR + 1}-01-10",
            "link": "https://example.org/mx.pdf", **changes}


def test_staff_record_a_report_that_the_browsers_list_shows(article7, client_for):
    staff = client_for("isu_staff")
    response = staff.post(URL, _body(), format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["state"] == "MX" and response.json()["period"] == LAST_YEAR
    assert "https://example.org/mx.pdf" in staff.get(reverse("letters:report-list")).content.decode()


def test_recording_the_same_report_again_is_refused_naming_the_year(article7, client_for):
    staff = client_for("isu_staff")
    assert staff.post(URL, _body(), format="json").status_code == 201
    again = staff.post(URL, _body(), format="json")
    assert again.status_code == 400 and "period" in again.json()["errors"]
    assert ReportSubmission.objects.count() == 1


def test_a_retry_with_the_same_idempotency_key_records_once(article7, client_for):
    staff = client_for("isu_staff")
    first = staff.post(URL, _body(), format="json", HTTP_IDEMPOTENCY_KEY="report-mx")
    again = staff.post(URL, _body(), format="json", HTTP_IDEMPOTENCY_KEY="report-mx")
    assert (first.status_code, again.status_code) == (201, 201) and again.json() == first.json()


def test_a_state_focal_point_records_its_own_states_report_only(article7, client_for):
    client = client_for("state_a")
    assert client.post(URL, _body(state="UG"), format="json").status_code == 403
    missing_link = client.post(URL, _body(state="", link=""), format="json")
    assert missing_link.status_code == 400 and "link" in missing_link.json()["errors"]
    assert client.post(URL, _body(state=""), format="json").status_code == 201


def test_read_only_and_entity_tokens_may_not_record(article7, client_for):
    assert client_for("api_token").post(URL, _body(), format="json").status_code == 403
    assert client_for("entity_fp").post(URL, _body(), format="json").status_code == 403


def test_bad_input_names_the_field_and_records_nothing(article7, client_for):
    staff = client_for("isu_staff")
    future = staff.post(URL, _body(received_on=(dt.date.today() + dt.timedelta(days=5)).isoformat()), format="json")
    assert future.status_code == 400 and "received_on" in future.json()["errors"]
    assert "state" in staff.post(URL, _body(state=""), format="json").json()["errors"]
    assert "state" in staff.post(URL, _body(state="ZZ"), format="json").json()["errors"]
    assert not ReportSubmission.objects.exists()


@pytest.mark.parametrize("query", [{}, {"state": "MX"}, {"kind": "initial"}])
def test_the_reports_file_equals_the_browsers_export_row_for_row(article7, client_for, state_a, state_b, query):
    ReportSubmissionFactory(obligation=article7, state=state_a, period=LAST_YEAR, link="=cmd|' /C calc'!A0")
    ReportSubmissionFactory(obligation=article7, state=state_b, period=LAST_YEAR - 1)
    ReportSubmissionFactory(obligation=article7, state=state_b, kind="initial", period=2000)
    staff = client_for("isu_staff")
    browser = staff.get(reverse("letters:report-export"), query).content
    for url, extra in (("export/", {}), ("", {"format": "csv"})):
        response = staff.get(f"{URL}{url}", {**query, **extra})
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == browser
    workbook = staff.get(f"{URL}export/", {**query, "format": "xlsx"})
    assert workbook.status_code == 200
    browser_book = staff.get(reverse("letters:report-export"), {**query, "format": "xlsx"}).content
    assert _cells(workbook.content) == _cells(browser_book)


def test_a_state_focal_point_exports_its_own_states_reports(article7, client_for, state_a, state_b):
    ReportSubmissionFactory(obligation=article7, state=state_a, period=LAST_YEAR)
    ReportSubmissionFactory(obligation=article7, state=state_b, period=LAST_YEAR)
    body = b"".join(client_for("state_a").get(f"{URL}export/").streaming_content).decode("utf-8-sig")
    assert "MX" in body and "UG" not in body


def _cells(content: bytes) -> list[list]:
    return [list(row) for row in load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True)]


def test_the_compliance_table_is_the_pages_with_each_states_on_time_rate(article7, client_for, state_a):
    ReportSubmissionFactory(obligation=article7, state=state_a, period=LAST_YEAR, received_on=dt.date(LAST_YEAR + 1, 4, 1))
    staff = client_for("isu_staff")
    response = staff.get("/api/v1/compliance/", {"since": LAST_YEAR - 1, "until": LAST_YEAR})
    assert response.status_code == 200
    rows = {row["state"]: row for row in response.json()["results"]}
    assert rows["MX"]["years"] == [{"year": LAST_YEAR - 1, "verdict": "missing"}, {"year": LAST_YEAR, "verdict": "on_time"}]
    assert rows["MX"]["on_time_rate"] == 50
    assert rows["UG"]["on_time_rate"] == 0
    assert response.json()["count"] == 2


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_compliance_file_equals_the_pages_export(article7, client_for, state_a, fmt):
    ReportSubmissionFactory(obligation=article7, state=state_a, period=LAST_YEAR)
    staff = client_for("isu_staff")
    query = {"since": LAST_YEAR - 2, "region": "Americas", "format": fmt}
    browser = staff.get(reverse("letters:compliance"), query)
    api = staff.get("/api/v1/compliance/export/", query)
    assert api.status_code == 200
    if fmt == "csv":
        assert b"".join(api.streaming_content) == browser.content
    else:
        assert _cells(api.content) == _cells(browser.content)


def test_compliance_years_out_of_order_are_a_400_naming_since(article7, client_for):
    response = client_for("isu_staff").get("/api/v1/compliance/", {"since": 2020, "until": 2010})
    assert response.status_code == 400 and "since" in response.json()["errors"]
    assert client_for("state_a").get("/api/v1/compliance/").status_code == 403
