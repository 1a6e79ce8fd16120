"""The coordination map: which parties sit in which mechanisms, attend which meetings and own
which action items (and which suggested actions of annex I name them as implementing
entities). Reads only; a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery

from entities.access import Actor
from entities.models import Entity, State
from recommendations.models import SuggestedAction

from .models import ActionItem, ActionItemStatus, Mechanism, Meeting, Membership, Participant


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
    from .models import PartyRole

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
    from .models import ParticipantRole

    return {value: str(label) for value, label in ParticipantRole.choices}


def _participant_role(lineage: set[int]):
    return Subquery(Participant.objects.filter(meeting=OuterRef("pk"), entity__in=lineage).values("role")[:1])


__all__ = ["Cell", "Involvement", "Row", "coordination_map", "entity_involvement", "role_labels"]
