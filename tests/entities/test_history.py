"""Staff see who changed a record, when and what; nobody else does."""

import pytest
from django.urls import reverse
from simple_history.utils import update_change_reason

from tests.factories import EntityFactory, StateFactory


def history_url(obj) -> str:
    return reverse("entities:history", kwargs={"app_label": obj._meta.app_label, "model": obj._meta.model_name, "pk": obj.pk})


def test_staff_see_who_changed_what(db, client_for, isu_staff):
    entity = EntityFactory(acronym="UNX", name="Old name")
    entity._history_user = isu_staff
    entity.name = "New name"
    entity.save()
    update_change_reason(entity, "Renamed after the reform")
    page = client_for("isu_staff").get(history_url(entity)).content.decode()
    assert "Old name" in page and "New name" in page
    assert "isu" in page
    assert "Renamed after the reform" in page


def test_history_of_a_deleted_record_is_still_shown(db, client_for):
    entity = EntityFactory(acronym="GONE")
    url = history_url(entity)
    entity.delete()
    response = client_for("isu_staff").get(url)
    assert response.status_code == 200
    assert "has been deleted" in response.content.decode()


@pytest.mark.parametrize("kwargs", [
    {"app_label": "entities", "model": "nothing", "pk": "1"},
    {"app_label": "auth", "model": "user", "pk": "1"},  # keeps no history
    {"app_label": "entities", "model": "entity", "pk": "not-a-number"},
    {"app_label": "entities", "model": "entity", "pk": "999999"},
])
def test_unknown_records_are_a_404(db, client_for, kwargs):
    assert client_for("isu_staff").get(reverse("entities:history", kwargs=kwargs)).status_code == 404


@pytest.mark.parametrize("role, status", [("state_a", 403), ("entity_fp", 403), ("anonymous", 302), ("api_token", 302)])
def test_only_staff_see_history(db, client_for, entity, role, status):
    assert client_for(role).get(history_url(entity)).status_code == status


def test_history_page_is_generic_over_models(db, client_for):
    state = StateFactory(code="KH")
    response = client_for("isu_staff").get(history_url(state))
    assert response.status_code == 200
    assert "Cambodia" in response.content.decode()
