"""DEMO data of the task forces: NOT real. Every row is flagged `is_demo=True` and its text says
"Demo", so nobody mistakes it for the seeds' facts.

Gives the demo logins something to do: open and overdue action items for UNMAS (`unmas` can
close them), raised at a demo meeting (never at a real one), a follow-up mapping survey sent to UNMAS (`unmas` answers it), a few glossary
terms and capabilities, and an individualised-approach meeting requested by Uganda (`uganda`
sees it, `isu` holds it and downloads the report). Idempotent.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from entities.models import Entity, Organisation, State

from .models import (
    ActionItem,
    Capability,
    GlossaryTerm,
    Mechanism,
    Meeting,
    MeetingKind,
    MeetingLevel,
    MeetingStatus,
    Participant,
    ParticipantCapacity,
    ParticipantRole,
    ProcessCheck,
    ProcessStep,
    Survey,
    SurveyQuestion,
    SurveyStatus,
)

DEMO = "Demo data, not from the seed documents."


def load(*, stdout, **options) -> None:
    task_force = Mechanism.objects.filter(slug="ied-task-force").first()
    committee = Mechanism.objects.filter(slug="committee-cooperation-assistance").first()
    if task_force is None or committee is None:
        stdout.write("taskforce demo: skipped (load the seed data first)\n")
        return
    entities = {e.acronym: e for e in Entity.objects.filter(acronym__in=["UNMAS", "UNDP", "UNODA", "UNIDIR"])}
    today = timezone.localdate()
    # Demo action items hang off a demo meeting, never off the real January 2020 meeting.
    demo_meeting, created = Meeting.objects.get_or_create(
        mechanism=task_force, title="[Demo] Working-level follow-up meeting", is_demo=True,
        defaults={
            "kind": MeetingKind.REGULAR, "status": MeetingStatus.HELD, "level": MeetingLevel.WORKING,
            "date": today - dt.timedelta(days=30), "place": "New York", "summary": f"[Demo] Follow-up of the task force's work. {DEMO}",
        },
    )
    if created:
        for acronym in ("UNMAS", "UNDP"):
            if acronym in entities:
                Participant.objects.create(meeting=demo_meeting, entity=entities[acronym], role=ParticipantRole.PARTICIPANT)
    glossary_goal = task_force.objectives.filter(kind="expected_accomplishment", order=1).first()
    toolbox_goal = task_force.objectives.filter(kind="expected_accomplishment", order=3).first()
    items = [
        ("[Demo] Circulate a draft list of common terms to the task force", "UNMAS", today - dt.timedelta(days=20), glossary_goal),
        ("[Demo] Collect entries for the UN toolbox from each participating entity", "UNMAS", today + dt.timedelta(days=30), toolbox_goal),
        ("[Demo] Share the data-collection template used in field missions", "UNDP", today - dt.timedelta(days=5), None),
    ]
    for text, owner, due, objective in items:
        if owner in entities:
            # update_or_create: an item loaded by an earlier version onto the real meeting moves to the demo one.
            ActionItem.objects.update_or_create(
                mechanism=task_force, text=text, is_demo=True,
                defaults={"meeting": demo_meeting, "entity": entities[owner], "objective": objective},
                create_defaults={"meeting": demo_meeting, "entity": entities[owner], "due_on": due, "objective": objective},
            )

    survey, _ = Survey.objects.get_or_create(
        mechanism=task_force, title="[Demo] Follow-up mapping: areas of work, capacities and gaps",
        defaults={"description": DEMO, "status": SurveyStatus.OPEN, "is_demo": True, "closes_on": today + dt.timedelta(days=45)},
    )
    questions = [
        ("Which of your activities are affected by the IED threat?", "multiple", "area_of_work", ["Field", "Headquarters"], ""),
        ("In which part of the spectrum is your work mostly affected?", "choice", "area_of_work",
         ["Peace and security", "Humanitarian", "Human rights", "Development"], ""),
        ("How strongly is your work affected? (1 = not at all, 5 = severely)", "scale", "other", [], ""),
        ("Expertise your entity can offer to others (one a line)", "text", "capacity", [], "expertise"),
        ("Training your entity can offer (one a line)", "text", "capacity", [], "training"),
        ("Gaps your entity faces (coordination, data, information, training, capacity, resources)", "text", "gap", [], ""),
    ]
    for order, (text, kind, topic, choices, capability_kind) in enumerate(questions, 1):
        SurveyQuestion.objects.get_or_create(
            survey=survey, order=order,
            defaults={"text": text, "kind": kind, "topic": topic, "choices": choices, "capability_kind": capability_kind},
        )
    for acronym in ("UNMAS", "UNDP"):
        if acronym in entities:
            survey.invitations.get_or_create(entity=entities[acronym])

    terms = [
        ("improvised explosive device (IED)", "engin explosif improvisé (EEI)", "artefacto explosivo improvisado (AEI)"),
        ("whole-of-system approach", "approche à l'échelle du système", "enfoque de todo el sistema"),
    ]
    for en, fr, es in terms:
        GlossaryTerm.objects.get_or_create(
            mechanism=task_force, term_en=en,
            defaults={"term_fr": fr, "term_es": es, "definition_en": f"[Demo] Definition to be agreed by the task force. {DEMO}",
                      "definition_fr": "[Démo] Définition à convenir par l'équipe spéciale.",
                      "definition_es": "[Demo] Definición que acordará el equipo de tareas.", "source": DEMO, "is_demo": True},
        )
    for acronym, kind, title in (("UNMAS", "training", "[Demo] IED threat mitigation training"),
                                 ("UNIDIR", "data", "[Demo] Research on counter-IED policy"),
                                 ("UNODA", "guidance", "[Demo] Guidance on coherent inter-agency coordination")):
        if acronym in entities:
            Capability.objects.get_or_create(entity=entities[acronym], kind=kind, title=title,
                                             defaults={"mechanism": task_force, "description": DEMO, "is_demo": True})

    uganda = State.objects.filter(code="UG").first()
    if uganda is not None:
        meeting, created = Meeting.objects.get_or_create(
            mechanism=committee, kind=MeetingKind.INDIVIDUALISED_APPROACH, requested_by=uganda, is_demo=True,
            defaults={
                "title": "[Demo] Individualised approach: Uganda", "status": MeetingStatus.REQUESTED,
                "date": today + dt.timedelta(days=60), "level": MeetingLevel.INFORMAL, "place": "Geneva",
                "on_the_margins_of": "Intersessional Meetings", "is_confidential": True, "requested_on": today,
                "report_for": "intersessional", "summary": f"[Demo] Challenges to be presented by the requesting State. {DEMO}",
            },
        )
        if created:
            Participant.objects.create(meeting=meeting, state=uganda, role=ParticipantRole.CHAIR, capacity=ParticipantCapacity.REQUESTING_STATE)
            isu = Organisation.objects.filter(acronym="ISU").first()
            if isu is not None:
                Participant.objects.create(meeting=meeting, organisation=isu, role=ParticipantRole.SECRETARY, capacity=ParticipantCapacity.ISU)
            for membership in committee.memberships.filter(state__isnull=False).exclude(state=uganda):
                Participant.objects.create(meeting=meeting, state=membership.state, role=ParticipantRole.FACILITATOR,
                                           capacity=ParticipantCapacity.COMMITTEE)
            ProcessCheck.objects.bulk_create(ProcessCheck(meeting=meeting, step=s, order=i) for i, s in enumerate(ProcessStep.values, 1))
    stdout.write("taskforce demo: action items, a follow-up survey, glossary terms, capabilities, an individualised-approach request (all labelled demo)\n")
