"""Extracts the CASA project (`data/seed/partnerships.json`) from casa-2009-project-proposal.txt.

The proposal's fields, objectives, budget lines, total indicative pledges and funding gap are
read from the text (the extraction stops with a message if the text no longer says what is
expected), each with the lines it was read from. Budget lines 150,000 + 50,000 + 26,000 =
226,000 USD, total indicative pledges 40,700, funding gap 185,300. The document names no donor
for the pledges, so they are written as one pledge described as "Total indicative pledges
(donors not named in the source)" rather than attributed to anyone. Amounts are strings, so
no decimal is ever rounded through a float.
"""

import datetime as dt
import re
from decimal import Decimal

from entities.seed.documents import CASA, SeedDocument, SeedDocuments

from ..choices import PledgeStatus

TITLE = "The UN Coordinating Action on Small Arms (CASA mechanism)"
UNNAMED_PLEDGES = "Total indicative pledges (donors not named in the source)"
DOCUMENT_TITLE = "project proposal, 2009"


class SeedTextError(ValueError):
    pass


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def _search(document: SeedDocument, pattern: str, what: str, flags: int = 0) -> re.Match:
    match = re.search(pattern, document.text, flags)
    if not match:
        raise SeedTextError(f"{document.name}: {what} not found")
    return match


def _field(document: SeedDocument, label: str) -> tuple[str, int]:
    match = _search(document, rf"^{re.escape(label)}:\s*(.+?)\s*$", f"“{label}:”", re.MULTILINE)
    return match.group(1), _line(document.text, match.start())


def _amount(document: SeedDocument, pattern: str, what: str) -> tuple[Decimal, int]:
    match = _search(document, pattern, what)
    return Decimal(match.group(1).replace(",", "")), _line(document.text, match.start(1))


def _stripped_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """First and last line of text[start:end] that hold more than spaces."""
    chunk = text[start:end]
    first = start + len(chunk) - len(chunk.lstrip())
    last = start + len(chunk.rstrip()) - 1
    return _line(text, first), _line(text, last)


def _month(value: str, *, end: bool) -> dt.date:
    first = dt.datetime.strptime(value.strip(), "%B %Y").date()
    if not end:
        return first
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return following - dt.timedelta(days=1)


def parse(document: SeedDocument) -> dict:
    """The project as the proposal states it, with the line of each fact."""
    text = document.text
    timeframe, _line_number = _field(document, "Proposed timeframe")
    start, finish = re.split(r"\s+[–-]\s+", timeframe)
    objectives = _search(
        document, r"^OBJECTIVES\s*$(.+?)^CONTENT AND DESIGN\s*$", "OBJECTIVES section", re.MULTILINE | re.DOTALL,
    )
    lines = list(re.finditer(r"•\s*(.+?)\t\s*([\d,]+)\s*$", text, re.MULTILINE))
    if not lines:
        raise SeedTextError(f"{document.name}: budget items not found")
    currency = re.search(r"IN US\\?\$", text)
    if not currency:
        raise SeedTextError(f"{document.name}: budget currency (US$) not found")
    labels = ("Disarmament focus", "Project manager", "Contact", "Geographical focus")
    fields = {label: _field(document, label) for label in labels}
    total, total_line = _amount(document, r"TOTAL BUDGET REQUIRED\s+([\d,]+)", "total budget")
    pledges, pledges_line = _amount(document, r"TOTAL INDICATIVE PLEDGES\D*\(([\d,]+)\)", "total indicative pledges")
    gap, gap_line = _amount(document, r"FUNDING GAP\D*([\d,]+)", "funding gap")
    budget_lines = [
        (match.group(1).strip(), Decimal(match.group(2).replace(",", "")), _line(text, match.start())) for match in lines
    ]
    if sum(amount for _label, amount, _line_number in budget_lines) != total:
        raise SeedTextError(f"{document.name}: budget lines do not add up to the total budget required")
    if total - pledges != gap:
        raise SeedTextError(f"{document.name}: the budget less the pledges is not the stated funding gap")
    title = _search(document, r"^PROJECT:", "the project's title", re.MULTILINE)
    objective_lines = [line.strip() for line in objectives.group(1).strip().splitlines() if line.strip()]
    return {
        "fields": {
            "focus": fields["Disarmament focus"][0],
            "managers": fields["Project manager"][0],
            "contact": fields["Contact"][0],
            "starts_on": _month(start, end=False),
            "ends_on": _month(finish, end=True),
            "geographic_focus": fields["Geographical focus"][0],
            "objectives": "\n".join(objective_lines),
        },
        "objectives_lines": _stripped_lines(text, objectives.start(1), objectives.end(1)),
        "currency_line": _line(text, currency.start()),
        "title_line": _line(text, title.start()),
        "budget_lines": budget_lines,
        "total": (total, total_line),
        "pledges": (pledges, pledges_line),
        "gap": (gap, gap_line),
    }


def extract(documents: SeedDocuments) -> dict:
    parsed = parse(documents[CASA])
    fields = parsed["fields"]
    _objectives_first, objectives_last = parsed["objectives_lines"]
    cite = documents.cite_lines
    project = {
        "title": TITLE,
        **{name: value.isoformat() if isinstance(value, dt.date) else value for name, value in fields.items()},
        "currency": "USD",
        "source": cite(CASA, parsed["title_line"], objectives_last, place="title, project fields and objectives"),
        "budget_lines": [
            {"order": order, "label": label, "amount": str(amount), "source": cite(CASA, line, line, place="budget items")}
            for order, (label, amount, line) in enumerate(parsed["budget_lines"], start=1)
        ],
        "pledges": [
            {
                "donor_description": UNNAMED_PLEDGES, "status": str(PledgeStatus.INDICATIVE),
                "amount": str(parsed["pledges"][0]), "currency": "USD",
                "source": cite(CASA, parsed["pledges"][1], parsed["pledges"][1], place="total indicative pledges"),
            },
        ],
        "stated_totals": {
            "budget": str(parsed["total"][0]),
            "pledged": str(parsed["pledges"][0]),
            "funding_gap": str(parsed["gap"][0]),
            "source": cite(CASA, parsed["currency_line"], parsed["gap"][1], place="budget table"),
        },
    }
    return {
        "documents": {
            CASA: {"title": DOCUMENT_TITLE, "source": documents.cite(CASA, "PROJECT: THE UN COORDINATING ACTION ON SMALL ARMS")},
        },
        "projects": [project],
    }
