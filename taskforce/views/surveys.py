from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from taskforce import selectors
from taskforce.access import can_answer_survey, can_manage_surveys, can_see_surveys
from taskforce.forms import SurveySendForm, survey_answer_form
from taskforce.models import Survey, SurveyAnswer, SurveyResponse
from taskforce.services.surveys import survey_answer, survey_results, survey_send

from .common import apply_errors, signed_in


def _survey(request, pk) -> Survey:
    found = selectors.surveys(request.actor).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


@signed_in(can_see_surveys)
def survey_list(request):
    surveys = selectors.surveys(request.actor).order_by("-created_at")
    return render(request, "taskforce/survey_list.html", {"surveys": surveys})


@signed_in(can_see_surveys)
def survey_detail(request, pk):
    survey = _survey(request, pk)
    actor = request.actor
    invited = {i.entity_id: i for i in survey.invitations.select_related("entity")}
    responded = set(survey.responses.values_list("entity_id", flat=True))
    results, per_entity = survey_results(survey)
    return render(request, "taskforce/survey_detail.html", {
        "survey": survey, "findings": survey.findings.all(), "results": results, "per_entity": per_entity,
        "invitations": [(i, i.entity_id in responded) for i in invited.values()],
        "may_answer": can_answer_survey(actor, survey, invited_entity_ids=set(invited)) and survey.status == "open",
        "may_manage": can_manage_surveys(actor),
    })


@signed_in(can_manage_surveys)
def survey_send_view(request, pk):
    survey = _survey(request, pk)
    form = SurveySendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = survey_send(survey=survey, entities=form.cleaned_data["entities"], actor=request.actor, user=request.user,
                               base_url=request.build_absolute_uri("/").rstrip("/"))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The survey was sent to %(count)s new entities.") % {"count": sent})
            return redirect(survey)
    return render(request, "taskforce/survey_send.html", {"survey": survey, "form": form},
                  status=400 if request.method == "POST" else 200)


@signed_in(can_see_surveys)
def survey_answer_view(request, pk):
    survey = _survey(request, pk)
    actor = request.actor
    invited = set(survey.invitations.values_list("entity_id", flat=True))
    if not can_answer_survey(actor, survey, invited_entity_ids=invited) or survey.status != "open":
        raise PermissionDenied
    questions = list(survey.questions.all())
    response = SurveyResponse.objects.filter(survey=survey, entity_id=actor.entity_id).first()
    initial = {}
    if response is not None:
        for answer in SurveyAnswer.objects.filter(response=response).select_related("question"):
            initial[f"q{answer.question_id}"] = _initial_value(answer)
    form = survey_answer_form(survey, questions, data=request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        answers = {q.pk: form.cleaned_data.get(f"q{q.pk}") for q in questions}
        try:
            survey_answer(survey=survey, entity=request.user.focal_point.entity, answers=answers, actor=request.actor, user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return redirect(survey)
    return render(request, "taskforce/survey_answer.html", {"survey": survey, "form": form},
                  status=400 if request.method == "POST" else 200)




def _initial_value(answer: SurveyAnswer):
    kind = answer.question.kind
    if kind == "multiple":
        return answer.selected
    if kind == "choice":
        return answer.selected[0] if answer.selected else None
    if kind == "scale":
        return answer.number
    return answer.text
