"""Real data: the CASA project of casa-2009-project-proposal.txt, with its budget and pledges.

Values are read from the document (and the loader stops with a message if the text no longer
says what is expected): budget lines 150,000 + 50,000 + 26,000 = 226,000 USD, total indicative
pledges 40,700, funding gap 185,300. The document names no donor for the pledges, so they are
stored as one pledge described as "Total indicative pledges (donors not named in the source)"
rather than attributed to anyone. The gap is computed and checked against the document's own.
Owner: the CASA mechanism (created by taskforce/seed.py, which runs first) or else UNODA, which
chairs CASA. Idempotent.
"""

import datetime as dt
import re
from decimal import Decimal

from entities.loading import seeds_dir as find_seeds_dir
from entities.models import Entity

from .choices import PledgeStatus
from .funding import with_totals
from .models import BudgetLine, Pledge, Project

SEED_FILE = "casa-2009-project-proposal.txt"
TITLE = "The UN Coordinating Action on Small Arms (CASA mechanism)"
SOURCE = f"{SEED_FILE} — project proposal, 2009"
UNNAMED_PLEDGES = "Total indicative pledges (donors not named in the source)"


class SeedTextError(ValueError):
    pass


def _field(text: str, label: str) -> str:
    match = re.search(rf"^{re.escape(label)}:\s*(.+?)\s*$", text, re.MULTILINE)
    if not match:
        raise SeedTextError(f"{SEED_FILE}: “{label}:” not found")
    return match.group(1)


def _amount(text: str, pattern: str, what: str) -> Decimal:
    match = re.search(pattern, text)
    if not match:
        raise SeedTextError(f"{SEED_FILE}: {what} not found")
    return Decimal(match.group(1).replace(",", ""))


def _month(value: str, *, end: bool) -> dt.date:
    first = dt.datetime.strptime(value.strip(), "%B %Y").date()
    if not end:
        return first
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def parse(text: str) -> dict:
    start, finish = re.split(r"\s+[–-]\s+", _field(text, "Proposed timeframe"))
    objectives = re.search(r"^OBJECTIVES\s*$(.+?)^CONTENT AND DESIGN\s*$", text, re.MULTILINE | re.DOTALL)
    if not objectives:
        raise SeedTextError(f"{SEED_FILE}: OBJECTIVES section not found")
    lines = re.findall(r"•\s*(.+?)\t\s*([\d,]+)\s*$", text, re.MULTILINE)
    if not lines:
        raise SeedTextError(f"{SEED_FILE}: budget items not found")
    if "IN US$" not in text and "IN US\\$" not in text:
        raise SeedTextError(f"{SEED_FILE}: budget currency (US$) not found")
    return {
        "focus": _field(text, "Disarmament focus"),
        "managers": _field(text, "Project manager"),
        "contact": _field(text, "Contact"),
        "starts_on": _month(start, end=False),
        "ends_on": _month(finish, end=True),
        "geographic_focus": _field(text, "Geographical focus"),
        "objectives": "\n".join(line.strip() for line in objectives.group(1).strip().splitlines() if line.strip()),
        "budget_lines": [(label.strip(), Decimal(amount.replace(",", ""))) for label, amount in lines],
        "total": _amount(text, r"TOTAL BUDGET REQUIRED\s+([\d,]+)", "total budget"),
        "pledges": _amount(text, r"TOTAL INDICATIVE PLEDGES\D*\(([\d,]+)\)", "total indicative pledges"),
        "gap": _amount(text, r"FUNDING GAP\D*([\d,]+)", "funding gap"),
        "currency": "USD",
    }


def _owner() -> dict:
    from taskforce.models import Mechanism

    mechanism = Mechanism.objects.filter(acronym="CASA").first()
    if mechanism:
        return {"owner_mechanism": mechanism, "owner_entity": None}
    unoda = Entity.objects.filter(acronym="UNODA").first()
    if unoda is None:
        raise SeedTextError("Neither the CASA mechanism nor UNODA exists: load the entities and taskforce seeds first.")
    return {"owner_mechanism": None, "owner_entity": unoda}


def load(*, stdout, seeds_dir=None, **options) -> None:
    data = parse((find_seeds_dir(seeds_dir) / SEED_FILE).read_text(encoding="utf-8"))
    if sum(amount for _label, amount in data["budget_lines"]) != data["total"]:
        raise SeedTextError(f"{SEED_FILE}: budget lines do not add up to the total budget required")
    project, created = Project.objects.update_or_create(
        title=TITLE,
        defaults={
            **_owner(), "managers": data["managers"], "contact": data["contact"], "focus": data["focus"],
            "starts_on": data["starts_on"], "ends_on": data["ends_on"], "geographic_focus": data["geographic_focus"],
            "objectives": data["objectives"], "currency": data["currency"], "source": SOURCE, "is_demo": False,
        },
    )
    for order, (label, amount) in enumerate(data["budget_lines"], start=1):
        BudgetLine.objects.update_or_create(project=project, label=label, defaults={"amount": amount, "order": order})
    Pledge.objects.update_or_create(
        project=project, donor_description=UNNAMED_PLEDGES, status=PledgeStatus.INDICATIVE,
        defaults={"amount": data["pledges"], "currency": data["currency"]},
    )
    totals = with_totals(Project.objects.filter(pk=project.pk)).get()
    if totals.funding_gap != data["gap"]:
        raise SeedTextError(f"{SEED_FILE}: computed gap {totals.funding_gap} differs from the stated {data['gap']}")
    stdout.write(
        f"partnerships: CASA project {'created' if created else 'up to date'} — budget {totals.budget_total:,.0f}, "
        f"pledged {totals.pledged_total:,.0f}, gap {totals.funding_gap:,.0f} {project.currency}\n"
    )
