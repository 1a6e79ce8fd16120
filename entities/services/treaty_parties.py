"""Writes of the registry that carry rules.

`treaty_parties_import` loads the depositary's list of States Parties from a CSV or XLSX file,
read by `config.tabular` like every other import: every row is checked first, and one bad row
means nothing is written (the caller gets every problem, with its row and column). Format:
docs/entities.md.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries

from config.tabular import Problem, RowProblems, TableRejected, read_table

from ..models import State, Treaty, TreatyParty
from ..seed.reference import country_code_by_name, m49_area

TREATY_PARTY_COLUMNS = ("iso_code", "country", "consent_to_be_bound", "entry_into_force")
COUNTRY_COLUMNS = ("iso_code", "country")
DATE_COLUMNS = ("consent_to_be_bound", "entry_into_force")
# The depositary writes "9 Jun 1998"; staff retyping it write 1998-06-09 or 09/06/1998.
DATE_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%d/%m/%Y")
MAX_ROWS = 1000
TEMPLATE_ROWS = [
    TREATY_PARTY_COLUMNS,
    ("XX", "(an ISO 3166 code or a country name; one of the two is enough)", "YYYY-MM-DD", "YYYY-MM-DD"),
]


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    demo_removed: int = 0
    states_added: list[str] = field(default_factory=list)


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


def _parse_row(record: dict, seen: dict[str, int], problems: list[Problem]) -> ParsedRow | None:
    """The checked row, or None with its problems added to `problems`."""
    found = RowProblems(record["_row"])
    code = country_code(record["iso_code"]) or country_code(record["country"])
    if not code:
        given = record["iso_code"] or record["country"]
        found.add("iso_code", _("Unknown country: “%(value)s”.") % {"value": given})
    elif code in seen:
        found.add("iso_code", _("%(code)s is already on row %(row)d.") % {"code": code, "row": seen[code]})
    else:
        seen[code] = found.row
    dates: dict[str, dt.date | None] = {}
    for column in DATE_COLUMNS:
        value = record[column]
        dates[column] = None
        if not value:
            if column == "consent_to_be_bound":
                found.add(column, _("A date is required."))
            continue
        try:
            dates[column] = parse_date(value)
        except ValueError:
            found.add(column, _("Not a date (use YYYY-MM-DD): “%(value)s”.") % {"value": value})
    consent, in_force = dates["consent_to_be_bound"], dates["entry_into_force"]
    if consent and in_force and in_force < consent:
        found.add("entry_into_force", _("Entry into force is before consent to be bound."))
    problems.extend(found)
    if found:
        return None
    return ParsedRow(found.row, code, consent, in_force)


def treaty_parties_read(*, content: bytes, filename: str) -> list[ParsedRow]:
    """Reads and checks the whole file, writing nothing; raises TableRejected listing every problem."""
    records = read_table(
        content, filename=filename, columns=TREATY_PARTY_COLUMNS, required=("consent_to_be_bound",), max_rows=MAX_ROWS,
    )
    if not records:
        raise TableRejected([Problem(None, None, _("The file has no rows."))])
    # read_table fills an absent column with "", so a file with neither country column shows
    # as one whose country cells are all empty: one problem for the file, not one per row.
    if not any(record[column] for record in records for column in COUNTRY_COLUMNS):
        raise TableRejected([Problem(1, None, _(
            "The first row needs an iso_code column or a country column (one of the two is enough), "
            "and each row a State in it."
        ))])
    seen: dict[str, int] = {}
    problems: list[Problem] = []
    parsed = [row for record in records if (row := _parse_row(record, seen, problems)) is not None]
    if problems:
        raise TableRejected(problems)
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
def treaty_parties_import(*, treaty: Treaty, content: bytes, filename: str, remove_demo: bool = False) -> ImportResult:
    rows = treaty_parties_read(content=content, filename=filename)
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
