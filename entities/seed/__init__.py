"""Real seed data of the registry, loaded from the committed files (no document is read).

`data/seed/entities.json` (extracted from the five documents by `extract.py`): every UN entity
and organisation the documents name, the other names they use for an entity, the three
addressee groups of annex I, the Anti-Personnel Mine Ban Convention and its article 7
deadline. `data/reference/` (facts from outside the documents, sources in its README): the 193
UN Member States, entities the documents do not name but renames point at, renames and
closures, the treaty's dates and the 180-day initial report. States Parties are NOT loaded:
the documents do not list them (see entities/demo.py and the CSV import).

Idempotent: a record is only saved when a value differs, so a second run writes nothing
(and adds no history rows). docs/entities.md and data/seed/README.md describe the data.
"""

from __future__ import annotations

from ..loading import Counter, in_english, read_seed_data, upsert
from ..models import (
    AddresseeGroup,
    Entity,
    EntityName,
    Organisation,
    ReportingObligation,
    State,
    Treaty,
)
from .facts import CASA_PARTICIPANTS, COMMITTEE_MEMBER_STATES, IED_TASK_FORCE_PARTICIPANTS
from .names import load_official_names
from .reference import (
    M49_REGION,
    REGIONS,
    ReferenceDataError,
    entity_changes,
    initial_report_days,
    member_state_rows,
    treaty_dates,
    un_entities,
)

__all__ = [
    "CASA_PARTICIPANTS",
    "COMMITTEE_MEMBER_STATES",
    "IED_TASK_FORCE_PARTICIPANTS",
    "M49_REGION",
    "REGIONS",
    "Counter",
    "load",
    "member_state_rows",
    "upsert",
]


def _in_dependency_order(records: list[dict]) -> list[dict]:
    """Records with each parent and successor before the entities that point at it."""
    by_acronym = {record["acronym"]: record for record in records}
    ordered: list[dict] = []
    placed: set[str] = set()

    def place(acronym: str, pointed_from: tuple[str, ...] = ()) -> None:
        if acronym in placed:
            return
        if acronym not in by_acronym:
            raise ReferenceDataError(f"entity {acronym!r}, named by {pointed_from[-1]}, is in no seed or reference file")
        if acronym in pointed_from:
            raise ReferenceDataError(f"entities point at each other in a circle: {' -> '.join(pointed_from)}")
        record = by_acronym[acronym]
        for other in (record["parent"], record["successor"]):
            if other:
                place(other, (*pointed_from, acronym))
        placed.add(acronym)
        ordered.append(record)

    for record in records:
        place(record["acronym"])
    return ordered


def load_entities(records: list[dict], counter: Counter) -> dict[str, Entity]:
    changes = entity_changes()
    merged = [
        {**record, **changes.get(record["acronym"], {"is_active": True, "successor": None, "succeeded_on": None})}
        for record in [*records, *un_entities()]
    ]
    unknown = set(changes) - {record["acronym"] for record in merged}
    if unknown:
        raise ReferenceDataError(f"un-entity-changes.csv names entities that are not loaded: {', '.join(sorted(unknown))}")
    by_acronym: dict[str, Entity] = {}
    for record in _in_dependency_order(merged):
        by_acronym[record["acronym"]] = upsert(
            Entity, counter, {"acronym": record["acronym"]},
            {
                "name": record["name"],
                "kind": record["kind"],
                "is_active": record["is_active"],
                "parent": by_acronym[record["parent"]] if record["parent"] else None,
                "successor": by_acronym[record["successor"]] if record["successor"] else None,
                "succeeded_on": record["succeeded_on"],
            },
        )
    for record in records:
        for other in record["other_names"]:
            upsert(EntityName, counter, {"name": other["name"]}, {"entity": by_acronym[record["acronym"]]})
    return by_acronym


def load_states(counter: Counter) -> None:
    for row in member_state_rows():
        facts = {key: value for key, value in row.items() if key != "code"}
        upsert(State, counter, {"code": row["code"]}, {"is_un_member": True, **facts})


def load_treaties(data: dict, counter: Counter) -> None:
    dates, days = treaty_dates(), initial_report_days()
    treaties = {}
    for record in data["treaties"]:
        if record["short_name"] not in dates:
            raise ReferenceDataError(f"treaties.csv has no dates for {record['short_name']}")
        treaties[record["short_name"]] = upsert(
            Treaty, counter, {"short_name": record["short_name"]}, {"name": record["name"], **dates[record["short_name"]]},
        )
    for record in data["reporting_obligations"]:
        key = (record["treaty"], record["code"])
        if key not in days:
            raise ReferenceDataError(f"reporting-obligations.csv has no initial report period for {' '.join(key)}")
        upsert(
            ReportingObligation, counter, {"treaty": treaties[record["treaty"]], "code": record["code"]},
            {
                "name": record["name"],
                "article": record["article"],
                "initial_report_days": days[key],
                "annual_due_month": record["annual_due_month"],
                "annual_due_day": record["annual_due_day"],
            },
        )


@in_english
def load(*, stdout, **options) -> None:
    data = read_seed_data("entities")

    counter = Counter()
    entities = load_entities(data["entities"], counter)
    stdout.write(f"entities: {len(entities)} UN entities and their other names ({counter})\n")

    counter = Counter()
    for record in data["organisations"]:
        upsert(Organisation, counter, {"name": record["name"]}, {"acronym": record["acronym"], "kind": record["kind"]})
    for record in data["addressee_groups"]:
        upsert(
            AddresseeGroup, counter, {"slug": record["slug"]},
            {"name": record["name"], "entity": entities.get(record["entity"])},
        )
    organisations, groups = len(data["organisations"]), len(data["addressee_groups"])
    stdout.write(f"entities: {organisations} organisations, {groups} addressee groups ({counter})\n")

    counter = Counter()
    load_states(counter)
    stdout.write(f"entities: {State.objects.filter(is_un_member=True).count()} UN Member States ({counter})\n")

    counter = Counter()
    load_treaties(data, counter)
    stdout.write(
        f"entities: the APMBC and its article 7 reporting obligation ({counter}); "
        "States Parties are not in the seed documents and are not loaded\n"
    )

    counter = Counter()
    for model in (Entity, Organisation, AddresseeGroup, Treaty, ReportingObligation):
        load_official_names(model, counter)
    stdout.write(f"entities: official French and Spanish names ({counter})\n")
