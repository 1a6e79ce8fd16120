"""Action items: overdue ones stand out; only the owner's focal point (or staff) closes one."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from entities.access import actor_for
from taskforce.models import ActionItemStatus
from taskforce.services.actions import action_item_set_status
from tests.factories import ActionItemFactory


@pytest.fixture
def unmas_item(entity):
    return ActionItemFactory(entity=entity, text="Circulate the mapping survey", due_on=dt.date(2026, 1, 15))


@time_machine.travel("2026-03-01")
def test_overdue_item_stands_out_on_the_mechanism_page(anon_client, unmas_item):
    page = anon_client.get(reverse("taskforce:mechanism-detail", args=[unmas_item.mechanism.slug])).content.decode()
    assert "Circulate the mapping survey" in page
    assert "1 action item is overdue." in page
    assert 'class="badge overdue"' in page


def test_entity_focal_point_marks_its_own_item_done_with_a_note(client_for, unmas_item):
    response = client_for("entity_fp").post(
        reverse("taskforce:action-item-detail", args=[unmas_item.pk]), {"status": "done", "note": "Sent to 30 entities."}
    )
    assert response.status_code == 302
    unmas_item.refresh_from_db()
    assert unmas_item.status == ActionItemStatus.DONE
    update = unmas_item.updates.get()
    assert (update.from_status, update.to_status, update.note) == ("open", "done", "Sent to 30 entities.")
    assert "Sent to 30 entities." in client_for("anonymous").get(unmas_item.get_absolute_url()).content.decode()


def test_focal_point_of_another_entity_cannot_close_the_item(client_for, other_entity, isu_staff):
    item = ActionItemFactory(entity=other_entity)
    response = client_for("entity_fp").post(reverse("taskforce:action-item-detail", args=[item.pk]), {"status": "done"})
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.status == ActionItemStatus.OPEN


def test_state_focal_point_cannot_close_an_entity_item(state_a_user, unmas_item):
    with pytest.raises(PermissionDenied):
        action_item_set_status(item=unmas_item, status="done", actor=actor_for(state_a_user), user=state_a_user)


def test_owner_cannot_reopen_but_staff_can(entity_user, isu_staff, unmas_item):
    action_item_set_status(item=unmas_item, status="done", actor=actor_for(entity_user), user=entity_user)
    with pytest.raises(ValidationError):
        action_item_set_status(item=unmas_item, status="open", actor=actor_for(entity_user), user=entity_user)
    reopened = action_item_set_status(item=unmas_item, status="open", note="Not all entities replied.", actor=actor_for(isu_staff), user=isu_staff)
    assert reopened.status == "open"
    assert unmas_item.updates.count() == 2


def test_dropping_needs_a_reason(isu_staff, unmas_item):
    with pytest.raises(ValidationError) as error:
        action_item_set_status(item=unmas_item, status="dropped", note=" ", actor=actor_for(isu_staff), user=isu_staff)
    assert "note" in error.value.message_dict


def test_api_client_cannot_close_anything(client_for, unmas_item):
    response = client_for("api_token").post(reverse("taskforce:action-item-detail", args=[unmas_item.pk]), {"status": "done"})
    assert response.status_code == 302  # no session: sent to sign in
    unmas_item.refresh_from_db()
    assert unmas_item.status == "open"
