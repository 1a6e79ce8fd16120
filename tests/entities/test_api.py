"""The registry API: read-only, filters shared with the directory, old acronyms resolve."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entities import seed
from entities.models import Entity
from tests.factories import EntityFactory, StateFactory, TreatyFactory, TreatyPartyFactory


@pytest.fixture
def seeded(db):
    seed.load(stdout=io.StringIO())


def acronyms(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {row["acronym"] for row in response.json()["results"]}


def test_searching_an_old_acronym_finds_todays_entity(seeded, client_for):
    response = client_for("api_token").get(reverse("entity-list"), {"q": "DPKO"})
    assert {"DPKO", "DPO"} <= acronyms(response)


def test_acronym_filter_resolves_renames(seeded, client_for):
    client = client_for("state_a")
    assert acronyms(client.get(reverse("entity-list"), {"acronym": "dpi"})) == {"DPI", "DGC"}
    assert acronyms(client.get(reverse("entity-list"), {"acronym": "UNIFEM"})) == {"UNIFEM", "UN-Women"}
    assert acronyms(client.get(reverse("entity-list"), {"acronym": "DPO"})) == {"DPO"}


def test_other_names_of_the_documents_are_searchable(seeded, client_for):
    response = client_for("entity_fp").get(reverse("entity-list"), {"q": "Mine Action Service"})
    assert "UNMAS" in acronyms(response)


def test_entity_shows_what_it_became(seeded, client_for):
    dpko = Entity.objects.get(acronym="DPKO")
    body = client_for("api_token").get(reverse("entity-detail", args=[dpko.pk])).json()
    assert body["successor"]["acronym"] == "DPO"
    assert body["current"]["acronym"] == "DPO"
    assert body["succeeded_on"] == "2019-01-01"


def test_entity_filters_by_kind_and_active(seeded, client_for):
    response = client_for("isu_staff").get(reverse("entity-list"), {"kind": "peace_operation", "active": "false", "page_size": 100})
    assert {"UNOCI", "UNMIL", "MINUSTAH"} <= acronyms(response)
    assert "UNIFIL" not in acronyms(response)


def test_bad_filter_value_is_a_400_naming_the_field(seeded, client_for):
    response = client_for("api_token").get(reverse("entity-list"), {"kind": "spaceship"})
    assert response.status_code == 400
    assert "kind" in response.json() or "kind" in response.content.decode()


def test_states_filter_by_region_membership_and_party(db, client_for):
    treaty = TreatyFactory()
    TreatyPartyFactory(treaty=treaty, state=StateFactory(code="CO", region="Americas"), is_demo=True)
    StateFactory(code="FR", region="Europe")
    client = client_for("api_token")
    codes = lambda r: {row["code"] for row in r.json()["results"]}  # noqa: E731
    assert codes(client.get(reverse("state-list"), {"party_to": "APMBC"})) == {"CO"}
    assert codes(client.get(reverse("state-list"), {"region": "Europe"})) == {"FR"}
    assert "MX" in codes(client.get(reverse("state-list"), {"q": "mexico"}))
    assert client.get(reverse("state-detail", args=["co"])).json()["treaties"][0]["is_demo"] is True


def test_treaty_lists_obligations_and_party_counts(seeded, client_for):
    body = client_for("api_token").get(reverse("treaty-detail", args=["APMBC"])).json()
    assert body["reporting_obligations"][0]["code"] == "article-7"
    assert body["party_count"] == 0


def test_addressee_security_council_points_at_the_entity(seeded, client_for):
    body = client_for("api_token").get(reverse("addressee-detail", args=["security-council"])).json()
    assert body["entity"]["acronym"] == "UNSC"


def test_api_clients_cannot_write(db, client_for):
    response = client_for("api_token").post(reverse("entity-list"), {"acronym": "X", "name": "X"}, format="json")
    assert response.status_code == 403


@pytest.mark.parametrize("name", ["entity-list", "state-list", "organisation-list", "addressee-list", "treaty-list", "treaty-party-list"])
def test_list_endpoint_query_count_does_not_grow_with_page_size(seeded, client_for, name):
    client = client_for("api_token")
    treaty = TreatyFactory()
    for code in ("MX", "UG", "NL", "CH", "CO", "KH"):
        TreatyPartyFactory(treaty=treaty, state=StateFactory(code=code), is_demo=True)
    for n in range(3):
        EntityFactory(acronym=f"OLD{n}", successor=Entity.objects.get(acronym="DPO"))

    def queries(page_size: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse(name), {"page_size": page_size})
        assert response.status_code == 200
        return len(captured)

    assert queries(50) == queries(3)
    assert queries(50) <= 8
