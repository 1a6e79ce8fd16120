import pytest
from django.urls import reverse

from tests.factories import LetterFactory, ReportSubmissionFactory, StateFactory

CODES = ["MX", "NL", "CH", "UG", "CO", "KH", "AO", "FR", "ES", "DE"]


@pytest.mark.parametrize("size", [2, 10])
def test_outbox_endpoint_query_count_does_not_grow(client_for, django_assert_max_num_queries, size):
    for code in CODES[:size]:
        LetterFactory(state=StateFactory(code=code))
    client = client_for("isu_staff")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("letter-list"))
    assert response.json()["count"] == size


@pytest.mark.parametrize("size", [2, 10])
def test_report_submissions_endpoint_query_count_does_not_grow(client_for, django_assert_max_num_queries, size):
    for code in CODES[:size]:
        ReportSubmissionFactory(state=StateFactory(code=code))
    client = client_for("api_token")
    with django_assert_max_num_queries(6):
        response = client.get(reverse("report-submission-list"))
    assert response.json()["count"] == size


@pytest.mark.parametrize("size", [2, 10])
def test_reports_page_query_count_does_not_grow(client_for, django_assert_max_num_queries, size):
    for code in CODES[:size]:
        ReportSubmissionFactory(state=StateFactory(code=code))
    client = client_for("isu_staff")
    with django_assert_max_num_queries(12):
        client.get(reverse("letters:report-list"))


def test_focal_point_cannot_read_other_states_report_through_the_api(client_for, state_b):
    report = ReportSubmissionFactory(state=state_b)
    assert client_for("state_a").get(reverse("report-submission-detail", args=[report.pk])).status_code == 404
    assert client_for("state_b").get(reverse("report-submission-detail", args=[report.pk])).status_code == 200


def test_outbox_api_filters_by_status(client_for):
    LetterFactory(status="failed")
    LetterFactory(status="sent")
    response = client_for("isu_staff").get(reverse("letter-list"), {"status": "failed"})
    assert [row["status"] for row in response.json()["results"]] == ["failed"]


def test_outbox_api_rejects_an_unknown_status_with_json(client_for):
    response = client_for("isu_staff").get(reverse("letter-list"), {"status": "bogus"})
    assert response.status_code == 400 and "status" in response.json()["errors"]
