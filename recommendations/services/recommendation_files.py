"""Recommendations and their actions in and out as CSV or XLSX, with the same columns both ways.

One row per suggested action; the recommendation's columns repeat on each of its rows. The
same columns are exported and imported, so an export can be edited and imported back, and an
unchanged export imports back as no change. Reading and writing the file (formula guard,
encoding, problems with their row and column) is config.tabular's; this module says what a
row means. The import checks the whole file first and writes nothing if any row is wrong. As
the other imports (entities.services.contact_files, letters.services.reporting), the file's
plan and its export rows sit beside the import that writes them.
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from config.services import NotAllowed
from config.tabular import Problem, RowProblems, TableRejected, read_table
from entities.access import Actor
from entities.models import AddresseeGroup, Entity, EntityName
from entities.translation import in_any_language
from recommendations.access import can_import

from ..annex.parser import AnnexFormatError, parse_references
from ..models import (
    ActionStatus,
    Cluster,
    Recommendation,
    Reference,
    Report,
    SuggestedAction,
    Tag,
    TagKind,
)
from .status import recommendation_refresh_status, status_update_post

__all__ = ["RECOMMENDATION_COLUMNS", "RecommendationImportResult", "recommendations_export_rows", "recommendations_import"]

# Column names are the file's vocabulary (the import page and its template list them).
RECOMMENDATION_COLUMNS = [
    "references", "cluster", "recommendation_text", "addressee", "action_text",
    "implementing_entities", "tags", "status",
]
_REQUIRED = ["references", "cluster", "recommendation_text", "addressee", "action_text"]
_TAG_KINDS = {"ISACS": TagKind.ISACS, "IATG": TagKind.IATG, "SDG": TagKind.SDG}
_SYMBOL = re.compile(r"^S/\d{4}/\d+$")


# --- export ---------------------------------------------------------------------------------

def recommendations_export_rows(recommendations: Iterable[Recommendation]) -> Iterator[list[str]]:
    """The rows under RECOMMENDATION_COLUMNS, for recommendations prefetched as
    selectors.recommendation_list gives them (and their actions' tags)."""
    for recommendation in recommendations:
        base = [
            "; ".join(f"{r.report.symbol}, recommendation {r.number}" for r in recommendation.references.all()),
            recommendation.cluster.name,
            recommendation.text,
        ]
        for action in recommendation.actions.all():
            yield base + [
                action.addressee.slug,
                action.text,
                "; ".join(e.acronym for e in action.implementing_entities.all()),
                "; ".join(t.code for t in action.tags.all()),
                action.status,
            ]


# --- import ---------------------------------------------------------------------------------

@dataclass
class RecommendationImportPlan:
    """What a valid file will do, prepared without writing anything: one group per recommendation."""

    groups: list[dict] = field(default_factory=list)


@dataclass
class RecommendationImportResult:
    recommendations_created: int = 0
    recommendations_updated: int = 0
    actions_created: int = 0
    actions_updated: int = 0
    status_updates: int = 0

    @property
    def changed_anything(self) -> bool:
        return any(vars(self).values())


def _plan(*, content: bytes, filename: str) -> RecommendationImportPlan:
    """Reads and checks a whole file against what is recorded; writes nothing. Raises
    TableRejected listing every problem with its row and column."""
    records = read_table(content, filename=filename, columns=RECOMMENDATION_COLUMNS, required=_REQUIRED)
    if not records:
        raise TableRejected([Problem(None, None, _("The file has a header but no rows."))])
    problems: list[Problem] = []
    groups: dict[tuple, dict] = {}
    for values in records:
        row = RowProblems(values["_row"])
        item = _action_of(values, row)
        if row:
            problems.extend(row)
            continue
        references, cluster, existing, action = item
        key = tuple((r.report, r.number) for r in references)
        group = groups.setdefault(key, {
            "references": references, "cluster": cluster, "text": values["recommendation_text"],
            "existing": existing, "actions": [], "row": row.row,
        })
        if group["text"] != values["recommendation_text"] or group["cluster"] != cluster:
            row.add("recommendation_text", _(
                "The recommendation text and the cluster must be the same on every row of a recommendation "
                "(see row %(row)s)."
            ) % {"row": group["row"]})
            problems.extend(row)
            continue
        group["actions"].append(action)
    if problems:
        raise TableRejected(problems)
    return RecommendationImportPlan(groups=list(groups.values()))


def _action_of(values: dict, row: RowProblems):
    """(references, cluster, id of the recommendation already recorded or None, the action) of
    one row; each problem is added to `row`."""
    for column in _REQUIRED:
        if not values[column]:
            row.add(column, _("This cell is required."))
    references = []
    if values["references"]:
        try:
            references = parse_references(values["references"], line=row.row)
        except AnnexFormatError:
            row.add("references", _("Write the references as “S/2015/289, recommendation 8; S/2013/503, recommendation 3”."))
    cluster = _cluster(values["cluster"]) if values["cluster"] else None
    if values["cluster"] and cluster is None:
        row.add("cluster", _("“%(value)s” is not a thematic cluster.") % {"value": values["cluster"]})
    addressee = _addressee(values["addressee"]) if values["addressee"] else None
    if values["addressee"] and addressee is None:
        row.add("addressee", _("“%(value)s” is not an addressee.") % {"value": values["addressee"]})
    entities = []
    for name in _split(values["implementing_entities"]):
        entity = _entity(name)
        if entity is None:
            row.add("implementing_entities", _("“%(value)s” is not a UN entity known to the tracker.") % {"value": name})
        else:
            entities.append(entity)
    tags = []
    for code in _split(values["tags"]):
        kind = _TAG_KINDS.get(code.split(" ")[0].upper())
        if kind is None:
            row.add("tags", _("“%(value)s” is not an ISACS, IATG or SDG code.") % {"value": code})
        else:
            tags.append((code, kind))
    status = values["status"]
    if status and status not in ActionStatus.values:
        row.add("status", _("The status must be one of: %(values)s.") % {"values": ", ".join(ActionStatus.values)})
    existing = None
    if references:
        bad_symbols = [r.report for r in references if not _SYMBOL.match(r.report)]
        if bad_symbols:
            row.add("references", _("“%(value)s” is not a Security Council document symbol.") % {"value": bad_symbols[0]})
        existing_ids = set(Reference.objects.filter(_reference_q(references)).values_list("recommendation_id", flat=True))
        if len(existing_ids) > 1:
            row.add("references", _("These references belong to different recommendations already recorded."))
        elif existing_ids:
            existing = existing_ids.pop()
    action = {"addressee": addressee, "text": values["action_text"], "entities": entities, "tags": tags, "status": status}
    return references, cluster, existing, action


def _reference_q(references) -> Q:
    query = Q(pk__in=[])
    for reference in references:
        query |= Q(report__symbol=reference.report, number=reference.number)
    return query


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _cluster(value: str) -> Cluster | None:
    return Cluster.objects.filter(Q(slug=slugify(value)) | in_any_language("name", "iexact", value)).first()


def _addressee(value: str) -> AddresseeGroup | None:
    return AddresseeGroup.objects.filter(Q(slug=value) | in_any_language("name", "iexact", value)).first()


def _entity(value: str) -> Entity | None:
    return (
        Entity.objects.filter(Q(acronym__iexact=value) | in_any_language("name", "iexact", value)).first()
        or Entity.objects.filter(pk__in=EntityName.objects.filter(name__iexact=value).values("entity")).first()
    )


@transaction.atomic
def recommendations_import(*, actor: Actor, user, content: bytes, filename: str) -> RecommendationImportResult:
    """Records a whole file, or nothing (TableRejected listing every problem). Status changes
    go through status updates, so they keep history; what is already recorded as the file says
    is left as it is and not counted."""
    if not can_import(actor):
        raise NotAllowed
    plan = _plan(content=content, filename=filename)
    result = RecommendationImportResult()
    for group in plan.groups:
        if group["existing"]:
            recommendation = Recommendation.objects.get(pk=group["existing"])
            changed = (recommendation.text, recommendation.cluster_id) != (group["text"], group["cluster"].pk)
            if changed:
                recommendation.text, recommendation.cluster = group["text"], group["cluster"]
                recommendation.save()
        else:
            last = Recommendation.objects.order_by("-position").values_list("position", flat=True).first() or 0
            recommendation = Recommendation.objects.create(text=group["text"], cluster=group["cluster"], position=last + 1)
            result.recommendations_created += 1
            changed = False
        for position, reference in enumerate(group["references"]):
            report, _created = Report.objects.get_or_create(symbol=reference.report)
            _reference, created = Reference.objects.update_or_create(
                report=report, number=reference.number,
                defaults={"recommendation": recommendation, "position": position},
            )
            changed = changed or created
        if changed and group["existing"]:
            result.recommendations_updated += 1
        for item in group["actions"]:
            _import_action(recommendation, item, actor=actor, user=user, result=result)
        recommendation_refresh_status(recommendation=recommendation)
    return result


def _import_action(recommendation: Recommendation, item: dict, *, actor: Actor, user, result: RecommendationImportResult) -> None:
    action = SuggestedAction.objects.filter(recommendation=recommendation, addressee=item["addressee"], text=item["text"]).first()
    created = action is None
    if created:
        last = recommendation.actions.order_by("-position").values_list("position", flat=True).first() or 0
        action = SuggestedAction.objects.create(
            recommendation=recommendation, addressee=item["addressee"], text=item["text"], position=last + 1,
        )
        result.actions_created += 1
    tags = [Tag.objects.get_or_create(code=code, defaults={"kind": kind, "name": code})[0] for code, kind in item["tags"]]
    before = (set(action.implementing_entities.all()), set(action.tags.all()))
    if not created and before != (set(item["entities"]), set(tags)):
        result.actions_updated += 1
    action.implementing_entities.set(item["entities"])
    action.tags.set(tags)
    if item["status"] and item["status"] != action.status:
        status_update_post(action=action, actor=actor, user=user, status=item["status"], note=_("Imported from a file."))
        result.status_updates += 1
