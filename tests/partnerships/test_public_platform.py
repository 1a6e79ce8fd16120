"""Anyone browses public needs and offers, filters them and downloads the list as CSV."""

import csv
import io

import pytest
from django.urls import reverse

from tests.factories import NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_filters_by_area_kind_state_region_and_status(client_for, parties, state_a, state_b):
    NeedFactory(state=state_a, area="victim_assistance", kind="expertise", title="Rehabilitation experts")
    OfferFactory(state=state_b, area="mine_clearance", kind="equipment", title="Detectors offered")
    client = client_for("anonymous")
    url = reverse("partnerships:index")
    assert "Rehabilitation experts" in client.get(url, {"area": "victim_assistance"}).content.decode()
    assert "Detectors offered" not in client.get(url, {"area": "victim_assistance"}).content.decode()
    assert "Detectors offered" in client.get(url, {"kind": "equipment"}).content.decode()
    assert "Rehabilitation experts" not in client.get(url, {"state": "UG"}).content.decode()
    assert "Detectors offered" in client.get(url, {"region": "Africa"}).content.decode()
    assert "Detectors offered" not in client.get(url, {"status": "matched"}).content.decode()


def test_csv_download_follows_the_filters(client_for, parties, state_a, state_b):
    NeedFactory(state=state_a, area="victim_assistance", title="Rehabilitation experts")
    OfferFactory(state=state_b, area="mine_clearance", title="Detectors offered")
    rows = _csv(client_for("anonymous").get(reverse("partnerships:export-csv"), {"area": "victim_assistance"}))
    assert rows[0][0] == "Need or offer"
    assert [row[5] for row in rows[1:]] == ["Rehabilitation experts"]


def test_csv_download_opens_in_a_spreadsheet_as_utf8_with_its_accents(client_for, parties, state_a):
    NeedFactory(state=state_a, title="Formation à la réadaptation, Côte d'Ivoire")
    body = client_for("anonymous").get(reverse("partnerships:export-csv")).getvalue()
    assert body.startswith("\ufeff".encode())  # the mark Excel needs to read UTF-8 without an import dialog
    assert body.count("\ufeff".encode()) == 1
    assert "Formation à la réadaptation, Côte d'Ivoire" in [row[5] for row in csv.reader(io.StringIO(body.decode("utf-8-sig")))]


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_csv_neutralises_cells_that_a_spreadsheet_would_run_as_formulas(client_for, parties, state_a, start):
    NeedFactory(state=state_a, title=f"{start}HYPERLINK(\"http://evil\")")
    rows = _csv(client_for("anonymous").get(reverse("partnerships:export-csv")))
    assert rows[1][5] == f"'{start}HYPERLINK(\"http://evil\")"


def test_public_list_query_count_does_not_grow_with_page_size(client_for, parties, state_a, state_b, django_assert_max_num_queries):
    client = client_for("anonymous")
    for _ in range(3):
        NeedFactory(state=state_a)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("partnerships:index"))
    for _ in range(20):
        OfferFactory(state=state_b)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("partnerships:index"))


def test_api_list_query_count_does_not_grow_with_page_size(client_for, parties, state_a, django_assert_max_num_queries):
    client = client_for("state_a")
    NeedFactory(state=state_a)
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("need-list"))
    for _ in range(20):
        NeedFactory(state=state_a)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(client.get(reverse("need-list")).json()["results"]) == 21


def test_my_entries_and_matches_pages_query_counts_are_pinned(client_for, parties, state_a, state_b, django_assert_max_num_queries):
    from tests.factories import MatchFactory

    client = client_for("state_a")
    MatchFactory(need=NeedFactory(state=state_a), offer=OfferFactory(state=state_b))
    with django_assert_max_num_queries(20) as small:
        client.get(reverse("partnerships:mine"))
        client.get(reverse("partnerships:match-list"))
    for _ in range(10):
        MatchFactory(need=NeedFactory(state=state_a), offer=OfferFactory(state=state_b))
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("partnerships:mine"))
        client.get(reverse("partnerships:match-list"))
