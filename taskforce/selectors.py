"""Reads with their joins: every list here costs a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from entities.access import Actor
from entities.models import Entity, State
from entities.translation import by_translated_name
from recommendations.models import SuggestedAction

from .models import (
    ActionItem,
    ActionItemStatus,
    DatePrecision,
    Mechanism,
    Meeting,
    Membership,
    Objective,
    Participant,
    ParticipantRole,
    PartyRole,
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


# --- The coordination map ----------------------------------------------------------------------
# Which parties sit in which mechanisms, attend which meetings and own which action items (and
# which suggested actions of annex I name them as implementing entities): a fixed number of
# queries whatever the number of parties.

@dataclass
class Cell:
    roles: list[str] = field(default_factory=list)
    meetings: int = 0
    open_items: int = 0
    # Former acronyms under which the entity was involved here ("as DPKO").
    as_former: list[str] = field(default_factory=list)

    @property
    def involved(self) -> bool:
        return bool(self.roles or self.meetings or self.open_items)


@dataclass
class Row:
    party: object
    cells: list[Cell]
    suggested_actions: int = 0
    formerly: list[str] = field(default_factory=list)

    @property
    def mechanism_count(self) -> int:
        return sum(1 for cell in self.cells if cell.involved)


def coordination_map(*, actor: Actor, kind: str = "entity") -> tuple[list[Mechanism], list[Row]]:
    """Rows are UN entities (kind="entity") or States (kind="state"); columns are mechanisms.

    A renamed entity is one row under today's name: DPKO's membership of CASA shows on the DPO
    row ("as DPKO"), and a meeting both attended, or an action naming both, counts once."""
    field_name = f"{kind}_id"
    mechanisms = list(Mechanism.objects.order_by("name"))
    column = {m.pk: i for i, m in enumerate(mechanisms)}
    cells: dict[int, list[Cell]] = defaultdict(lambda: [Cell() for _ in mechanisms])
    today = Entity.objects.renames() if kind == "entity" else {}
    former = dict(Entity.objects.filter(pk__in=list(today)).values_list("pk", "acronym")) if today else {}

    def row_of(party_id: int) -> int:
        return today.get(party_id, party_id)

    def note_former(cell: Cell, party_id: int) -> None:
        if party_id in former and former[party_id] not in cell.as_former:
            cell.as_former.append(former[party_id])

    for party_id, mechanism_id, role in Membership.objects.filter(**{f"{field_name}__isnull": False}).values_list(
        field_name, "mechanism_id", "role"
    ):
        cell = cells[row_of(party_id)][column[mechanism_id]]
        if role not in cell.roles:
            cell.roles.append(role)
        note_former(cell, party_id)
    meetings = Meeting.objects.all().visible_to(actor).values("pk")
    attended: dict[tuple[int, int], set[int]] = defaultdict(set)
    for party_id, meeting_id, mechanism_id in (
        Participant.objects.filter(**{f"{field_name}__isnull": False}, meeting__in=meetings)
        .values_list(field_name, "meeting_id", "meeting__mechanism_id").distinct().order_by()
    ):
        attended[row_of(party_id), mechanism_id].add(meeting_id)
        note_former(cells[row_of(party_id)][column[mechanism_id]], party_id)
    for (party_id, mechanism_id), meeting_ids in attended.items():
        cells[party_id][column[mechanism_id]].meetings = len(meeting_ids)
    for row in (
        ActionItem.objects.filter(**{f"{field_name}__isnull": False}, status=ActionItemStatus.OPEN).visible_to(actor)
        .values(field_name, "mechanism_id").annotate(n=Count("pk")).order_by()
    ):
        cell = cells[row_of(row[field_name])][column[row["mechanism_id"]]]
        cell.open_items += row["n"]
        note_former(cell, row[field_name])

    suggested: dict[int, int] = {}
    if kind == "entity":
        actions = SuggestedAction.objects.visible_to(actor)
        named: dict[int, set[int]] = defaultdict(set)
        lineage = [*cells, *(old for old, current in today.items() if current in cells)]
        for action_id, entity_id in actions.filter(implementing_entities__in=lineage).values_list(
            "pk", "implementing_entities"
        ).order_by():
            named[row_of(entity_id)].add(action_id)
        suggested = {entity_id: len(action_ids) for entity_id, action_ids in named.items()}
    model = Entity if kind == "entity" else State
    parties = model.objects.filter(pk__in=list(cells))
    formerly: dict[int, list[str]] = defaultdict(list)
    for old, current in today.items():
        formerly[current].append(former[old])
    rows = [
        Row(party=p, cells=cells[p.pk], suggested_actions=suggested.get(p.pk, 0), formerly=sorted(formerly.get(p.pk, [])))
        for p in parties
    ]
    rows.sort(key=lambda r: (-r.mechanism_count, str(r.party)))
    return mechanisms, rows


def role_labels() -> dict[str, str]:
    return {value: str(label) for value, label in PartyRole.choices}


@dataclass
class Involvement:
    entity: Entity
    memberships: list
    meetings: list
    action_items: list
    suggested_actions: list
    capabilities: list
    survey_responses: list


def entity_involvement(*, entity: Entity, actor: Actor) -> Involvement:
    """Everything one UN entity is involved in, under its former names too (DPO's page lists
    what DPKO did)."""
    lineage = Entity.objects.lineage_ids(entity)
    memberships = list(
        Membership.objects.filter(entity__in=lineage).select_related("mechanism", "entity").order_by("mechanism__name")
    )
    meetings = list(
        Meeting.objects.filter(pk__in=Participant.objects.filter(entity__in=lineage).values("meeting")).visible_to(actor)
        .select_related("mechanism").annotate(participant_role=_participant_role(lineage)).order_by("-date")
    )
    labels = participant_role_labels()
    for meeting in meetings:
        meeting.role = labels.get(meeting.participant_role, "")
    items = list(
        ActionItem.objects.filter(entity__in=lineage).select_related("mechanism", "meeting", "entity").visible_to(actor)
        .order_by("status", "due_on")
    )
    actions = SuggestedAction.objects.visible_to(actor)
    suggested = list(
        actions.filter(pk__in=actions.filter(implementing_entities__in=lineage).values("pk"))
        .select_related("recommendation", "addressee")
        .prefetch_related("recommendation__references__report").order_by("pk")[:200]
    )
    return Involvement(
        entity=entity,
        memberships=memberships,
        meetings=meetings,
        action_items=items,
        suggested_actions=suggested,
        capabilities=list(entity.capabilities.select_related("mechanism").all()),
        survey_responses=list(entity.survey_responses.select_related("survey").all()),
    )


def participant_role_labels() -> dict[str, str]:
    return {value: str(label) for value, label in ParticipantRole.choices}


def _participant_role(lineage: set[int]):
    return Subquery(Participant.objects.filter(meeting=OuterRef("pk"), entity__in=lineage).values("role")[:1])


# --- Calendar feeds ----------------------------------------------------------------------------
# Feeds are public, so they hold only what the public pages show (`visible_to`): confidential
# meetings and their action items are left out. A meeting whose day the source does not give
# (stored with MONTH or YEAR precision) is left out too: a calendar entry needs a real day.

def calendar_meetings(*, actor: Actor, mechanism: Mechanism | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("mechanism").visible_to(actor).filter(date_precision=DatePrecision.DAY)
    if mechanism is not None:
        meetings = meetings.filter(mechanism=mechanism)
    return meetings.order_by("date", "pk")


def calendar_deadlines(*, actor: Actor, mechanism: Mechanism | None = None) -> QuerySet[ActionItem]:
    """Action items with a due date, dropped ones left out."""
    items = ActionItem.objects.select_related("mechanism", "entity", "state").visible_to(actor).filter(
        due_on__isnull=False
    ).exclude(status=ActionItemStatus.DROPPED)
    if mechanism is not None:
        items = items.filter(mechanism=mechanism)
    return items.order_by("due_on", "pk")
