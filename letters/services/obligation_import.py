"""The obligation facts from a CSV or XLSX file: declared stockpiles and mined areas, completion
declarations, article 5 extensions granted and withdrawals, all of them or none.

Every row is checked by the rule functions the forms' services run (`*_check` in
letters.services.obligations) against what is recorded plus the rows before it (an extension
needs the mined areas it extends, which may be on an earlier row of the same file; the new
deadline of "60 months" depends on the extensions before it), so the preview reads the
database a fixed number of times. Importing records each row through the services themselves,
in one transaction: any problem found then refuses the whole file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from config.services import NotAllowed
from config.tabular import (
    ImportPreview,
    Problem,
    RowProblems,
    TableRejected,
    parse_bool,
    parse_date,
    read_table,
)
from entities.access import Actor
from entities.models import State, TreatyParty
from letters import deadlines
from letters.models import DestructionKind, DestructionObligation
from letters.services.obligations import (
    CONVENTION,
    destruction_check,
    destruction_record,
    extension_check,
    extension_record,
    not_party,
    withdrawal_check,
    withdrawal_record,
)
from letters.services.reporting import row_state

__all__ = [
    "OBLIGATION_COLUMNS", "ObligationImportPlan", "ObligationImportResult", "obligations_import", "obligations_import_plan",
]

# The columns of an obligations file (the template has them all; only state and fact are required).
OBLIGATION_COLUMNS = (
    "state", "fact", "recorded_on", "completed_on", "source", "decision", "meeting", "new_deadline", "months",
    "submitted_on", "analysed_on", "decided_on", "received_on", "armed_conflict", "later_date",
)
OBLIGATION_REQUIRED = ("state", "fact")

STOCKPILES, MINED_AREAS, EXTENSION, WITHDRAWAL = "stockpiles", "mined-areas", "extension", "withdrawal"
# The columns each kind of fact reads; a value in another column is refused, not ignored.
_APPLIES = {
    STOCKPILES: {"recorded_on", "completed_on", "source"},
    MINED_AREAS: {"recorded_on", "completed_on", "source"},
    EXTENSION: {"decision", "meeting", "new_deadline", "months", "submitted_on", "analysed_on", "decided_on"},
    WITHDRAWAL: {"received_on", "armed_conflict", "later_date"},
}
_KIND = {STOCKPILES: DestructionKind.STOCKPILES, MINED_AREAS: DestructionKind.MINED_AREAS}
# Recorded in this order whatever the order of the file: an extension needs its mined areas.
_ORDER = (STOCKPILES, MINED_AREAS, EXTENSION, WITHDRAWAL)
_DATES = ("recorded_on", "completed_on", "new_deadline", "submitted_on", "analysed_on", "decided_on", "received_on", "later_date")
# The services' field names, as the file names them.
_COLUMN_OF = {"kind": "fact", "months_granted": "months"}

CREATE, CHANGE, UNCHANGED = "create", "change", "unchanged"


def _fact_labels() -> dict[str, str]:
    return {
        STOCKPILES: _("Stockpiles declared (article 4)"),
        MINED_AREAS: _("Mined areas declared (article 5)"),
        EXTENSION: _("Article 5 extension granted"),
        WITHDRAWAL: _("Withdrawal (article 20)"),
    }


def _fact(value: str) -> str:
    return value.strip().casefold().replace("_", "-").replace(" ", "-")


@dataclass
class PlannedFact:
    """One row of a valid file, as it will be recorded: plain values only (the dry run that
    computed them is rolled back)."""

    row: int
    state: str
    fact: str
    action: str
    values: dict = field(default_factory=dict)  # heading -> value, or (old, new) when changed
    values_in: dict = field(default_factory=dict)  # the row's typed values, for the services


@dataclass
class ObligationImportPlan:
    facts: list[PlannedFact]

    def count(self, action: str) -> int:
        return sum(1 for fact in self.facts if fact.action == action)

    def preview(self) -> ImportPreview:
        labels = _fact_labels()
        preview = ImportPreview(create=[], change=[], deactivate=[], unchanged=self.count(UNCHANGED))
        for fact in self.facts:
            if fact.action == UNCHANGED:
                continue
            row = {_("Row"): fact.row, _("State"): fact.state, _("Fact"): labels[fact.fact], **fact.values}
            (preview.create if fact.action == CREATE else preview.change).append(row)
        return preview


@dataclass
class ObligationImportResult:
    created: int
    changed: int
    unchanged: int


def _parse(row: dict, states: dict, found: RowProblems) -> dict | None:
    """The typed values of a row, or None when a cell cannot be read (problems in `found`)."""
    state = row_state(row["state"], states, found)
    fact = _fact(row["fact"])
    if not row["fact"]:
        found.add("fact", _("The fact is required: stockpiles, mined-areas, extension or withdrawal."))
    elif fact not in _APPLIES:
        found.add("fact", _("“%(value)s” is not a fact this file records: write stockpiles, mined-areas, extension or withdrawal.")
                  % {"value": row["fact"]})
    else:
        for column in OBLIGATION_COLUMNS:
            if column not in OBLIGATION_REQUIRED and row[column] and column not in _APPLIES[fact]:
                found.add(column, _("This column does not apply to this fact: leave it empty."))
    values: dict = {"state": state, "fact": fact}
    for column in _DATES:
        values[column] = None
        if row[column]:
            try:
                values[column] = parse_date(row[column])
            except ValueError as exc:
                found.add(column, str(exc))
    values["months"] = None
    if row["months"]:
        if row["months"].isdigit() and 1 <= int(row["months"]) <= 240:
            values["months"] = int(row["months"])
        else:
            found.add("months", _("“%(value)s” is not a period in months: write a whole number between 1 and 240, for example 60.")
                      % {"value": row["months"]})
    values["armed_conflict"] = False
    if row["armed_conflict"]:
        try:
            values["armed_conflict"] = parse_bool(row["armed_conflict"])
        except ValueError as exc:
            found.add("armed_conflict", str(exc))
    if fact == EXTENSION and not row["new_deadline"] and not row["months"]:
        found.add("new_deadline", _("Give the new deadline, or the period granted in the column months."))
    for column in ("source", "decision", "meeting"):
        values[column] = row[column]
    if len(row["source"]) > 300 or len(row["decision"]) > 300 or len(row["meeting"]) > 200:
        found.add("decision" if len(row["decision"]) > 300 else "meeting" if len(row["meeting"]) > 200 else "source",
                  _("This text is too long."))
    return None if found or state is None else values


def _changed(pairs: dict) -> dict:
    """{heading: (old, new)} for what changes, {heading: new} for the rest."""
    return {heading: (old, new) if old != new else new for heading, (old, new) in pairs.items()}


class _Recorded:
    """What is recorded for the States of a file, read in four queries, and what the rows
    before the current one would add: a row is checked as if those were already recorded."""

    def __init__(self, states: dict[str, State]):
        self.parties = {
            party.state_id: party for party in TreatyParty.objects.filter(
                treaty__short_name=CONVENTION, state__in=list(states.values()),
            ).select_related("state", "withdrawal")
        }
        self.records = {
            (record.party_id, record.kind): record
            for record in DestructionObligation.objects.filter(party__in=list(self.parties.values()))
            .select_related("party__state").prefetch_related("extensions")
        }
        self.extensions = {
            party_id: [deadlines.ExtensionFact(e.decided_on, e.new_deadline) for e in record.extensions.all()]
            for (party_id, kind), record in self.records.items() if kind == DestructionKind.MINED_AREAS
        }

    def article5_now(self, party: TreatyParty) -> dt.date | None:
        if party.entry_into_force is None or (party.pk, DestructionKind.MINED_AREAS) not in self.records:
            return None
        return deadlines.article5_deadline(party.entry_into_force, self.extensions.get(party.pk, [])).deadline


def _check(values: dict, known: _Recorded, today: dt.date) -> tuple[str, dict, dict[str, str]]:
    """What a row would do, the values to show, and its problems by field, by the rule
    functions the forms' services run (letters.services.obligations)."""
    state, fact = values["state"], values["fact"]
    party = known.parties.get(state.pk)
    if fact in _KIND:
        existing = known.records.get((party.pk, _KIND[fact])) if party else None
        recorded_on = values["recorded_on"] or (existing.recorded_on if existing else None)
        source = values["source"] or (existing.source if existing else "")
        values.update(recorded_on=recorded_on, source=source)
        shown = {_("Declared on"): recorded_on, _("Completion declared on"): values["completed_on"], _("Source"): source}
        if existing is not None and (existing.recorded_on, existing.completed_on, existing.source) == (
            recorded_on, values["completed_on"], source,
        ):
            return UNCHANGED, shown, {}
        problems = destruction_check(state=state, party=party, kind=_KIND[fact], recorded_on=recorded_on,
                                     completed_on=values["completed_on"], today=today)
        if problems:
            return "", {}, problems
        if existing is None:
            known.records[(party.pk, _KIND[fact])] = DestructionObligation(party=party, kind=_KIND[fact], recorded_on=recorded_on)
            return CREATE, shown, {}
        return CHANGE, _changed({
            _("Declared on"): (existing.recorded_on, recorded_on),
            _("Completion declared on"): (existing.completed_on, values["completed_on"]),
            _("Source"): (existing.source, source),
        }), {}
    if party is None:
        return "", {}, {"state": not_party(state)}
    if fact == EXTENSION:
        obligation = known.records.get((party.pk, DestructionKind.MINED_AREAS))
        recorded = list(obligation.extensions.all()) if obligation is not None and obligation.pk else []
        # The same extension imported again (the same file twice) changes nothing, rather than
        # being refused, or extended once more when only its period is given.
        if any(e.new_deadline == values["new_deadline"] if values["new_deadline"]
               else (e.decision, e.months_granted) == (values["decision"].strip(), values["months"]) for e in recorded):
            return UNCHANGED, {}, {}
        current = known.article5_now(party)
        new_deadline = values["new_deadline"]
        if new_deadline is None and values["months"] and current:
            new_deadline = deadlines.add_months(current, values["months"])
        problems = extension_check(
            state=state, obligation=obligation, current_deadline=current, new_deadline=new_deadline,
            decision=values["decision"], submitted_on=values["submitted_on"], analysed_on=values["analysed_on"],
            decided_on=values["decided_on"], today=today,
        )
        if problems:
            if "new_deadline" in problems and not values["new_deadline"] and values["months"]:
                problems["months"] = problems.pop("new_deadline")
            return "", {}, problems
        known.extensions.setdefault(party.pk, []).append(deadlines.ExtensionFact(values["decided_on"], new_deadline))
        return CREATE, {_("New deadline"): new_deadline, _("Decision"): values["decision"].strip()}, {}
    existing = getattr(party, "withdrawal", None)
    problems = withdrawal_check(state=state, party=party, received_on=values["received_on"],
                                armed_conflict=values["armed_conflict"], later_date=values["later_date"], today=today)
    if problems:
        return "", {}, problems
    effective = deadlines.withdrawal_effective(values["received_on"], values["later_date"] if values["armed_conflict"] else None)
    if existing is None:
        return CREATE, {_("Instrument received on"): values["received_on"], _("Takes effect on"): effective}, {}
    if (existing.received_on, existing.armed_conflict, existing.effective_on) == (
        values["received_on"], values["armed_conflict"], effective,
    ):
        return UNCHANGED, {}, {}
    return CHANGE, _changed({
        _("Instrument received on"): (existing.received_on, values["received_on"]),
        _("Takes effect on"): (existing.effective_on, effective),
    }), {}


def _problems_of(found: dict[str, str] | dict[str, list[str]], row: int) -> list[Problem]:
    problems = []
    for name, messages in found.items():
        column = _COLUMN_OF.get(name, name)
        for message in [messages] if isinstance(messages, str) else messages:
            problems.append(Problem(row, column if column in OBLIGATION_COLUMNS else None, message))
    return problems


def _plan(*, content: bytes, filename: str, today: dt.date) -> ObligationImportPlan:
    """Reads and checks a whole file against what is recorded; writes nothing. Six queries,
    whatever the number of rows."""
    rows = read_table(content, filename=filename, columns=OBLIGATION_COLUMNS, required=OBLIGATION_REQUIRED)
    codes = {countries.alpha2(row["state"].upper()) for row in rows if row["state"]} - {""}
    states = {state.code.code: state for state in State.objects.filter(code__in=codes)}
    problems: list[Problem] = []
    parsed: list[tuple[int, dict]] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        found = RowProblems(row["_row"])
        values = _parse(row, states, found)
        if values is not None and values["fact"] != EXTENSION:
            # One declaration of each kind and one withdrawal per State: a second row would
            # silently overwrite the first.
            key = (values["state"].pk, values["fact"])
            if key in seen:
                found.add("state", _("This fact is already on row %(row)s.") % {"row": seen[key]})
            seen.setdefault(key, row["_row"])
        problems.extend(found)
        if not found and values is not None:
            parsed.append((row["_row"], values))
    known = _Recorded(states)
    planned: list[PlannedFact] = []
    for number, values in sorted(parsed, key=lambda item: (_ORDER.index(item[1]["fact"]), item[0])):
        action, shown, found = _check(values, known, today)
        if found:
            problems += _problems_of(found, number)
        else:
            planned.append(PlannedFact(number, values["state"].name, values["fact"], action, shown, values))
    if problems:
        raise TableRejected(sorted(problems, key=lambda problem: problem.row or 0))
    return ObligationImportPlan(planned)


def obligations_import_plan(*, actor: Actor, content: bytes, filename: str, today: dt.date | None = None) -> ObligationImportPlan:
    """What a file would record; writes nothing. Raises TableRejected listing every problem
    with its row and column."""
    if not actor.is_isu_staff:
        raise NotAllowed
    return _plan(content=content, filename=filename, today=today or timezone.localdate())


@transaction.atomic
def obligations_import(
    *, actor: Actor, content: bytes, filename: str, user=None, today: dt.date | None = None,
) -> ObligationImportResult:
    """Records a whole obligations file, or nothing, through the services the forms use, in
    the plan's order (declarations before the extensions that need them). The file is checked
    again here, against what is recorded now: the preview staff saw may be minutes old."""
    if not actor.is_isu_staff:
        raise NotAllowed
    today = today or timezone.localdate()
    plan = _plan(content=content, filename=filename, today=today)
    for fact in sorted(plan.facts, key=lambda fact: (_ORDER.index(fact.fact), fact.row)):
        if fact.action == UNCHANGED:
            continue
        values = fact.values_in
        try:
            if fact.fact in _KIND:
                destruction_record(actor=actor, state=values["state"], kind=_KIND[fact.fact], recorded_on=values["recorded_on"],
                                   completed_on=values["completed_on"], source=values["source"], user=user, today=today)
            elif fact.fact == EXTENSION:
                extension_record(
                    actor=actor, state=values["state"], decision=values["decision"], new_deadline=values["new_deadline"],
                    months_granted=values["months"], meeting=values["meeting"], submitted_on=values["submitted_on"],
                    analysed_on=values["analysed_on"], decided_on=values["decided_on"], user=user, today=today,
                )
            else:
                withdrawal_record(actor=actor, state=values["state"], received_on=values["received_on"],
                                  armed_conflict=values["armed_conflict"], later_date=values["later_date"], user=user, today=today)
        except ValidationError as exc:
            # Recorded meanwhile by someone else: the whole file is refused, as at the preview.
            raise TableRejected(_problems_of(exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}, fact.row)) from None
    return ObligationImportResult(created=plan.count(CREATE), changed=plan.count(CHANGE), unchanged=plan.count(UNCHANGED))
