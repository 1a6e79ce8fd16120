"""One record says who a person is: a focal point's login acts for the State or entity of its
contact record (FocalPoint); the role only says the kind."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from rest_framework.authtoken.models import Token
from rest_framework.test import APIRequestFactory

from entities.access import actor_for
from entities.api.authentication import TokenAuthentication
from entities.models import FocalPoint, Role, UserRole
from tests.conftest import make_user
from tests.factories import FocalPointFactory, UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_focal_point_acts_for_the_state_of_its_contact_record(state_a_user, state_a, entity_user, entity):
    assert actor_for(fresh(state_a_user)).state_id == state_a.pk
    assert actor_for(fresh(entity_user)).entity_id == entity.pk


def test_moving_the_contact_record_moves_the_login_with_it(state_a_user, state_b):
    FocalPoint.objects.filter(user=state_a_user).update(state=state_b)
    assert actor_for(fresh(state_a_user)).state_id == state_b.pk


def test_focal_point_role_without_contact_record_is_bound_to_nothing(state_a):
    user = make_user("orphan", Role.STATE_FOCAL_POINT)
    actor = actor_for(fresh(user))
    assert actor.is_state_focal_point and actor.state_id is None and actor.entity_id is None


def test_staff_linked_to_a_contact_record_stay_staff_without_a_state(isu_staff, state_a):
    FocalPointFactory(state=state_a, user=isu_staff)
    actor = actor_for(fresh(isu_staff))
    assert actor.is_isu_staff and actor.state_id is None


def test_a_request_reads_role_and_binding_in_one_query(state_a_user, state_a, django_assert_num_queries):
    user = fresh(state_a_user)
    with django_assert_num_queries(1):
        assert actor_for(user).state_id == state_a.pk


def test_api_token_authentication_reads_user_role_and_binding_in_one_query(state_a_user, state_a, django_assert_num_queries):
    token = Token.objects.create(user=state_a_user)
    request = APIRequestFactory().get("/api/v1/", HTTP_AUTHORIZATION=f"Token {token.key}")
    with django_assert_num_queries(1):
        user, _token = TokenAuthentication().authenticate(request)
        assert actor_for(user).state_id == state_a.pk


def test_a_focal_point_role_needs_a_matching_contact_record(state_a, entity):
    user = UserFactory(username="nobody")
    role = UserRole(user=user, kind=Role.STATE_FOCAL_POINT)
    with pytest.raises(ValidationError) as error:
        role.full_clean()
    assert "kind" in error.value.message_dict
    FocalPointFactory(state=None, entity=entity, user=user)
    with pytest.raises(ValidationError, match="bound to a State"):
        role.full_clean()


def test_a_contact_record_cannot_be_moved_away_from_its_logins_kind(state_a_user, entity):
    contact = FocalPoint.objects.get(user=state_a_user)
    contact.state, contact.entity = None, entity
    with pytest.raises(ValidationError, match="bound to a State"):
        contact.full_clean()


@pytest.mark.django_db(transaction=True)
def test_migration_gives_every_focal_point_login_a_contact_record_without_changing_access():
    executor = MigrationExecutor(connection)
    before = [("entities", "0003_entityname_history")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    State, Entity = old.get_model("entities", "State"), old.get_model("entities", "Entity")
    User, OldRole, OldContact = old.get_model("auth", "User"), old.get_model("entities", "UserRole"), old.get_model("entities", "FocalPoint")
    mexico, uganda = State.objects.create(code="MX"), State.objects.create(code="UG")
    unmas = Entity.objects.create(acronym="UNMAS", name="United Nations Mine Action Service")
    lone = User.objects.create(username="lone", email="lone@example.org")
    OldRole.objects.create(user=lone, kind="state_focal_point", state=mexico)
    moved = User.objects.create(username="moved", email="moved@example.org")
    OldRole.objects.create(user=moved, kind="entity_focal_point", entity=unmas)
    OldContact.objects.create(name="Moved Person", email="letters@example.org", state=uganda, user=moved)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    created = FocalPoint.objects.get(user__username="lone")
    assert (created.state.code, created.receives_letters) == ("MX", False)
    assert actor_for(get_user_model().objects.get(username="lone")).state_id == created.state_id
    assert FocalPoint.objects.get(user__username="moved").entity.acronym == "UNMAS"
    kept = FocalPoint.objects.get(name="Moved Person")
    assert (kept.user_id, kept.state.code, kept.receives_letters) == (None, "UG", True)


def test_every_role_fixture_is_bound_through_its_contact_record(state_a_user, state_b_user, entity_user):
    for user in (state_a_user, state_b_user, entity_user):
        contact = FocalPoint.objects.get(user=user)
        assert contact.state_id or contact.entity_id
        assert not hasattr(UserRole, "state") and not hasattr(UserRole, "entity")

