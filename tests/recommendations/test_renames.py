"""A renamed body is one body over time: DPO's page, the coordination map, the filters, the
dashboard and the API show what DPKO did as DPO's own history, and nothing counts twice."""

import datetime as dt

import pytest
from django.urls import reverse

from entities.models import Entity
from recommendations import selectors
from tests.factories import (
    EntityFactory,
    MechanismFactory,
    MeetingFactory,
    MembershipFactory,
    ParticipantFactory,
    SuggestedActionFactory,
)


@pytest.fixture
def dpo(db, annex, addressees):
    """DPKO became DPO on 1 January 2019. DPKO sat in CASA and attended a CASA meeting that DPO
    also attended; one action names DPKO, another names both."""
    dpo = EntityFactory(acronym="DPO", name="Department of Peace Operations")
    dpko = EntityFactory(acronym="DPKO", name="Department of Peacekeeping Operations", successor=dpo,
                         succeeded_on=dt.date(2019, 1, 1), is_active=False)
    casa = MechanismFactory(slug="casa", acronym="CASA", name="Coordinating Action on Small Arms")
    MembershipFactory(mechanism=casa, entity=dpko, role="member")
    meeting = MeetingFactory(mechanism=casa)
    ParticipantFactory(meeting=meeting, entity=dpko)
    ParticipantFactory(meeting=meeting, entity=dpo)
    first = SuggestedActionFactory(recommendation=annex["first"], addressee=addressees["un"], position=3,
                                   text="Peacekeeping operations may assist.", implementing_entities=[dpko])
    both = SuggestedActionFactory(recommendation=annex["second"], addressee=addressees["un"], position=2,
                                  text="Missions may report.", implementing_entities=[dpko, dpo])
    return {"dpo": dpo, "dpko": dpko, "casa": casa, "actions": {first.pk, both.pk}}


def test_one_function_gives_a_body_across_renames(dpo):
    ids = {dpo["dpo"].pk, dpo["dpko"].pk}
    assert Entity.objects.lineage_ids(dpo["dpko"]) == ids
    assert dpo["dpo"].lineage_ids() == ids
    assert set(Entity.objects.lineage_of(Entity.objects.filter(acronym="DPO")).values_list("pk", flat=True)) == ids


def test_the_dpo_page_lists_casa_as_dpko(dpo, anon_client):
    page = anon_client.get(reverse("entities:entity-detail", args=["DPO"])).content.decode()
    assert "Coordinating Action on Small Arms" in page
    assert "as DPKO until 2019" in page
    assert "Not a member of any recorded mechanism" not in page


def test_the_coordination_map_shows_one_row_for_dpo(dpo, anon_client):
    page = anon_client.get(reverse("taskforce:coordination-map")).content.decode()
    assert page.count(f'href="{reverse("taskforce:entity-involvement", args=[dpo["dpo"].pk])}"') == 1
    assert f'href="{reverse("taskforce:entity-involvement", args=[dpo["dpko"].pk])}"' not in page
    assert "formerly DPKO" in page
    # The meeting both attended counts once; the action naming both counts once.
    assert "M 1" in page and "M 2" not in page


@pytest.mark.parametrize("acronym", ["DPKO", "DPO"])
def test_filtering_by_the_old_or_the_new_acronym_gives_the_same_actions(dpo, anon_client, client_for, acronym):
    body = client_for("api_token").get("/api/v1/actions/", {"entity": acronym}).json()
    assert {row["id"] for row in body["results"]} == dpo["actions"]
    page = anon_client.get(reverse("recommendations:index"), {"entity": acronym})
    assert page.status_code == 200
    assert len(page.context["recommendations"]) == 2


def test_the_entity_filter_offers_todays_bodies_only(dpo, anon_client):
    page = anon_client.get(reverse("recommendations:index")).content.decode()
    assert "DPO (formerly DPKO)" in page
    assert '<option value="DPKO"' not in page


def test_the_dashboard_counts_an_action_once_under_todays_name(dpo):
    from django.contrib.auth.models import AnonymousUser

    from entities.access import actor_for

    rows = {row["label"]: row for row in selectors.dashboard_counts(actor=actor_for(AnonymousUser()))["by_entity"]}
    assert "DPKO" not in rows
    assert rows["DPO"]["total"] == 2
