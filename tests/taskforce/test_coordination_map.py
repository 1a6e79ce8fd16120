"""The coordination map: entity x mechanism, and everything one entity is involved in."""

import datetime as dt

from django.urls import reverse

from tests.factories import (
    ActionItemFactory,
    MechanismFactory,
    MeetingFactory,
    MembershipFactory,
    ParticipantFactory,
)


def test_matrix_shows_roles_meetings_and_open_items(anon_client, entity, other_entity):
    casa = MechanismFactory(slug="casa", acronym="CASA", lead_entity=other_entity)
    MembershipFactory(mechanism=casa, entity=entity, role="member")
    meeting = MeetingFactory(mechanism=casa)
    ParticipantFactory(meeting=meeting, entity=entity)
    ActionItemFactory(mechanism=casa, meeting=meeting, entity=entity)
    page = anon_client.get(reverse("taskforce:coordination-map")).content.decode()
    assert "member<br>M 1 A 1" in page


def test_confidential_meetings_do_not_show_in_the_public_involvement(anon_client, staff_client, entity):
    meeting = MeetingFactory(title="Closed consultation", is_confidential=True, date=dt.date(2026, 1, 5))
    ParticipantFactory(meeting=meeting, entity=entity)
    url = reverse("taskforce:entity-involvement", args=[entity.pk])
    assert "Closed consultation" not in anon_client.get(url).content.decode()
    assert "Closed consultation" in staff_client.get(url).content.decode()
