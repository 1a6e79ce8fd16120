"""A mapping survey is sent to entity focal points, answered, and its results aggregated."""

import pytest
from django.urls import reverse

from letters.models import Letter
from taskforce.models import Capability, SurveyResponse
from tests.factories import FocalPointFactory, SurveyFactory, SurveyQuestionFactory


@pytest.fixture
def survey(entity):
    survey = SurveyFactory(title="IED exposure and response", status="draft")
    SurveyQuestionFactory(survey=survey, order=1, text="Where is your work affected?", kind="multiple", topic="area_of_work",
                          choices=["Field", "Headquarters"])
    SurveyQuestionFactory(survey=survey, order=2, text="Main area", kind="choice", topic="area_of_work",
                          choices=["Peace and security", "Humanitarian", "Human rights", "Development"])
    SurveyQuestionFactory(survey=survey, order=3, text="How exposed are you?", kind="scale", scale_min=1, scale_max=5)
    SurveyQuestionFactory(survey=survey, order=4, text="Training you can offer", kind="text", topic="capacity",
                          capability_kind="training")
    return survey


def answers(survey, overrides=None):
    q = {question.order: question.pk for question in survey.questions.all()}
    data = {f"q{q[1]}": ["Field", "Headquarters"], f"q{q[2]}": "Humanitarian", f"q{q[3]}": "4",
            f"q{q[4]}": "Search and detection course\nIED awareness for staff"}
    data.update({f"q{q[k]}": v for k, v in (overrides or {}).items()})
    return data


def test_staff_send_the_survey_to_entity_focal_points_through_the_outbox(staff_client, survey, entity, django_capture_on_commit_callbacks):
    FocalPointFactory(name="Una", email="una@example.org", entity=entity, state=None)
    with django_capture_on_commit_callbacks(execute=False):
        response = staff_client.post(reverse("taskforce:survey-send", args=[survey.pk]), {"entities": [entity.pk]})
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.status == "open"
    letters = {tuple(letter.recipients): letter for letter in Letter.objects.filter(purpose="taskforce-survey")}
    assert set(letters) == {("una@example.org",), ("focal-unmas@example.org",)}  # every active focal point of UNMAS
    assert "/answer/" in letters[("una@example.org",)].body


def test_invited_focal_point_answers_and_results_are_aggregated(client_for, survey, entity):
    survey.status = "open"
    survey.save()
    survey.invitations.create(entity=entity)
    client = client_for("entity_fp")
    response = client.post(reverse("taskforce:survey-answer", args=[survey.pk]), answers(survey))
    assert response.status_code == 302
    assert SurveyResponse.objects.get().entity == entity
    # Capability answers feed the UN toolbox.
    assert set(Capability.objects.filter(entity=entity).values_list("title", flat=True)) == {
        "Search and detection course", "IED awareness for staff"}
    page = client_for("isu_staff").get(reverse("taskforce:survey-detail", args=[survey.pk])).content.decode()
    assert '<progress max="1" value="1">' in page  # Field: 1 of 1
    assert "Average: 4.0" in page
    # Answering again replaces the answers and the capabilities from them.
    client.post(reverse("taskforce:survey-answer", args=[survey.pk]), answers(survey, {4: "Search and detection course"}))
    assert SurveyResponse.objects.count() == 1
    assert list(Capability.objects.values_list("title", flat=True)) == ["Search and detection course"]


def test_out_of_range_scale_is_refused_on_its_field(client_for, survey, entity):
    survey.status = "open"
    survey.save()
    survey.invitations.create(entity=entity)
    response = client_for("entity_fp").post(reverse("taskforce:survey-answer", args=[survey.pk]), answers(survey, {3: "9"}))
    assert response.status_code == 400
    assert "Ensure this value is less than or equal to 5." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_entity_not_invited_cannot_answer(client_for, survey):
    survey.status = "open"
    survey.save()
    assert client_for("entity_fp").get(reverse("taskforce:survey-answer", args=[survey.pk])).status_code == 403


def test_state_focal_points_do_not_see_surveys(client_for, survey):
    assert client_for("state_a").get(reverse("taskforce:survey-list")).status_code == 403
