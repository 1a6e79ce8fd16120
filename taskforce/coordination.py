"""The coordination map: which parties sit in which mechanisms, attend which meetings and own
which action items (and, when the recommendations app is installed, which suggested actions
name them as implementing entities). Reads only; a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import Count, OuterRef, Subquery

from entities.access import Actor
from entities.access.taskforce import visible_action_items, visible_meetings
from entities.models import Entity, State

from .models import ActionItem, ActionItemStatus, Mechanism, Meeting, Membership, Participant


@dataclass
class Cell:
    roles: list[str] = field(default_factory=list)
    meetings: int = 0
    open_items: int = 0

    @property
    def involved(self) -> bool:
        return bool(self.roles or self.meetings or self.open_items)


@dataclass
class Row:
    party: object
    cells: list[Cell]
    suggested_actions: int = 0

    @property
    def mechanism_count(self) -> int:
        return sum(1 for cell in self.cells if cell.involved)


def suggested_action_model():
    """The recommendations app's SuggestedAction, when it exists."""
    try:
        return apps.get_model("recommendations", "SuggestedAction")
    except LookupError:
        return None


def visible_suggested_actions(actor: Actor):
    model = suggested_action_model()
    if model is None:
        return None
    queryset = model.objects.all()
    try:
        from entities.access.recommendations import visible_actions
    except ImportError:
        return queryset
    return visible_actions(actor, queryset)


def coordination_map(*, actor: Actor, kind: str = "entity") -> tuple[list[Mechanism], list[Row]]:
    """Rows are UN entities (kind="entity") or States (kind="state"); columns are mechanisms."""
    field_name = f"{kind}_id"
    mechanisms = list(Mechanism.objects.order_by("name"))
    column = {m.pk: i for i, m in enumerate(mechanisms)}
    cells: dict[int, list[Cell]] = defaultdict(lambda: [Cell() for _ in mechanisms])

    for party_id, mechanism_id, role in Membership.objects.filter(**{f"{field_name}__isnull": False}).values_list(
        field_name, "mechanism_id", "role"
    ):
        cells[party_id][column[mechanism_id]].roles.append(role)
    meetings = visible_meetings(actor, Meeting.objects.all()).values("pk")
    for row in (
        Participant.objects.filter(**{f"{field_name}__isnull": False}, meeting__in=meetings)
        .values(field_name, "meeting__mechanism_id").annotate(n=Count("pk")).order_by()
    ):
        cells[row[field_name]][column[row["meeting__mechanism_id"]]].meetings = row["n"]
    for row in (
        visible_action_items(actor, ActionItem.objects.filter(**{f"{field_name}__isnull": False}, status=ActionItemStatus.OPEN))
        .values(field_name, "mechanism_id").annotate(n=Count("pk")).order_by()
    ):
        cells[row[field_name]][column[row["mechanism_id"]]].open_items = row["n"]

    suggested: dict[int, int] = {}
    actions = visible_suggested_actions(actor) if kind == "entity" else None
    if actions is not None:
        suggested = dict(
            actions.filter(implementing_entities__in=list(cells)).values_list("implementing_entities")
            .annotate(n=Count("pk", distinct=True)).order_by()
        )
    model = Entity if kind == "entity" else State
    parties = model.objects.filter(pk__in=list(cells))
    rows = [Row(party=p, cells=cells[p.pk], suggested_actions=suggested.get(p.pk, 0)) for p in parties]
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
    suggested_actions: list | None
    capabilities: list
    survey_responses: list


def entity_involvement(*, entity: Entity, actor: Actor) -> Involvement:
    """Everything one UN entity is involved in."""
    memberships = list(Membership.objects.filter(entity=entity).select_related("mechanism").order_by("mechanism__name"))
    meetings = list(
        visible_meetings(actor, Meeting.objects.filter(participants__entity=entity).select_related("mechanism"))
        .annotate(role=_participant_role(entity)).order_by("-date")
    )
    items = list(
        visible_action_items(actor, ActionItem.objects.filter(entity=entity).select_related("mechanism", "meeting"))
        .order_by("status", "due_on")
    )
    actions = visible_suggested_actions(actor)
    suggested = None
    if actions is not None:
        suggested = list(actions.filter(implementing_entities=entity).select_related("recommendation", "addressee").order_by("pk")[:200])
    return Involvement(
        entity=entity,
        memberships=memberships,
        meetings=meetings,
        action_items=items,
        suggested_actions=suggested,
        capabilities=list(entity.capabilities.select_related("mechanism").all()),
        survey_responses=list(entity.survey_responses.select_related("survey").all()),
    )


def _participant_role(entity: Entity):
    return Subquery(Participant.objects.filter(meeting=OuterRef("pk"), entity=entity).values("role")[:1])


__all__ = ["Cell", "Involvement", "Row", "coordination_map", "entity_involvement", "role_labels"]
