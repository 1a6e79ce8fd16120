"""Action items closed through the API as on their page; the task force's read resources:
declarations with their endorsers, surveys with results, capabilities, the glossary."""

import datetime as dt

import pytest
from django.urls import reverse

from taskforce.models import (
    ActionItemUpdate,
    Capability,
    Declaration,
    Endorsement,
    EndorsementCount,
    GlossaryTerm,
    SurveyAnswer,
    SurveyResponse,
)
from tests.factories import ActionItemFactory, MechanismFactory, SurveyQuestionFactory

pytestmark = pytest.mark.django_db


def _updates(item_id: int) -> str:
    return f"/api/v1/action-items/{item_id}/updates/"


def test_an_entity_token_closes_its_entitys_item_and_the_page_shows_it(client_for, entity):
    item = ActionItemFactory(entity=entity)
    client = client_for("entity_fp")
    response = client.post(_updates(item.pk), {"status": "done", "note": "Shared the list."}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["from_status"] == "open" and response.json()["to_status"] == "done"
    assert response.json()["by"] == "focal-unmas"
    item.refresh_from_db()
    assert item.status == "done"
    page = client_for("isu_staff").get(reverse("taskforce:action-item-detail", args=[item.pk])).content.decode()
    assert "Shared the list." in page
    assert client.get(f"/api/v1/action-items/{item.pk}/").json()["status"] == "done"


def test_another_entitys_item_is_refused_whatever_the_body(client_for, other_entity):
    item = ActionItemFactory(entity=other_entity)
    assert client_for("entity_fp").post(_updates(item.pk), {"status": "bogus"}, format="json").status_code == 403
    assert client_for("api_token").post(_updates(item.pk), {"status": "done"}, format="json").status_code == 403
    assert client_for("entity_fp").post(_updates(999999), {"status": "done"}, format="json").status_code == 404


def test_the_pages_rules_apply_dropped_needs_a_note_only_staff_reopen_no_same_status(client_for, entity):
    item = ActionItemFactory(entity=entity)
    client = client_for("entity_fp")
    dropped = client.post(_updates(item.pk), {"status": "dropped"}, format="json")
    assert dropped.status_code == 400 and "note" in dropped.json()["errors"]
    assert client.post(_updates(item.pk), {"status": "done"}, format="json").status_code == 201
    again = client.post(_updates(item.pk), {"status": "done"}, format="json")
    assert again.status_code == 400 and "status" in again.json()["errors"]
    reopen = client.post(_updates(item.pk), {"status": "open"}, format="json")
    assert reopen.status_code == 400 and "status" in reopen.json()["errors"]
    assert client_for("isu_staff").post(_updates(item.pk), {"status": "open"}, format="json").status_code == 201
    assert ActionItemUpdate.objects.filter(action_item=item).count() == 2


def test_a_change_sent_twice_with_one_idempotency_key_is_recorded_once(client_for, entity):
    item = ActionItemFactory(entity=entity)
    client = client_for("entity_fp")
    first = client.post(_updates(item.pk), {"status": "done"}, format="json", HTTP_IDEMPOTENCY_KEY="close-1")
    again = client.post(_updates(item.pk), {"status": "done"}, format="json", HTTP_IDEMPOTENCY_KEY="close-1")
    assert (first.status_code, again.status_code) == (201, 201) and again.json() == first.json()
    assert ActionItemUpdate.objects.filter(action_item=item).count() == 1


def test_a_declaration_with_its_counts_and_named_endorsers(client_for, state_a, state_b):
    declaration = Declaration.objects.create(name="Declaration of Shared Commitments", slug="a4p-declaration",
                                             mechanism=MechanismFactory(slug="a4p"))
    EndorsementCount.objects.create(declaration=declaration, kind="member_state", as_of=dt.date(2019, 5, 1), count=154)
    EndorsementCount.objects.create(declaration=declaration, kind="regional_organisation", as_of=dt.date(2019, 5, 1), count=4)
    Endorsement.objects.create(declaration=declaration, state=state_a, endorsed_on=dt.date(2018, 9, 25))
    Endorsement.objects.create(declaration=declaration, state=state_b)
    response = client_for("api_token").get("/api/v1/declarations/a4p-declaration/")
    assert response.status_code == 200
    body = response.json()
    assert {(c["kind"], c["count"]) for c in body["counts"]} == {("member_state", 154), ("regional_organisation", 4)}
    assert sorted(e["endorser"]["code"] for e in body["endorsements"]) == ["MX", "UG"]
    assert body["mechanism"] == "a4p"
    listed = client_for("api_token").get("/api/v1/declarations/").json()
    assert [d["slug"] for d in listed["results"]] == ["a4p-declaration"]


def test_the_glossary_gives_each_term_in_three_languages(client_for):
    GlossaryTerm.objects.create(
        mechanism=MechanismFactory(slug="casa"), term_en="Mine action", term_fr="Action contre les mines",
        term_es="Acción contra las minas", definition_en="Activities which aim to reduce the impact of mines.",
        definition_fr="Activités visant à réduire l'impact des mines.", definition_es="Actividades para reducir el impacto de las minas.",
    )
    term = client_for("api_token").get("/api/v1/glossary/", {"q": "minas"}).json()["results"][0]
    assert (term["term_en"], term["term_fr"], term["term_es"]) == ("Mine action", "Action contre les mines", "Acción contra las minas")
    assert term["definition_es"] == "Actividades para reducir el impacto de las minas."


def test_the_capabilities_directory_filters_by_entity(client_for, entity, other_entity):
    Capability.objects.create(entity=entity, kind="training", title="Clearance training")
    Capability.objects.create(entity=other_entity, kind="data", title="Research data")
    results = client_for("state_a").get("/api/v1/capabilities/", {"entity": "unmas"}).json()["results"]
    assert [(c["entity"], c["title"]) for c in results] == [("UNMAS", "Clearance training")]


def test_survey_results_are_seen_by_entity_focal_points_and_staff_only(client_for, entity):
    question = SurveyQuestionFactory(kind="choice", choices=["Yes", "No"], text="Do you share data?")
    survey = question.survey
    survey.invitations.create(entity=entity)
    response = SurveyResponse.objects.create(survey=survey, entity=entity)
    SurveyAnswer.objects.create(response=response, question=question, selected=["Yes"])
    detail = client_for("entity_fp").get(f"/api/v1/surveys/{survey.pk}/")
    assert detail.status_code == 200
    result = detail.json()["results"][0]
    assert result["question"] == "Do you share data?" and result["answered"] == 1
    assert result["counts"] == [{"option": "Yes", "count": 1}, {"option": "No", "count": 0}]
    assert detail.json()["invitations"][0] == {**detail.json()["invitations"][0], "entity": "UNMAS", "answered": True}
    for role in ("state_a", "api_token"):
        assert client_for(role).get(f"/api/v1/surveys/{survey.pk}/").status_code == 403
    survey.status = "draft"
    survey.save()
    assert client_for("entity_fp").get(f"/api/v1/surveys/{survey.pk}/").status_code == 404
    assert client_for("isu_staff").get(f"/api/v1/surveys/{survey.pk}/").status_code == 200
