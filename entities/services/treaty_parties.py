"""Writes of the registry that carry rules.

`treaty_parties_import` loads the depositary's list of States Parties from CSV: every row is
validated first, and one bad row means nothing is written (the caller gets every problem,
with its row number). Format: docs/entities.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from ..models import State, Treaty, TreatyParty
from ..seed.reference import country_code_by_name, m49_area

COUNTRY_COLUMNS = ("iso_code", "country")
DATE_COLUMNS = ("consent_to_be_bound", "entry_into_force")
DATE_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d/%m/%Y")
MAX_ROWS = 1000
TEMPLATE_ROWS = [
    ("iso_code", "country", "consent_to_be_bound", "entry_into_force"),
    ("XX", "(an ISO 3166 code or a country name; one of the two is enough)", "YYYY-MM-DD", "YYYY-MM-DD"),
]


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1 is the header line, as in a spreadsheet
    column: str
    reason: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    demo_removed: int = 0
    states_added: list[str] = field(default_factory=list)


class ImportRejected(Exception):
    def __init__(self, problems: list[RowProblem]):
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


@dataclass(frozen=True)
class ParsedRow:
    row: int
    code: str
    consent_to_be_bound: dt.date
    entry_into_force: dt.date | None


def country_code(text: str) -> str:
    """An ISO 3166-1 alpha-2 code for a code (alpha-2 or alpha-3) or a country name, or ""."""
    text = text.strip()
    if not text:
        return ""
    if len(text) in (2, 3) and text.isalpha():
        return countries.alpha2(text.upper()) or ""
    code = countries.by_name(text) or countries.by_name(text, language="en")
    if code:
        return code
    # UN forms ("Republic of Moldova"), official names, and names typed without accents.
    found = country_code_by_name(text)
    return found if countries.alpha2(found) else ""


def parse_date(text: str) -> dt.date:
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_treaty_parties_csv(content: str) -> list[ParsedRow]:
    """Validates the whole file; raises ImportRejected listing every problem."""
    reader = csv.DictReader(io.StringIO(content))
    header = [name.strip().lower() for name in (reader.fieldnames or [])]
    reader.fieldnames = header
    problems: list[RowProblem] = []
    if not any(column in header for column in COUNTRY_COLUMNS):
        problems.append(RowProblem(1, "iso_code", _("The header needs an iso_code or a country column.")))
    if "consent_to_be_bound" not in header:
        problems.append(RowProblem(1, "consent_to_be_bound", _("The header needs a consent_to_be_bound column.")))
    if problems:
        raise ImportRejected(problems)

    parsed: list[ParsedRow] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            problems.append(RowProblem(number, "", _("More than %(max)d rows.") % {"max": MAX_ROWS}))
            break
        row = {key: (value or "").strip() for key, value in raw.items() if key}
        if not any(row.values()):
            continue
        code = country_code(row.get("iso_code", "")) or country_code(row.get("country", ""))
        if not code:
            given = row.get("iso_code") or row.get("country") or ""
            problems.append(RowProblem(number, "iso_code", _("Unknown country: “%(value)s”.") % {"value": given}))
        elif code in seen:
            problems.append(RowProblem(number, "iso_code", _("%(code)s is already on row %(row)d.") % {"code": code, "row": seen[code]}))
        else:
            seen[code] = number
        dates: dict[str, dt.date | None] = {}
        for column in DATE_COLUMNS:
            value = row.get(column, "")
            if not value:
                dates[column] = None
                if column == "consent_to_be_bound":
                    problems.append(RowProblem(number, column, _("A date is required.")))
                continue
            try:
                dates[column] = parse_date(value)
            except ValueError:
                problems.append(RowProblem(number, column, _("Not a date (use YYYY-MM-DD): “%(value)s”.") % {"value": value}))
        consent, in_force = dates.get("consent_to_be_bound"), dates.get("entry_into_force")
        if consent and in_force and in_force < consent:
            problems.append(RowProblem(number, "entry_into_force", _("Entry into force is before consent to be bound.")))
        if code and consent and not problems:
            parsed.append(ParsedRow(number, code, consent, in_force))
    if problems:
        raise ImportRejected(problems)
    if not parsed:
        raise ImportRejected([RowProblem(2, "", _("The file has no rows."))])
    return parsed


def state_for_import(code: str, added: list[str]) -> State:
    """The State, created when the code is a State outside the 193 (e.g. a non-member party)."""
    state = State.objects.filter(code=code).first()
    if state is not None:
        return state
    region, subregion = m49_area(code)
    added.append(code)
    return State.objects.create(code=code, is_un_member=False, region=region, subregion=subregion)


@transaction.atomic
def treaty_parties_import(*, treaty: Treaty, content: str, remove_demo: bool = False) -> ImportResult:
    rows = parse_treaty_parties_csv(content)
    result = ImportResult()
    for row in rows:
        state = state_for_import(row.code, result.states_added)
        values = {"consent_to_be_bound": row.consent_to_be_bound, "entry_into_force": row.entry_into_force, "is_demo": False}
        party = TreatyParty.objects.filter(treaty=treaty, state=state).first()
        if party is None:
            TreatyParty.objects.create(treaty=treaty, state=state, **values)
            result.created += 1
        elif any(getattr(party, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(party, name, value)
            party.save()
            result.updated += 1
        else:
            result.unchanged += 1
    if remove_demo:
        for party in TreatyParty.objects.filter(treaty=treaty, is_demo=True):
            party.delete()  # one by one, so each removal is in the history
            result.demo_removed += 1
    return result
