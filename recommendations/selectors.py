"""Reads with their joins. Lists cost a fixed number of queries whatever the page size."""

import datetime as dt

from django.conf import settings
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from entities.access import Actor
from recommendations.access import entities_acted_for
from entities.models import AddresseeGroup, Entity

from .models import ActionStatus, Cluster, Recommendation, Reference, StatusUpdate, SuggestedAction


def _references() -> Prefetch:
    return Prefetch("references", queryset=Reference.objects.select_related("report").order_by("position", "id"))


def _actions(*, with_history: bool = False) -> Prefetch:
    queryset = (
        SuggestedAction.objects.select_related("addressee")
        .prefetch_related(
            Prefetch("implementing_entities", queryset=Entity.objects.only("id", "acronym", "name").order_by("acronym")),
        )
        .order_by("position", "id")
    )
    if with_history:
        queryset = queryset.prefetch_related(
            "organisations", "tags",
            Prefetch("status_updates", queryset=StatusUpdate.objects.select_related("author", "on_behalf_of")),
        )
    return Prefetch("actions", queryset=queryset)


def recommendation_list(*, actor: Actor) -> QuerySet[Recommendation]:
    queryset = Recommendation.objects.select_related("cluster").prefetch_related(_references(), _actions())
    return queryset.visible_to(actor).order_by("position", "id")


def recommendation_detail_queryset(*, actor: Actor) -> QuerySet[Recommendation]:
    queryset = Recommendation.objects.select_related("cluster", "re_examined_in").prefetch_related(
        _references(), _actions(with_history=True)
    )
    return queryset.visible_to(actor)


def action_list(*, actor: Actor) -> QuerySet[SuggestedAction]:
    queryset = (
        SuggestedAction.objects.select_related("addressee", "recommendation")
        .prefetch_related(
            Prefetch("implementing_entities", queryset=Entity.objects.only("id", "acronym", "name").order_by("acronym")),
            Prefetch("recommendation__references", queryset=Reference.objects.select_related("report")),
        )
    )
    return queryset.visible_to(actor).order_by("recommendation__position", "recommendation_id", "position", "id")


def action_for_status(*, actor: Actor) -> QuerySet[SuggestedAction]:
    """The actions an actor may look up to post a status update on (with their recommendation)."""
    return SuggestedAction.objects.select_related("recommendation").visible_to(actor)


def action_history(*, action: SuggestedAction) -> QuerySet[StatusUpdate]:
    return action.status_updates.select_related("author", "on_behalf_of").order_by("-date", "-created_at", "-id")


def stale_cutoff(now: dt.datetime | None = None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=settings.RECOMMENDATIONS_STALE_DAYS)


def stale_actions(*, actor: Actor, now: dt.datetime | None = None) -> QuerySet[SuggestedAction]:
    """Open actions (not completed, not discontinued) with no status update since the cutoff;
    an action never updated counts from when it was recorded."""
    cutoff = stale_cutoff(now)
    open_statuses = [ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS]
    never = Q(last_status_update_at__isnull=True, created_at__lt=cutoff)
    return (
        action_list(actor=actor)
        .filter(status__in=open_statuses)
        .filter(never | Q(last_status_update_at__lt=cutoff))
    )


def _status_table(rows, key: str, labels: dict) -> list[dict]:
    """[{"label":..., "counts": {status: n}, "total": n}] in the order of `labels`."""
    table = {k: {"label": label, "counts": dict.fromkeys(ActionStatus.values, 0), "total": 0} for k, label in labels.items()}
    for row in rows:
        entry = table.get(row[key])
        if entry is None:
            continue
        entry["counts"][row["status"]] = row["n"]
        entry["total"] += row["n"]
    return [entry for entry in table.values() if entry["total"]]


def _status_rows_by_current_entity(actions: QuerySet) -> list[dict]:
    """Status counts per today's entity: an action naming DPKO counts for DPO, and an action
    naming both DPKO and DPO counts once."""
    today = Entity.objects.renames()
    through = SuggestedAction.implementing_entities.through
    pairs = {
        (today.get(entity_id, entity_id), action_id, status)
        for action_id, entity_id, status in through.objects.filter(suggestedaction__in=actions.values("pk"))
        .values_list("suggestedaction_id", "entity_id", "suggestedaction__status")
    }
    counts: dict[tuple[int, str], int] = {}
    for entity_id, _action_id, status in pairs:
        counts[entity_id, status] = counts.get((entity_id, status), 0) + 1
    return [{"entity": entity_id, "status": status, "n": n} for (entity_id, status), n in counts.items()]


def dashboard_counts(*, actor: Actor) -> dict:
    """Action status counts by cluster, by addressee and by implementing entity."""
    actions = SuggestedAction.objects.all().visible_to(actor)
    by_cluster = actions.values("recommendation__cluster", "status").annotate(n=Count("id")).order_by()
    by_addressee = actions.values("addressee", "status").annotate(n=Count("id")).order_by()
    by_entity = _status_rows_by_current_entity(actions)
    recommendations = Recommendation.objects.all().visible_to(actor)
    return {
        "statuses": [{"value": value, "label": str(label)} for value, label in ActionStatus.choices],
        "by_cluster": _status_table(by_cluster, "recommendation__cluster", {c.pk: c.name for c in Cluster.objects.all()}),
        "by_addressee": _status_table(by_addressee, "addressee", {a.pk: a.name for a in AddresseeGroup.objects.all()}),
        "by_entity": _status_table(
            by_entity, "entity",
            {e.pk: e.acronym for e in Entity.objects.filter(pk__in={row["entity"] for row in by_entity})},
        ),
        "recommendations": {
            row["status"]: row["n"] for row in recommendations.values("status").annotate(n=Count("id")).order_by()
        },
    }


def _iso(value: dt.datetime | None) -> str | None:
    """The datetime format DRF renders (ISO 8601, "Z" for UTC)."""
    if value is None:
        return None
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def recommendation_rows(page: list[dict]) -> list[dict]:
    """The API's list items for rows of `LIST_FIELDS`.

    Three queries (references, actions, action entities) whatever the page size, and no model
    instances: the list endpoint is the busiest read of the API, pulled by clients in bulk. The
    shape is RecommendationSerializer's (a test holds the two equal).
    """
    ids = [row["id"] for row in page]
    references: dict[int, list] = {i: [] for i in ids}
    for recommendation_id, symbol, number in (
        Reference.objects.filter(recommendation_id__in=ids).order_by("position", "id")
        .values_list("recommendation_id", "report__symbol", "number")
    ):
        references[recommendation_id].append({"report": symbol, "number": number})
    entities: dict[int, list] = {}
    through = SuggestedAction.implementing_entities.through
    for action_id, acronym in (
        through.objects.filter(suggestedaction__recommendation_id__in=ids).order_by("entity__acronym")
        .values_list("suggestedaction_id", "entity__acronym")
    ):
        entities.setdefault(action_id, []).append(acronym)
    actions: dict[int, list] = {i: [] for i in ids}
    for action_id, recommendation_id, addressee, text, status, updated_at in (
        SuggestedAction.objects.filter(recommendation_id__in=ids).order_by("position", "id")
        .values_list("id", "recommendation_id", "addressee__slug", "text", "status", "updated_at")
    ):
        actions[recommendation_id].append({
            "id": action_id, "addressee": addressee, "text": text, "status": status,
            "implementing_entities": entities.get(action_id, []), "updated_at": _iso(updated_at),
        })
    return [
        {
            "id": row["id"], "references": references[row["id"]], "text": row["text"], "cluster": row["cluster__name"],
            "status": row["status"], "updated_at": _iso(row["updated_at"]), "actions": actions[row["id"]],
        }
        for row in page
    ]


# The columns of a list row (position: the key of the cursor pagination).
LIST_FIELDS = ("id", "position", "text", "cluster__name", "status", "updated_at")


# --- Start pages -------------------------------------------------------------------------------

def actions_implemented_by(*, actor: Actor, now: dt.datetime | None = None) -> QuerySet[SuggestedAction]:
    """The open actions a UN entity focal point's entity implements or is named in (its
    predecessors' too, as for status updates), least recently updated first, each with
    `is_stale`: no update for RECOMMENDATIONS_STALE_DAYS (the rule of stale_actions)."""
    entity_ids = entities_acted_for(actor)
    if not entity_ids:
        return SuggestedAction.objects.none()
    named = SuggestedAction.implementing_entities.through.objects.filter(entity_id__in=entity_ids)
    return (
        action_list(actor=actor)
        .filter(status__in=[ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS])
        .filter(Exists(named.filter(suggestedaction=OuterRef("pk"))))
        .annotate(is_stale=Exists(stale_actions(actor=actor, now=now).filter(pk=OuterRef("pk"))))
        .order_by(F("last_status_update_at").asc(nulls_first=True), "created_at", "pk")
    )
