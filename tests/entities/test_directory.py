"""The directory pages: search, filters, pagination, and what only staff see."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entities import seed
from entities.models import Entity, State
from tests.factories import (
    EntityFactory,
    FocalPointFactory,
    OrganisationFactory,
    StateFactory,
    TreatyFactory,
    TreatyPartyFactory,
)


@pytest.fixture
def seeded(db):
    seed.load(stdout=io.StringIO())


def test_searching_dpko_shows_dpo_too(seeded, client):
    page = client.get(reverse("entities:entity-list"), {"q": "DPKO"}).content.decode()
    assert ">DPKO</a>" in page
    assert ">DPO</a>" in page
    assert "Now DPO" in page


def test_entity_detail_shows_renames_parent_children_and_other_names(seeded, client):
    dpo = client.get(reverse("entities:entity-detail", args=["DPO"])).content.decode()
    assert "DPKO" in dpo  # formerly
    assert "UNMAS" in dpo  # part of DPO
    dpko = client.get(reverse("entities:entity-detail", args=["DPKO"])).content.decode()
    assert "This entity became DPO" in dpko
    unmas = client.get(reverse("entities:entity-detail", args=["UNMAS"])).content.decode()
    assert "Mine Action Service of the United Nations" in unmas


def test_acronym_with_a_slash_has_a_page(seeded, client):
    entity = Entity.objects.get(acronym="OSRSG/CAAC")
    response = client.get(entity.get_absolute_url())
    assert response.status_code == 200
    assert "Children and Armed Conflict" in response.content.decode()


def test_entity_list_filters_by_kind_and_active(seeded, client):
    page = client.get(reverse("entities:entity-list"), {"kind": "peace_operation", "active": "true"}).content.decode()
    assert ">UNIFIL</a>" in page
    assert ">UNOCI</a>" not in page


def test_entity_list_is_paginated(seeded, client):
    first = client.get(reverse("entities:entity-list")).context
    assert first["page_obj"].paginator.num_pages > 1
    second = client.get(reverse("entities:entity-list"), {"page": 2})
    assert second.status_code == 200


def test_state_list_search_region_membership_and_party(seeded, client):
    treaty = TreatyFactory()
    TreatyPartyFactory(treaty=treaty, state=State.objects.get(code="UG"), is_demo=True)
    assert ">Mexico</a>" in client.get(reverse("entities:state-list"), {"q": "mex"}).content.decode()
    parties = client.get(reverse("entities:state-list"), {"party_to": "APMBC"}).content.decode()
    assert ">Uganda</a>" in parties and ">Mexico</a>" not in parties
    europe = client.get(reverse("entities:state-list"), {"region": "Europe", "un_member": "true"})
    europeans = {state.code.code for state in europe.context["filter"].qs}
    assert {"FR", "DE", "NL", "CH", "UA"} <= europeans
    assert not europeans & {"MX", "UG", "JP"}


def test_state_detail_labels_demo_participation(db, client):
    state = StateFactory(code="CO")
    TreatyPartyFactory(treaty=TreatyFactory(), state=state, is_demo=True)
    page = client.get(reverse("entities:state-detail", args=["co"])).content.decode()
    assert "APMBC" in page and "Demo data, not real" in page


def test_unknown_state_or_entity_is_a_404(db, client):
    assert client.get(reverse("entities:state-detail", args=["ZZ"])).status_code == 404
    assert client.get(reverse("entities:state-detail", args=["MEXICO"])).status_code == 404
    assert client.get(reverse("entities:entity-detail", args=["NOPE"])).status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "state_a", "state_b", "entity_fp"])
def test_focal_points_are_hidden_from_non_staff(client_for, state_a, entity, role):
    FocalPointFactory(name="Secret Person", email="secret@example.org", state=state_a)
    client = client_for(role)
    for url in (reverse("entities:state-detail", args=["MX"]), reverse("entities:entity-detail", args=["UNMAS"])):
        page = client.get(url).content.decode()
        assert "secret@example.org" not in page
        assert "focal-unmas@example.org" not in page
        assert "Change history" not in page


def test_staff_see_focal_points_and_history_link(client_for, state_a, entity):
    FocalPointFactory(name="Visible Person", email="visible@example.org", state=state_a)
    page = client_for("isu_staff").get(reverse("entities:state-detail", args=["MX"])).content.decode()
    assert "visible@example.org" in page
    assert "Change history" in page
    unmas = client_for("isu_staff").get(reverse("entities:entity-detail", args=["UNMAS"])).content.decode()
    assert "focal-unmas@example.org" in unmas


def test_search_input_is_escaped(db, client):
    page = client.get(reverse("entities:entity-list"), {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize("name", ["entities:entity-list", "entities:state-list", "entities:organisation-list"])
def test_list_page_query_count_does_not_grow(db, client, name):
    dpo = EntityFactory(acronym="DPO")
    for n in range(30):
        EntityFactory(acronym=f"E{n:02d}", parent=dpo, successor=dpo if n % 2 else None)
    for code in ("MX", "UG", "NL", "CH", "CO", "KH", "AO", "FR", "ES", "DE"):
        StateFactory(code=code)
    for n in range(30):
        OrganisationFactory()

    def queries(page: int) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name), {"page": page}).status_code == 200
        return len(captured)

    assert queries(1) <= 8
    assert queries(1) == queries(2)


def test_states_are_listed_by_name(seeded, client):
    states = client.get(reverse("entities:state-list"), {"region": "Africa"}).context["page_obj"].object_list
    names = [state.name for state in states]
    assert names[:2] == ["Algeria", "Angola"]
