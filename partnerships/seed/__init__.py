"""Real data: the CASA project of the 2009 proposal, with its budget and pledges, loaded from
`data/seed/partnerships.json` (no document is read; `extract.py` writes the file from the
proposal with the CASA budget parser).

The loader checks the data as it goes: the budget lines add up to the stated total, and the
gap computed from lines and pledges equals the proposal's own. Owner: the CASA mechanism
(created by taskforce/seed, which runs first) or else UNODA, which chairs CASA. Idempotent:
a row is saved only when a value differs, so a second run adds no history.
"""

import datetime as dt
from decimal import Decimal

from entities.loading import Counter, read_seed_data, upsert
from entities.models import Entity

from ..models import BudgetLine, Pledge, Project
from ..selectors.funding import with_totals
from .extract import TITLE, UNNAMED_PLEDGES, SeedTextError

__all__ = ["TITLE", "UNNAMED_PLEDGES", "SeedTextError", "load"]

PROJECT_FIELDS = ("managers", "contact", "focus", "geographic_focus", "objectives", "currency")


def _owner() -> dict:
    from taskforce.models import Mechanism

    mechanism = Mechanism.objects.filter(acronym="CASA").first()
    if mechanism:
        return {"owner_mechanism": mechanism, "owner_entity": None}
    unoda = Entity.objects.filter(acronym="UNODA").first()
    if unoda is None:
        raise SeedTextError("Neither the CASA mechanism nor UNODA exists: load the entities and taskforce seeds first.")
    return {"owner_mechanism": None, "owner_entity": unoda}


def _source(data: dict, citation: dict) -> str:
    return f"{citation['document']} — {data['documents'][citation['document']]['title']}"


def load_project(data: dict, record: dict, *, stdout) -> None:
    stated = record["stated_totals"]
    if sum(Decimal(line["amount"]) for line in record["budget_lines"]) != Decimal(stated["budget"]):
        raise SeedTextError(f"{record['title']}: budget lines do not add up to the total budget required")
    counter = Counter()
    project = upsert(Project, counter, {"title": record["title"]}, {
        **_owner(), **{name: record[name] for name in PROJECT_FIELDS},
        "starts_on": dt.date.fromisoformat(record["starts_on"]), "ends_on": dt.date.fromisoformat(record["ends_on"]),
        "source": _source(data, record["source"]), "is_demo": False,
    })
    state = "created" if counter.created else "updated" if counter.updated else "up to date"
    for line in record["budget_lines"]:
        upsert(
            BudgetLine, counter, {"project": project, "label": line["label"]},
            {"amount": Decimal(line["amount"]), "order": line["order"]},
        )
    for pledge in record["pledges"]:
        upsert(
            Pledge, counter,
            {"project": project, "donor_description": pledge["donor_description"], "status": pledge["status"]},
            {"amount": Decimal(pledge["amount"]), "currency": pledge["currency"]},
        )
    totals = with_totals(Project.objects.filter(pk=project.pk)).get()
    if totals.funding_gap != Decimal(stated["funding_gap"]):
        raise SeedTextError(
            f"{record['title']}: computed gap {totals.funding_gap} differs from the stated {stated['funding_gap']}"
        )
    stdout.write(
        f"partnerships: CASA project {state} — budget {totals.budget_total:,.0f}, "
        f"pledged {totals.pledged_total:,.0f}, gap {totals.funding_gap:,.0f} {project.currency}\n"
    )


def load(*, stdout, **options) -> None:
    data = read_seed_data("partnerships")
    for record in data["projects"]:
        load_project(data, record, stdout=stdout)
