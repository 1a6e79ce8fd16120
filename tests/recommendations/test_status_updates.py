"""Posting status updates: who may, what the history records, how statuses move."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from entities.access import actor_for
from recommendations.models import StatusUpdate
from recommendations.services import status_update_post
from tests.factories import EntityFactory, SuggestedActionFactory


def _url(action):
    return reverse("recommendations:action-status", args=[action.recommendation_id, action.pk])


def test_entity_focal_point_updates_an_action_its_entity_implements(annex, client_for, entity):
    action = annex["briefing"]
    response = client_for("entity_fp").post(_url(action), {
        "status": "in_progress", "date": "2026-02-01", "note": "Briefing scheduled.",
        "evidence_url": "https://example.org/briefing",
    })
    assert response.status_code == 302
    update = StatusUpdate.objects.get(action=action)
    assert (update.status, update.date, update.note, update.evidence_url) == (
        "in_progress", dt.date(2026, 2, 1), "Briefing scheduled.", "https://example.org/briefing",
    )
    assert update.author.username == "focal-unmas"
    assert update.on_behalf_of == entity
    action.refresh_from_db()
    annex["first"].refresh_from_db()
    assert action.status == "in_progress"
    assert annex["first"].status == "in_progress"


def test_entity_focal_point_is_refused_on_another_entitys_action(annex, client_for):
    response = client_for("entity_fp").post(_url(annex["studies"]), {"status": "completed", "date": "2026-02-01"})
    assert response.status_code == 403
    assert not StatusUpdate.objects.exists()


def test_state_focal_point_may_not_post_status_updates(annex, client_for):
    response = client_for("state_a").post(_url(annex["briefing"]), {"status": "completed", "date": "2026-02-01"})
    assert response.status_code == 403


def test_isu_staff_update_any_action_and_may_name_the_entity(annex, client_for, other_entity):
    response = client_for("isu_staff").post(_url(annex["studies"]), {
        "status": "completed", "date": "2026-01-10", "on_behalf_of": other_entity.pk,
    })
    assert response.status_code == 302
    update = StatusUpdate.objects.get()
    assert update.on_behalf_of == other_entity
    annex["second"].refresh_from_db()
    assert annex["second"].status == "completed"


def test_the_status_form_refuses_a_future_date_and_saves_nothing(annex, client_for):
    response = client_for("isu_staff").post(_url(annex["briefing"]), {"status": "completed", "date": "2999-01-01"})
    assert response.status_code == 200
    assert "future" in response.content.decode()
    assert not StatusUpdate.objects.exists()


def test_an_action_id_under_another_recommendation_is_not_found(annex, client_for):
    url = reverse("recommendations:action-status", args=[annex["second"].pk, annex["briefing"].pk])
    assert client_for("isu_staff").get(url).status_code == 404


def test_a_back_dated_update_enters_the_history_without_overriding_a_newer_one(annex, isu_staff):
    action = annex["briefing"]
    status_update_post(action=action, actor=actor_for(isu_staff), user=isu_staff, status="completed", date=dt.date(2026, 3, 1))
    status_update_post(action=action, actor=actor_for(isu_staff), user=isu_staff, status="in_progress", date=dt.date(2026, 1, 1))
    action.refresh_from_db()
    assert action.status == "completed"
    assert action.status_updates.count() == 2


def test_a_successor_entitys_focal_point_may_update_actions_naming_its_predecessor(db, entity_user, entity):
    dpko = EntityFactory(acronym="DPKO", name="Department of Peacekeeping Operations", successor=entity)
    action = SuggestedActionFactory(implementing_entities=[dpko])
    update = status_update_post(action=action, actor=actor_for(entity_user), user=entity_user, status="in_progress")
    assert update.on_behalf_of == entity


def test_api_clients_may_not_post_status_updates(annex, api_user):
    with pytest.raises(PermissionDenied):
        status_update_post(action=annex["briefing"], actor=actor_for(api_user), user=api_user, status="completed")


def test_detail_page_offers_the_form_only_where_the_user_may_post(annex, client_for):
    page = client_for("entity_fp").get(annex["first"].get_absolute_url()).content.decode()
    assert _url(annex["briefing"]) in page
    assert _url(annex["marking"]) not in page
    public = client_for("anonymous").get(annex["first"].get_absolute_url()).content.decode()
    assert "Post a status update" not in public
