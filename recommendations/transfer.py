"""Import and export of recommendations and their actions as CSV or XLSX.

One row per suggested action; the recommendation's columns repeat on each of its rows. The
same columns are exported and imported, so an export can be edited and imported back. An
import is validated first and writes nothing if any row is bad.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from entities.models import AddresseeGroup, Entity, EntityName
from entities.translation import in_any_language

from .annex.parser import AnnexFormatError, parse_references
from .models import (
    ActionStatus,
    Cluster,
    Recommendation,
    Reference,
    Report,
    SuggestedAction,
    Tag,
    TagKind,
)
from .services import recommendation_refresh_status, status_update_post

COLUMNS = [
    "references", "cluster", "recommendation_text", "addressee", "action_text",
    "implementing_entities", "tags", "status",
]
REQUIRED = ["references", "cluster", "recommendation_text", "addressee", "action_text"]
MAX_ROWS = 5000
_SYMBOL = re.compile(r"^S/\d{4}/\d+$")
_TAG_KINDS = {"ISACS": TagKind.ISACS, "IATG": TagKind.IATG, "SDG": TagKind.SDG}


# --- export ---------------------------------------------------------------------------------

def export_rows(recommendations) -> list[list[str]]:
    """Rows (header first) for recommendations prefetched as selectors.recommendation_list gives."""
    rows = [list(COLUMNS)]
    for recommendation in recommendations:
        base = [
            "; ".join(f"{r.report.symbol}, recommendation {r.number}" for r in recommendation.references.all()),
            recommendation.cluster.name,
            recommendation.text,
        ]
        for action in recommendation.actions.all():
            rows.append(base + [
                action.addressee.slug,
                action.text,
                "; ".join(e.acronym for e in action.implementing_entities.all()),
                "; ".join(t.code for t in action.tags.all()),
                action.status,
            ])
    return rows


def to_csv(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_xlsx(rows: list[list[str]], *, title: str = "recommendations") -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    for row in rows:
        sheet.append([_safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe_cell(value) -> str:
    """Neutralises spreadsheet formulas (CSV injection): a leading = + - @ is quoted."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


# --- import ---------------------------------------------------------------------------------

class UnreadableFile(ValueError):
    pass


@dataclass
class RowError:
    row: int
    message: str


@dataclass
class ImportPlan:
    """What a valid file will do, prepared without writing anything."""

    groups: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors


def read_upload(upload) -> list[tuple[int, dict[str, str]]]:
    """(row number as seen in a spreadsheet, {column: value}) for each non-empty row."""
    name = upload.name.lower()
    try:
        if name.endswith(".xlsx"):
            table = _read_xlsx(upload)
        else:
            text = upload.read().decode("utf-8-sig")
            table = list(csv.reader(io.StringIO(text)))
    except (UnicodeDecodeError, csv.Error) as exc:
        raise UnreadableFile(_("The file cannot be read as UTF-8 CSV: %(error)s") % {"error": exc}) from None
    except Exception as exc:  # openpyxl raises a variety of errors for a damaged workbook
        raise UnreadableFile(_("The file cannot be read as an XLSX workbook: %(error)s") % {"error": exc}) from None
    if not table:
        raise UnreadableFile(_("The file is empty."))
    header = [str(h or "").strip().lower() for h in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise UnreadableFile(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(table) - 1 > MAX_ROWS:
        raise UnreadableFile(_("At most %(max)s rows per file.") % {"max": MAX_ROWS})
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {h: str(cells[i] if i < len(cells) and cells[i] is not None else "").strip() for i, h in enumerate(header)}
        if any(values.values()):
            rows.append((number, values))
    if not rows:
        raise UnreadableFile(_("The file has a header but no rows."))
    return rows


def _read_xlsx(upload) -> list[list]:
    from openpyxl import load_workbook

    workbook = load_workbook(upload, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def plan_import(rows: list[tuple[int, dict[str, str]]]) -> ImportPlan:
    plan = ImportPlan()
    groups: dict[tuple, dict] = {}
    for number, values in rows:
        errors = []
        for column in REQUIRED:
            if not values.get(column):
                errors.append(_("%(column)s is required") % {"column": column})
        references = []
        if values.get("references"):
            try:
                references = parse_references(values["references"], line=number)
            except AnnexFormatError:
                errors.append(_("references: write them as “S/2015/289, recommendation 8; S/2013/503, recommendation 3”"))
        cluster = _cluster(values.get("cluster", "")) if values.get("cluster") else None
        if values.get("cluster") and cluster is None:
            errors.append(_("cluster: unknown thematic cluster “%(value)s”") % {"value": values["cluster"]})
        addressee = _addressee(values.get("addressee", "")) if values.get("addressee") else None
        if values.get("addressee") and addressee is None:
            errors.append(_("addressee: unknown addressee “%(value)s”") % {"value": values["addressee"]})
        entities = []
        for name in _split(values.get("implementing_entities", "")):
            entity = _entity(name)
            if entity is None:
                errors.append(_("implementing_entities: unknown UN entity “%(value)s”") % {"value": name})
            else:
                entities.append(entity)
        tags = []
        for code in _split(values.get("tags", "")):
            kind = _TAG_KINDS.get(code.split(" ")[0].upper())
            if kind is None:
                errors.append(_("tags: “%(value)s” is not an ISACS, IATG or SDG code") % {"value": code})
            else:
                tags.append((code, kind))
        status = values.get("status", "") or ""
        if status and status not in ActionStatus.values:
            errors.append(_("status: must be one of %(values)s") % {"values": ", ".join(ActionStatus.values)})
        existing = None
        if references:
            existing_ids = set(
                Reference.objects.filter(
                    _reference_q(references)
                ).values_list("recommendation_id", flat=True)
            )
            bad_symbols = [r.report for r in references if not _SYMBOL.match(r.report)]
            if bad_symbols:
                errors.append(_("references: “%(value)s” is not a Security Council document symbol") % {"value": bad_symbols[0]})
            if len(existing_ids) > 1:
                errors.append(_("references: they belong to different recommendations already recorded"))
            elif existing_ids:
                existing = existing_ids.pop()
        if errors:
            plan.errors.append(RowError(number, "; ".join(errors)))
            continue
        key = tuple((r.report, r.number) for r in references)
        group = groups.setdefault(key, {
            "references": references, "cluster": cluster, "text": values["recommendation_text"],
            "existing": existing, "actions": [], "row": number,
        })
        if group["text"] != values["recommendation_text"] or group["cluster"] != cluster:
            plan.errors.append(RowError(number, _(
                "recommendation_text and cluster must be the same on every row of a recommendation (see row %(row)s)"
            ) % {"row": group["row"]}))
            continue
        group["actions"].append({
            "addressee": addressee, "text": values["action_text"], "entities": entities, "tags": tags,
            "status": status, "row": number,
        })
    plan.groups = list(groups.values())
    return plan


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
def import_plan(*, plan: ImportPlan, user) -> dict[str, int]:
    """Writes a valid plan. Status changes go through status updates, so they keep history."""
    if not plan.is_valid:
        raise ValueError("an import plan with errors is never written")
    counts = {"recommendations_created": 0, "recommendations_updated": 0, "actions_created": 0, "status_updates": 0}
    for group in plan.groups:
        if group["existing"]:
            recommendation = Recommendation.objects.get(pk=group["existing"])
            if (recommendation.text, recommendation.cluster_id) != (group["text"], group["cluster"].pk):
                recommendation.text, recommendation.cluster = group["text"], group["cluster"]
                recommendation.save()
                counts["recommendations_updated"] += 1
        else:
            last = Recommendation.objects.order_by("-position").values_list("position", flat=True).first() or 0
            recommendation = Recommendation.objects.create(text=group["text"], cluster=group["cluster"], position=last + 1)
            counts["recommendations_created"] += 1
        for position, reference in enumerate(group["references"]):
            report, _created = Report.objects.get_or_create(symbol=reference.report)
            Reference.objects.update_or_create(
                report=report, number=reference.number,
                defaults={"recommendation": recommendation, "position": position},
            )
        for item in group["actions"]:
            action = SuggestedAction.objects.filter(
                recommendation=recommendation, addressee=item["addressee"], text=item["text"]
            ).first()
            if action is None:
                last = recommendation.actions.order_by("-position").values_list("position", flat=True).first() or 0
                action = SuggestedAction.objects.create(
                    recommendation=recommendation, addressee=item["addressee"], text=item["text"], position=last + 1,
                )
                counts["actions_created"] += 1
            action.implementing_entities.set(item["entities"])
            action.tags.set([
                Tag.objects.get_or_create(code=code, defaults={"kind": kind, "name": code})[0]
                for code, kind in item["tags"]
            ])
            if item["status"] and item["status"] != action.status:
                status_update_post(action=action, user=user, status=item["status"], note=_("Imported from a file."))
                counts["status_updates"] += 1
        recommendation_refresh_status(recommendation=recommendation)
    return counts
