"""Reads with their joins: every list here costs a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from entities.access import Actor
from entities.models import Entity
from entities.translation import by_translated_name

from .models import (
    ActionItem,
    ActionItemStatus,
    Mechanism,
    Meeting,
    Membership,
    Objective,
    Participant,
    Survey,
)

PARTY = ("entity", "state", "organisation")


def overdue_q(today: dt.date | None = None) -> Q:
    return Q(status=ActionItemStatus.OPEN, due_on__lt=today or timezone.localdate())


def mechanism_list() -> QuerySet[Mechanism]:
    today = timezone.localdate()
    return (
        Mechanism.objects.select_related("lead_entity", "lead_state")
        .annotate(
            member_total=Count("memberships", distinct=True),
            meeting_total=Count("meetings", distinct=True),
            open_items=Count("action_items", filter=Q(action_items__status=ActionItemStatus.OPEN), distinct=True),
            overdue_items=Count("action_items", filter=Q(action_items__in=ActionItem.objects.filter(overdue_q(today))), distinct=True),
        )
        .order_by(by_translated_name())
    )


def action_items(actor: Actor) -> QuerySet[ActionItem]:
    return ActionItem.objects.select_related("mechanism", "meeting", "objective", *PARTY).visible_to(actor).order_by("status", "due_on", "pk")


def surveys(actor: Actor) -> QuerySet[Survey]:
    """The mapping surveys the actor may see (Survey.objects.visible_to: drafts for staff only)."""
    return Survey.objects.select_related("mechanism").visible_to(actor)


def meetings(actor: Actor) -> QuerySet[Meeting]:
    return (
        Meeting.objects.select_related("mechanism", "requested_by").visible_to(actor)
        .annotate(participant_total=Count("participants", distinct=True))
        .order_by("-date", "-pk")
    )


def mechanism_detail(*, slug: str, actor: Actor) -> Mechanism:
    from django.shortcuts import get_object_or_404

    mechanism = get_object_or_404(
        Mechanism.objects.select_related("lead_entity", "lead_state").prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related(*PARTY).order_by("role", "pk")),
            Prefetch(
                "objectives",
                queryset=Objective.objects.annotate(action_total=Count("action_items")).order_by("kind", "order"),
            ),
            "declarations__counts",
        ),
        slug=slug,
    )
    mechanism.timeline = list(meetings(actor).filter(mechanism=mechanism))
    open_items = list(action_items(actor).filter(mechanism=mechanism, status=ActionItemStatus.OPEN))
    mechanism.open_items = open_items
    mechanism.overdue_count = sum(1 for item in open_items if item.is_overdue)
    return mechanism


def meeting_detail(*, pk: int, actor: Actor) -> Meeting:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        Meeting.objects.select_related("mechanism", "requested_by").visible_to(actor).prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related(*PARTY).order_by("role", "capacity", "pk")),
            "agenda_items",
            "decisions",
            "documents",
            "process_checks",
            Prefetch("action_items", queryset=ActionItem.objects.select_related(*PARTY, "objective")),
        ),
        pk=pk,
    )


def party_memberships(party) -> list[Membership]:
    """The memberships of one entity, State or organisation, with their mechanisms: one query."""
    field = {"Entity": "entity", "State": "state", "Organisation": "organisation"}[type(party).__name__]
    if field == "entity":
        # A renamed entity's memberships are its own history: DPO's page lists CASA (as DPKO).
        condition = {"entity__in": Entity.objects.lineage_of(Entity.objects.filter(pk=party.pk))}
    else:
        condition = {field: party}
    return list(
        Membership.objects.filter(**condition).select_related("mechanism", "entity").order_by(by_translated_name("mechanism__name"), "role")
    )


# --- Start pages -------------------------------------------------------------------------------

def overdue_action_items(actor: Actor, *, today: dt.date | None = None) -> QuerySet[ActionItem]:
    """Open items past their due date, the longest overdue first."""
    return action_items(actor).filter(overdue_q(today)).order_by("due_on", "pk")


def own_entity_action_items(actor: Actor) -> QuerySet[ActionItem]:
    """The open items a UN entity focal point's entity owns (those it may close), overdue first."""
    if not (actor.is_entity_focal_point and actor.entity_id):
        return ActionItem.objects.none()
    return action_items(actor).filter(entity_id=actor.entity_id, status=ActionItemStatus.OPEN).order_by(
        F("due_on").asc(nulls_last=True), "pk",
    )
