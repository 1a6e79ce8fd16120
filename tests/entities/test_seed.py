"""The real seed data: what the five documents name is there, and a second run changes nothing."""

import io

import pytest

from entities import seed
from entities.models import (
    AddresseeGroup,
    Entity,
    EntityName,
    Organisation,
    ReportingObligation,
    State,
    Treaty,
    TreatyParty,
)


@pytest.fixture
def seeded(db):
    seed.load(stdout=io.StringIO())


def history_rows() -> int:
    return sum(model.history.count() for model in (Entity, EntityName, State, Organisation, AddresseeGroup, Treaty, ReportingObligation))


def test_running_the_seed_twice_changes_nothing(seeded):
    counts = {model: model.objects.count() for model in (Entity, EntityName, State, Organisation, AddresseeGroup, Treaty)}
    stamps = list(Entity.objects.order_by("pk").values_list("updated_at", flat=True))
    rows = history_rows()

    out = io.StringIO()
    seed.load(stdout=out)

    assert {model: model.objects.count() for model in counts} == counts
    assert list(Entity.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps
    assert history_rows() == rows
    assert all("(0 created, 0 updated" in line for line in out.getvalue().splitlines())


def test_all_21_casa_participants_exist(seeded):
    assert len(seed.CASA_PARTICIPANTS) == 21
    assert Entity.objects.filter(acronym__in=seed.CASA_PARTICIPANTS).count() == 21


def test_ied_task_force_participants_exist(seeded):
    assert Entity.objects.filter(acronym__in=seed.IED_TASK_FORCE_PARTICIPANTS).count() == len(seed.IED_TASK_FORCE_PARTICIPANTS)
    assert EntityName.objects.get(name="Sanction Committee").entity.acronym == "Sanctions committees"


def test_annex_ii_missions_exist(seeded):
    missions = ["MINUSCA", "MONUSCO", "UNAMA", "UNAMID", "UNSMIL", "UNSOM", "UNAMI", "UNIFIL", "UNOCI", "UNMIL", "MINUSMA", "UNISFA", "MINUSTAH"]
    assert Entity.objects.filter(acronym__in=missions).count() == len(missions)


def test_there_are_193_member_states_with_a_region(seeded):
    members = State.objects.filter(is_un_member=True)
    assert members.count() == 193
    assert set(members.values_list("region", flat=True)) == set(seed.REGIONS)
    assert all(len(code) == 2 for code in members.values_list("code", flat=True))
    assert members.filter(code="GB").exists()
    mexico = State.objects.get(code="MX")
    assert (mexico.region, mexico.subregion, mexico.un_member_since) == ("Americas", "Central America", 1945)


def test_committee_members_are_states(seeded):
    assert State.objects.filter(code__in=seed.COMMITTEE_MEMBER_STATES).count() == 4


@pytest.mark.parametrize("old, new", [("DPKO", "DPO"), ("DPA", "DPPA"), ("DPI", "DGC"), ("UNIFEM", "UN-Women"), ("DFS", "DOS")])
def test_renamed_entities_point_at_todays_entity(seeded, old, new):
    entity = Entity.objects.get(acronym=old)
    assert not entity.is_active
    assert entity.current.acronym == new
    assert entity.succeeded_on is not None


def test_other_names_of_the_documents_resolve(seeded):
    assert EntityName.objects.get(name="Mine Action Service").entity.acronym == "UNMAS"
    assert EntityName.objects.get(name="Office for Disarmament Affairs").entity.acronym == "UNODA"


def test_addressee_groups_and_treaty(seeded):
    assert AddresseeGroup.objects.get(slug="security-council").entity.acronym == "UNSC"
    assert set(AddresseeGroup.objects.values_list("slug", flat=True)) == {"security-council", "all-member-states", "un-system"}
    article_7 = ReportingObligation.objects.get(treaty__short_name="APMBC", code="article-7")
    assert (article_7.initial_report_days, article_7.annual_due_month, article_7.annual_due_day) == (180, 4, 30)


def test_the_real_seed_invents_no_states_parties(seeded):
    assert not TreatyParty.objects.exists()
