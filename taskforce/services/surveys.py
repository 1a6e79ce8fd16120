"""Mapping surveys: sending them to entity focal points, answering, aggregating the results."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.services import NotAllowed
from entities.access import Actor
from entities.models import FocalPoint
from taskforce.access import can_answer_survey, can_manage_surveys
from taskforce.models import (
    Capability,
    CapabilitySource,
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
    SurveyStatus,
)

PURPOSE = "taskforce-survey"


@transaction.atomic
def survey_send(*, survey: Survey, entities, actor: Actor, user, base_url: str = "") -> int:
    """Sends the survey to the entities' focal points (one outbox message each); opens it.
    Sending again to an entity already invited sends nothing more. Returns new invitations.
    The message is composed from its template (letters, kind "taskforce-survey"), in the
    focal point's language."""
    from letters.secretariat import secretariat_name
    from letters.services.outbox import message_enqueue
    from letters.services.rendering import TemplateSet

    if not can_manage_surveys(actor):
        raise NotAllowed
    if survey.status == SurveyStatus.CLOSED:
        raise ValidationError({"entities": _("This survey is closed.")})
    if not survey.questions.exists():
        raise ValidationError({"entities": _("Add questions before sending the survey.")})
    already = set(survey.invitations.values_list("entity_id", flat=True))
    new = [entity for entity in entities if entity.pk not in already]
    SurveyInvitation.objects.bulk_create([SurveyInvitation(survey=survey, entity=e) for e in new], ignore_conflicts=True)
    if survey.status == SurveyStatus.DRAFT:
        survey.status = SurveyStatus.OPEN
        survey.save(update_fields=["status", "updated_at"])
    templates = TemplateSet()
    link = f"{base_url}{survey.get_absolute_url()}answer/"
    for focal_point in FocalPoint.objects.filter(entity__in=new, is_active=True).select_related("entity"):
        context = {"name": focal_point.name, "entity": focal_point.entity.acronym, "survey": survey.title,
                   "link": link, "secretariat": secretariat_name}
        rendered = templates.render(kind=PURPOSE, language=focal_point.language, context=context)
        message_enqueue(
            key=f"{PURPOSE}:{survey.pk}:{focal_point.pk}", purpose=PURPOSE,
            recipients=[focal_point.email] if focal_point.email else [], subject=rendered.subject, body=rendered.body,
            language=focal_point.language, entity=focal_point.entity,
        )
    return len(new)


@transaction.atomic
def survey_answer(*, survey: Survey, entity, answers: dict, actor: Actor, user) -> SurveyResponse:
    """Stores (or replaces) an entity's answers; text answers to capability questions feed
    the capabilities directory, one capability a line."""
    invited = set(survey.invitations.values_list("entity_id", flat=True))
    if not can_answer_survey(actor, survey, invited_entity_ids=invited) or actor.entity_id != entity.pk:
        raise NotAllowed
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("This survey is not open for answers."))
    response, _created = SurveyResponse.objects.update_or_create(
        survey=survey, entity=entity, defaults={"submitted_by": user, "submitted_at": timezone.now()},
    )
    response.answers.all().delete()
    Capability.objects.filter(survey_response=response).delete()
    rows = []
    for question in survey.questions.all():
        value = answers.get(question.pk)
        answer = SurveyAnswer(response=response, question=question)
        if question.kind == QuestionKind.MULTIPLE:
            answer.selected = list(value or [])
        elif question.kind == QuestionKind.CHOICE:
            answer.selected = [value] if value else []
        elif question.kind == QuestionKind.SCALE:
            answer.number = value
        else:
            answer.text = (value or "").strip()
            if question.capability_kind:
                for line in {line.strip()[:300] for line in answer.text.splitlines() if line.strip()}:
                    Capability.objects.update_or_create(
                        entity=entity, kind=question.capability_kind, title=line,
                        defaults={"mechanism": survey.mechanism, "source": CapabilitySource.SURVEY, "survey_response": response},
                    )
        rows.append(answer)
    SurveyAnswer.objects.bulk_create(rows)
    return response


@dataclass
class QuestionResult:
    question: object
    counts: list[tuple[str, int]] = field(default_factory=list)
    average: float | None = None
    texts: list[tuple[object, str]] = field(default_factory=list)
    answered: int = 0


def survey_results(survey: Survey) -> tuple[list[QuestionResult], list[tuple[object, list]]]:
    """Aggregated per question, and per entity (its answers in question order): two queries."""
    questions = list(survey.questions.all())
    answers = list(SurveyAnswer.objects.filter(response__survey=survey).select_related("response__entity"))
    by_question: dict[int, list[SurveyAnswer]] = defaultdict(list)
    by_entity: dict[object, dict[int, SurveyAnswer]] = defaultdict(dict)
    for answer in answers:
        by_question[answer.question_id].append(answer)
        by_entity[answer.response.entity][answer.question_id] = answer
    results = []
    for question in questions:
        given = by_question.get(question.pk, [])
        result = QuestionResult(question=question, answered=len(given))
        if question.kind in (QuestionKind.CHOICE, QuestionKind.MULTIPLE):
            tally = Counter(option for answer in given for option in answer.selected)
            result.counts = [(option, tally.get(option, 0)) for option in question.choices]
        elif question.kind == QuestionKind.SCALE:
            numbers = [a.number for a in given if a.number is not None]
            result.average = round(sum(numbers) / len(numbers), 2) if numbers else None
            tally = Counter(numbers)
            result.counts = [(str(n), tally.get(n, 0)) for n in range(question.scale_min, question.scale_max + 1)]
        else:
            result.texts = [(a.response.entity, a.text) for a in given if a.text]
        results.append(result)
    per_entity = [
        (entity, [by_entity[entity].get(q.pk) for q in questions])
        for entity in sorted(by_entity, key=lambda e: e.acronym)
    ]
    return results, per_entity
