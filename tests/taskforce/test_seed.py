"""The real data of the seeds: the mechanisms, their members, meetings and endorsements."""

import datetime as dt
import io

import pytest

from entities import seed as entities_seed
from entities.models import Entity
from taskforce import seed
from taskforce.models import (
    DatePrecision,
    EndorsementCount,
    Mechanism,
    Meeting,
    Membership,
    Objective,
    Participant,
    Survey,
)


@pytest.fixture
def seeded(db):
    out = io.StringIO()
    entities_seed.load(stdout=out)
    seed.load(stdout=out)
    return out


def test_casa_is_chaired_by_unoda_with_its_21_participants_and_five_objectives(seeded):
    casa = Mechanism.objects.get(acronym="CASA")
    assert casa.lead_entity.acronym == "UNODA"
    assert casa.established_on.year == 1998 and casa.established_precision == DatePrecision.YEAR
    members = Membership.objects.filter(mechanism=casa)
    assert members.count() == 21 == casa.declared_member_count
    assert members.get(role="chair").entity.acronym == "UNODA"
    objectives = list(Objective.objects.filter(mechanism=casa).values_list("text", flat=True))
    assert len(objectives) == 5
    assert objectives[1] == "To ensure coordinated inputs into the Arms Trade Treaty process."


def test_ied_meeting_keeps_the_count_of_15_and_only_the_named_participants(seeded):
    meeting = Meeting.objects.get(title__startswith="First Director-level meeting")
    assert meeting.mechanism.lead_entity.acronym == "UNMAS"
    assert meeting.declared_participant_count == 15
    assert (meeting.date, meeting.date_precision) == (dt.date(2020, 1, 1), DatePrecision.MONTH)
    assert "late January" in meeting.date_note
    acronyms = set(Participant.objects.filter(meeting=meeting).values_list("entity__acronym", flat=True))
    # The 10 the document names, plus UNMAS which convened it; nobody invented.
    assert len(acronyms) == 11
    assert {"DPPA", "CTED", "OMA", "UNDP", "UNDSS", "UNICEF", "UNIDIR", "UNOCT", "UNODC", "UNMAS"} <= acronyms


def test_ied_task_force_has_its_survey_and_expected_accomplishments(seeded):
    survey = Survey.objects.get(mechanism__slug="ied-task-force")
    assert survey.declared_respondent_count == 30 and survey.respondent_count_is_approximate
    assert survey.findings.count() == 4
    accomplishments = Objective.objects.filter(mechanism__slug="ied-task-force", kind="expected_accomplishment")
    assert accomplishments.count() == 3
    assert Meeting.objects.filter(mechanism__slug="ied-task-force", date=dt.date(2020, 2, 12)).exists()


def test_committee_has_four_member_states_and_its_two_meetings(seeded):
    committee = Mechanism.objects.get(slug="committee-cooperation-assistance")
    codes = sorted(str(m.state.code) for m in committee.memberships.select_related("state"))
    assert codes == ["CH", "MX", "NL", "UG"]
    assert sorted(committee.meetings.values_list("date", flat=True)) == [dt.date(2015, 12, 1), dt.date(2016, 5, 20)]
    assert list(committee.objectives.values_list("label", flat=True)) == ["(a)", "(b)", "(c)"]


def test_a4p_endorsements_are_counts_not_invented_names(seeded):
    counts = {c.kind: c.count for c in EndorsementCount.objects.filter(as_of=dt.date(2020, 9, 14))}
    assert counts == {"member_state": 154, "regional_organisation": 4}
    declaration = EndorsementCount.objects.first().declaration
    assert [str(e.party) for e in declaration.endorsements.all()] == ["France"]
    assert declaration.mechanism.established_on == dt.date(2018, 3, 1)


def test_loading_twice_changes_nothing(seeded):
    out = io.StringIO()
    seed.load(stdout=out)
    assert "0 created, 0 updated" in out.getvalue()


def test_missing_registry_entry_stops_the_load_with_its_name(db):
    with pytest.raises(seed.SeedDataMissing, match="UNODA"):
        seed.load(stdout=io.StringIO())


def test_coordination_map_shows_the_seeded_network(seeded, client):
    from django.urls import reverse

    page = client.get(reverse("taskforce:coordination-map")).content.decode()
    for name in ("CASA", "UN Coordinating Task Force", "UNODA", "UNMAS", "UNOCT"):
        assert name in page
    states = client.get(reverse("taskforce:coordination-map") + "?parties=states").content.decode()
    assert "Uganda" in states and "Switzerland" in states
    unmas = Entity.objects.get(acronym="UNMAS")
    involvement = client.get(reverse("taskforce:entity-involvement", args=[unmas.pk])).content.decode()
    assert "First Director-level meeting" in involvement and "CASA" in involvement


def test_demo_data_is_labelled_and_idempotent(seeded):
    from taskforce import demo
    from taskforce.models import ActionItem, GlossaryTerm
    from tests.factories import EntityFactory

    EntityFactory(acronym="UNDP")
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    assert ActionItem.objects.count() == ActionItem.objects.filter(is_demo=True, text__startswith="[Demo]").count() == 3
    assert GlossaryTerm.objects.filter(is_demo=False).count() == 0
    assert Meeting.objects.filter(kind="individualised_approach", is_demo=True).count() == 1
