"""Posting status updates through the API: the browser's rules, and the browser's history."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from recommendations.models import StatusUpdate


def _url(action) -> str:
    return reverse("action-status-update-list", kwargs={"action_id": action.pk})


def _post(client, action, body, **headers):
    return client.post(_url(action), body, format="json", headers=headers)


def test_entity_token_posts_a_status_update_that_the_browser_history_shows(annex, client_for, entity):
    action = annex["briefing"]
    response = _post(client_for("entity_fp"), action, {
        "status": "in_progress", "date": "2026-02-01", "note": "Briefing held with the Council's experts.",
        "evidence_url": "https://example.org/briefing",
    })
    assert response.status_code == 201, response.content
    assert response.json() | {"id": None, "created_at": None} == {
        "id": None, "created_at": None, "date": "2026-02-01", "status": "in_progress",
        "note": "Briefing held with the Council's experts.", "evidence_url": "https://example.org/briefing",
        "author": "focal-unmas", "on_behalf_of": entity.acronym,
    }
    action.refresh_from_db()
    assert action.status == "in_progress"
    page = client_for("isu_staff").get(reverse("recommendations:detail", args=[action.recommendation_id]))
    assert "Briefing held with the Council&#x27;s experts." in page.content.decode()
    history = client_for("api_token").get(reverse("suggested-action-history", args=[action.pk])).json()
    assert [row["note"] for row in history["results"]] == ["Briefing held with the Council's experts."]


def test_entity_token_is_refused_on_another_entitys_action_whatever_the_body(annex, client_for):
    response = _post(client_for("entity_fp"), annex["studies"], {"status": "not-a-status"})
    assert response.status_code == 403
    assert not StatusUpdate.objects.exists()


@pytest.mark.parametrize("role", ["api_token", "state_a"])
def test_read_only_and_state_tokens_may_not_post(annex, client_for, role):
    response = _post(client_for(role), annex["briefing"], {"status": "completed"})
    assert response.status_code == 403
    assert not StatusUpdate.objects.exists()


def test_an_unknown_action_is_not_found(annex, client_for):
    response = client_for("entity_fp").post("/api/v1/actions/999999/status-updates/", {"status": "completed"},
                                            format="json")
    assert response.status_code == 404


def test_an_entity_focal_point_always_posts_for_its_own_entity(annex, client_for, entity, other_entity):
    response = _post(client_for("entity_fp"), annex["briefing"], {"status": "completed", "on_behalf_of": other_entity.acronym})
    assert response.status_code == 201
    assert StatusUpdate.objects.get().on_behalf_of == entity


def test_staff_may_name_one_of_the_actions_entities_and_no_other(annex, client_for, other_entity, entity):
    staff = client_for("isu_staff")
    refused = _post(staff, annex["briefing"], {"status": "completed", "on_behalf_of": other_entity.acronym})
    assert refused.status_code == 400
    assert "on_behalf_of" in refused.json()["errors"]
    accepted = _post(staff, annex["studies"], {"status": "completed", "on_behalf_of": other_entity.acronym})
    assert accepted.status_code == 201
    assert accepted.json()["on_behalf_of"] == other_entity.acronym


@pytest.mark.parametrize("body, field", [
    ({"status": "completed", "date": (timezone.localdate() + dt.timedelta(days=1)).isoformat()}, "date"),
    ({"status": "completed", "date": "1989-12-31"}, "date"),
    ({"status": "completed", "note": "x" * 2001}, "note"),
    ({"status": "finished"}, "status"),
    ({"status": "completed", "evidence_url": "not a link"}, "evidence_url"),
    ({}, "status"),
])
def test_bad_input_is_refused_naming_the_field_and_saves_nothing(annex, client_for, body, field):
    response = _post(client_for("entity_fp"), annex["briefing"], body)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert not StatusUpdate.objects.exists()


def test_a_note_of_2000_characters_and_a_date_of_today_are_accepted(annex, client_for):
    response = _post(client_for("entity_fp"), annex["briefing"], {
        "status": "completed", "note": "n" * 2000, "date": timezone.localdate().isoformat(),
    })
    assert response.status_code == 201
    assert len(StatusUpdate.objects.get().note) == 2000


def test_the_date_is_today_when_omitted(annex, client_for):
    response = _post(client_for("entity_fp"), annex["briefing"], {"status": "in_progress"})
    assert response.json()["date"] == timezone.localdate().isoformat()


def test_a_retry_with_the_same_idempotency_key_records_one_update(annex, client_for):
    client = client_for("entity_fp")
    body = {"status": "in_progress", "note": "Sent twice."}
    first = _post(client, annex["briefing"], body, **{"Idempotency-Key": "retry-1"})
    second = _post(client, annex["briefing"], body, **{"Idempotency-Key": "retry-1"})
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.headers["Idempotent-Replayed"] == "true"
    assert second.json() == first.json()
    assert StatusUpdate.objects.count() == 1
    other = _post(client, annex["briefing"], {"status": "completed"}, **{"Idempotency-Key": "retry-1"})
    assert other.status_code == 422
    assert StatusUpdate.objects.count() == 1


def test_a_back_dated_update_enters_the_history_without_overriding_a_newer_one(annex, client_for):
    client = client_for("entity_fp")
    _post(client, annex["briefing"], {"status": "completed", "date": "2026-03-01"})
    _post(client, annex["briefing"], {"status": "in_progress", "date": "2026-01-01"})
    annex["briefing"].refresh_from_db()
    assert annex["briefing"].status == "completed"
    assert StatusUpdate.objects.count() == 2


def test_a_post_costs_the_same_queries_whatever_the_length_of_the_history(annex, client_for, django_assert_num_queries):
    client = client_for("entity_fp")
    for earlier in (1, 10):
        while StatusUpdate.objects.count() < earlier:
            _post(client, annex["briefing"], {"status": "in_progress", "date": "2026-01-01"})
        with django_assert_num_queries(21):
            assert _post(client, annex["briefing"], {"status": "completed"}).status_code == 201
