"""Reads with their joins. Lists cost a fixed number of queries whatever the page size."""

import datetime as dt

from django.conf import settings
from django.db import connection
from django.db.models import Count, DateTimeField, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL
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


def recommendations_visible(*, actor: Actor) -> QuerySet[Recommendation]:
    """What the actor may see, in annex order, with nothing loaded beside it (the API's list
    builds its items in the database: recommendation_page)."""
    return Recommendation.objects.visible_to(actor).order_by("position", "id")


def recommendation_list(*, actor: Actor) -> QuerySet[Recommendation]:
    return recommendations_visible(actor=actor).select_related("cluster").prefetch_related(_references(), _actions())


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


def recommendation_page(queryset: QuerySet[Recommendation]) -> QuerySet:
    """The API's list rows: `position` and `id` (the cursor's key), `item`, the list item as
    JSON text built by the database in the same query as the page, and `stamp`, the newest
    `updated_at` in the item (the page's Last-Modified).

    The list is the busiest read of the API, pulled by clients in bulk: one query for the page
    whatever its size, and no model instance, datetime or JSON made in Python for its 250 nested
    records (the renderer writes the items' text as it is). The item's shape is
    RecommendationSerializer's, the detail's (a test holds the two equal); the filters and
    visibility stay the queryset's own."""
    vendor = connection.vendor
    # Both SQL texts are constants of this module and take no parameter: no input reaches them.
    return queryset.annotate(
        item=RawSQL(_LIST_ITEM_SQL[vendor], ()),  # nosec B611
        stamp=RawSQL(_NEWEST_STAMP_SQL[vendor], (), output_field=DateTimeField()),  # nosec B611
    ).values("position", "id", "item", "stamp")


# The list item of one recommendation, correlated with the outer query's row (its table is
# never aliased: it is the query's base table). Datetimes as DRF writes them in UTC: ISO 8601
# with "Z", microseconds only when there are any.
_PG_STAMP = """CASE WHEN date_trunc('second', {column}) = {column}
    THEN to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
    ELSE to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END"""
_SQLITE_STAMP = "replace({column}, ' ', 'T') || 'Z'"  # stored as "YYYY-MM-DD HH:MM:SS[.ffffff]", UTC

_NEWEST_ACTION = """(SELECT max(a.updated_at) FROM recommendations_suggestedaction a
    WHERE a.recommendation_id = recommendations_recommendation.id)"""
_NEWEST_STAMP_SQL = {
    "postgresql": f"GREATEST(recommendations_recommendation.updated_at, {_NEWEST_ACTION})",  # NULLs ignored
    # Stored as text "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC, which sorts as the times it writes.
    "sqlite": f"max(recommendations_recommendation.updated_at, COALESCE({_NEWEST_ACTION}, recommendations_recommendation.updated_at))",
}

_LIST_ITEM_SQL = {
    "postgresql": f"""(
SELECT json_build_object(
    'id', r.id,
    'references', (
        SELECT COALESCE(json_agg(json_build_object('report', rp.symbol, 'number', rf.number)
                                 ORDER BY rf.position, rf.id), '[]')
        FROM recommendations_reference rf JOIN recommendations_report rp ON rp.id = rf.report_id
        WHERE rf.recommendation_id = r.id),
    'text', r.text,
    'cluster', c.name,
    'status', r.status,
    'updated_at', {_PG_STAMP.format(column="r.updated_at")},
    'actions', (
        SELECT COALESCE(json_agg(json_build_object(
            'id', a.id,
            'addressee', g.slug,
            'text', a.text,
            'status', a.status,
            'implementing_entities', (
                SELECT COALESCE(json_agg(e.acronym ORDER BY e.acronym), '[]')
                FROM recommendations_suggestedaction_implementing_entities ae
                JOIN entities_entity e ON e.id = ae.entity_id
                WHERE ae.suggestedaction_id = a.id),
            'updated_at', {_PG_STAMP.format(column="a.updated_at")}
        ) ORDER BY a.position, a.id), '[]')
        FROM recommendations_suggestedaction a JOIN entities_addresseegroup g ON g.id = a.addressee_id
        WHERE a.recommendation_id = r.id)
)::text
FROM recommendations_recommendation r JOIN recommendations_cluster c ON c.id = r.cluster_id
WHERE r.id = recommendations_recommendation.id)""",
    # SQLite keeps JSON as JSON only within one expression: what a subquery returns is text
    # again, hence json(...) around each nested array.
    "sqlite": f"""(
SELECT json_object(
    'id', r.id,
    'references', json((
        SELECT json_group_array(json(item)) FROM (
            SELECT json_object('report', rp.symbol, 'number', rf.number) AS item
            FROM recommendations_reference rf JOIN recommendations_report rp ON rp.id = rf.report_id
            WHERE rf.recommendation_id = r.id ORDER BY rf.position, rf.id))),
    'text', r.text,
    'cluster', c.name,
    'status', r.status,
    'updated_at', {_SQLITE_STAMP.format(column="r.updated_at")},
    'actions', json((
        SELECT json_group_array(json(item)) FROM (
            SELECT json_object(
                'id', a.id,
                'addressee', g.slug,
                'text', a.text,
                'status', a.status,
                'implementing_entities', json((
                    SELECT json_group_array(acronym) FROM (
                        SELECT e.acronym FROM recommendations_suggestedaction_implementing_entities ae
                        JOIN entities_entity e ON e.id = ae.entity_id
                        WHERE ae.suggestedaction_id = a.id ORDER BY e.acronym))),
                'updated_at', {_SQLITE_STAMP.format(column="a.updated_at")}
            ) AS item
            FROM recommendations_suggestedaction a JOIN entities_addresseegroup g ON g.id = a.addressee_id
            WHERE a.recommendation_id = r.id ORDER BY a.position, a.id)))
)
FROM recommendations_recommendation r JOIN recommendations_cluster c ON c.id = r.cluster_id
WHERE r.id = recommendations_recommendation.id)""",
}


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
