"""Staff can browse, search and filter every registry model in the admin."""

import pytest
from django.contrib import admin
from django.urls import reverse

from entities.models import (
    AddresseeGroup,
    Entity,
    EntityName,
    FocalPoint,
    Organisation,
    ReportingObligation,
    State,
    Treaty,
    TreatyParty,
    UserRole,
)
from tests.factories import TreatyPartyFactory

MODELS = [AddresseeGroup, Entity, EntityName, FocalPoint, Organisation, ReportingObligation, State, Treaty, TreatyParty, UserRole]


@pytest.fixture
def superuser_client(client, django_user_model):
    from tests.conftest import sign_in

    user = django_user_model.objects.create_superuser("root", "root@example.org", "x")
    return sign_in(client, user)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_model_is_registered_with_search_and_columns(model):
    model_admin = admin.site._registry[model]
    assert model_admin.search_fields
    assert model_admin.list_display != ("__str__",)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_search_works(superuser_client, model, state_a, entity):
    TreatyPartyFactory(state=state_a)
    url = reverse(f"admin:entities_{model._meta.model_name}_changelist")
    assert superuser_client.get(url, {"q": "mex"}).status_code == 200


def test_state_admin_finds_states_by_name(superuser_client, state_a):
    response = superuser_client.get(reverse("admin:entities_state_changelist"), {"q": "Mexico"})
    assert [state.code.code for state in response.context_data["cl"].result_list] == ["MX"]
