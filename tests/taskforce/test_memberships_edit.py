"""Staff keep a mechanism's members on its page: add (today's entities only), date, change the
role, end; every change is in the history; bad dates and overlaps are named on their field."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from entities.access import actor_for
from taskforce.models import Membership
from taskforce.services.meetings import PartyChoice
from taskforce.services.memberships import MembershipData, membership_add, membership_end
from tests.factories import EntityFactory, MechanismFactory, MembershipFactory


@pytest.fixture
def casa(entity):
    return MechanismFactory(slug="casa", acronym="CASA", name="Coordinating Action on Small Arms", lead_entity=entity)


@pytest.fixture
def renamed(db):
    """DPKO became DPO on 1 January 2019."""
    dpo = EntityFactory(acronym="DPO", name="Department of Peace Operations")
    dpko = EntityFactory(acronym="DPKO", name="Department of Peacekeeping Operations", is_active=False, successor=dpo,
                         succeeded_on=dt.date(2019, 1, 1))
    return dpko, dpo


def add_url(mechanism):
    return reverse("taskforce:membership-add", args=[mechanism.slug])


def edit_url(membership):
    return reverse("taskforce:membership-edit", args=[membership.mechanism.slug, membership.pk])


def end_url(membership):
    return reverse("taskforce:membership-end", args=[membership.mechanism.slug, membership.pk])


def test_staff_add_a_member_with_a_start_date_and_see_it_on_the_mechanism_page(staff_client, casa, other_entity, isu_staff):
    response = staff_client.post(add_url(casa), {
        "party": f"entity:{other_entity.pk}", "role": "observer", "since": "2024-03-01", "note": "Joined at the 2024 plenary.",
    })
    assert response.status_code == 302
    assert response["Location"].endswith("#members")
    membership = Membership.objects.get(mechanism=casa, entity=other_entity)
    assert (membership.role, membership.since, membership.until) == ("observer", dt.date(2024, 3, 1), None)
    assert membership.history.get().history_user == isu_staff
    page = staff_client.get(reverse("taskforce:mechanism-detail", args=["casa"])).content.decode()
    assert "UNIDIR" in page and "Joined at the 2024 plenary." in page
    assert "Add a member" in page


def test_only_todays_entities_are_offered_with_their_former_acronym(staff_client, casa, renamed):
    page = staff_client.get(add_url(casa)).content.decode()
    assert "DPO — Department of Peace Operations (formerly DPKO)" in page
    assert "Department of Peacekeeping Operations" not in page


def test_a_body_that_no_longer_exists_cannot_be_added(staff_client, casa, renamed, isu_staff):
    dpko, _dpo = renamed
    response = staff_client.post(add_url(casa), {"party": f"entity:{dpko.pk}", "role": "member"})
    assert response.status_code == 400
    assert not Membership.objects.filter(entity=dpko).exists()
    with pytest.raises(ValidationError) as error:
        membership_add(mechanism=casa, party=PartyChoice(entity=dpko), data=MembershipData(), actor=actor_for(isu_staff), user=isu_staff)
    assert "no longer exists" in str(error.value.message_dict["party"])


@pytest.mark.parametrize(
    ("dates", "field_error"),
    [
        ({"since": "2024-05-01", "until": "2024-04-30"}, "The end of a membership cannot be before its start."),
        ({"since": "1980-01-01"}, "Enter a date between"),
        ({"since": "2024-13-45"}, "Enter the date as YYYY-MM-DD."),
    ],
    ids=["end-before-start", "before-1990", "bad-format"],
)
def test_bad_dates_are_named_on_their_field_and_nothing_is_saved(staff_client, casa, other_entity, dates, field_error):
    response = staff_client.post(add_url(casa), {"party": f"entity:{other_entity.pk}", "role": "member", **dates})
    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not Membership.objects.filter(entity=other_entity).exists()


def test_two_periods_of_one_member_may_follow_each_other_but_not_overlap(staff_client, casa, other_entity):
    MembershipFactory(mechanism=casa, entity=other_entity, since=dt.date(2015, 1, 1), until=dt.date(2018, 12, 31))
    overlapping = staff_client.post(add_url(casa), {"party": f"entity:{other_entity.pk}", "role": "member", "since": "2018-06-01"})
    assert overlapping.status_code == 400
    assert "UNIDIR is already a member of CASA" in overlapping.content.decode()
    assert Membership.objects.filter(entity=other_entity).count() == 1
    following = staff_client.post(add_url(casa), {"party": f"entity:{other_entity.pk}", "role": "chair", "since": "2019-01-01"})
    assert following.status_code == 302
    assert Membership.objects.filter(entity=other_entity).count() == 2


def test_an_open_membership_blocks_a_second_one(staff_client, casa, other_entity):
    MembershipFactory(mechanism=casa, entity=other_entity)  # no dates: a member all along
    response = staff_client.post(add_url(casa), {"party": f"entity:{other_entity.pk}", "role": "member", "since": "2024-01-01"})
    assert response.status_code == 400
    assert "may not overlap" in response.content.decode()


def test_staff_change_the_role_and_dates_and_the_history_keeps_both_versions(staff_client, casa, other_entity, isu_staff):
    membership = MembershipFactory(mechanism=casa, entity=other_entity, role="member")
    page = staff_client.get(edit_url(membership)).content.decode()
    assert "UNIDIR in CASA" in page and "End this membership" in page
    response = staff_client.post(edit_url(membership), {"role": "co_chair", "since": "2009-01-01", "until": "", "note": ""})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert (membership.role, membership.since) == ("co_chair", dt.date(2009, 1, 1))
    versions = list(membership.history.order_by("history_date").values_list("role", "history_user"))
    assert versions == [("member", None), ("co_chair", isu_staff.pk)]


def test_staff_end_a_membership_and_cannot_end_it_twice(staff_client, casa, other_entity):
    membership = MembershipFactory(mechanism=casa, entity=other_entity, since=dt.date(2009, 1, 1))
    response = staff_client.post(end_url(membership), {"end-until": "2023-12-31"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.until == dt.date(2023, 12, 31)
    again = staff_client.post(end_url(membership), {"end-until": "2024-01-31"})
    assert again.status_code == 400
    assert "already ended" in again.content.decode()
    membership.refresh_from_db()
    assert membership.until == dt.date(2023, 12, 31)


def test_ending_before_the_start_is_refused(staff_client, casa, other_entity):
    membership = MembershipFactory(mechanism=casa, entity=other_entity, since=dt.date(2020, 1, 1))
    response = staff_client.post(end_url(membership), {"end-until": "2019-12-31"})
    assert response.status_code == 400
    assert "cannot be before its start" in response.content.decode()
    membership.refresh_from_db()
    assert membership.until is None


def test_focal_points_cannot_change_members(client_for, casa, other_entity, entity_user):
    membership = MembershipFactory(mechanism=casa, entity=other_entity)
    fp = client_for("entity_fp")
    assert fp.post(add_url(casa), {"party": f"entity:{other_entity.pk}", "role": "member"}).status_code == 403
    assert fp.post(end_url(membership), {"end-until": "2024-01-01"}).status_code == 403
    with pytest.raises(PermissionDenied):
        membership_end(membership=membership, until=dt.date(2024, 1, 1), actor=actor_for(entity_user), user=entity_user)
    membership.refresh_from_db()
    assert membership.until is None
    page = client_for("state_a").get(reverse("taskforce:mechanism-detail", args=["casa"])).content.decode()
    assert "Add a member" not in page
