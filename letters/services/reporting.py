"""Recording that a State's report was received, one at a time or from a file.

The rules of a report (State Party, dates, year covered, link) are in `report_check`, used by
the form, the file import and the command alike. An import checks every row before writing
anything and writes all of it or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_countries import countries

from config.dates import EARLIEST
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
from entities.models import ReportingObligation, State, TreatyParty
from letters.access import can_record_report
from letters.models import ReportKind, ReportSubmission

# The columns of a reports file, in and out (template, export and import are the same).
REPORT_COLUMNS = ("state", "year", "initial", "received_on", "link")
REPORT_REQUIRED = ("state", "received_on")
# A day of grace: a report received late in the evening elsewhere in the world.
_FUTURE_GRACE = dt.timedelta(days=1)
_LINK_MAX = ReportSubmission._meta.get_field("link").max_length


def report_check(
    *, obligation: ReportingObligation, party: TreatyParty | None, state: State, kind: str, period: int | None,
    received_on: dt.date, link: str = "", today: dt.date | None = None,
) -> dict[str, str]:
    """What is wrong with a report, by field ("state", "period", "received_on", "link"); empty
    when it may be recorded. `party` is the State's TreatyParty for the obligation's treaty."""
    today = today or timezone.localdate()
    problems: dict[str, str] = {}
    if party is None:
        problems["state"] = _("%(state)s is not a State Party to the %(treaty)s.") % {
            "state": state.name, "treaty": obligation.treaty.short_name,
        }
    entry = party.entry_into_force if party else None
    if received_on > today + _FUTURE_GRACE:
        problems["received_on"] = _("The date received cannot be in the future.")
    elif received_on < EARLIEST:
        problems["received_on"] = _("Enter a date between %(earliest)s and today.") % {"earliest": date_format(EARLIEST)}
    elif entry and received_on < entry:
        problems["received_on"] = _(
            "The date received is before the Convention entered into force for %(state)s (%(date)s)."
        ) % {"state": state.name, "date": date_format(entry)}
    if period is None:
        problems["period"] = _("Give the year the report covers.")
    elif not EARLIEST.year <= period <= today.year:
        problems["period"] = _("The year covered must be between %(earliest)s and %(latest)s.") % {
            "earliest": EARLIEST.year, "latest": today.year,
        }
    elif kind == ReportKind.ANNUAL and entry and period < entry.year:
        problems["period"] = _(
            "No annual report covers %(year)s: the Convention entered into force for %(state)s in %(entry)s."
        ) % {"year": period, "state": state.name, "entry": entry.year}
    if link:
        try:
            URLValidator(schemes=["http", "https"])(link)
            if len(link) > _LINK_MAX:
                raise ValidationError("too long")
        except ValidationError:
            problems["link"] = _("The link must be a web address starting with https:// (at most %(max)s characters).") % {
                "max": _LINK_MAX,
            }
    return problems


def _party(obligation: ReportingObligation, state: State) -> TreatyParty | None:
    return TreatyParty.objects.filter(treaty_id=obligation.treaty_id, state=state).first()


@transaction.atomic
def report_record(
    *, actor: Actor, obligation: ReportingObligation, state: State, kind: str, period: int,
    received_on: dt.date, link: str = "", file=None, user=None,
) -> ReportSubmission:
    """Records a report; staff for any State, a State focal point for its own. One record per
    (obligation, State, kind, period): recording again is refused with a message."""
    if not can_record_report(actor, state.pk):
        raise NotAllowed
    problems = report_check(
        obligation=obligation, party=_party(obligation, state), state=state, kind=kind, period=period,
        received_on=received_on, link=link,
    )
    if problems:
        raise ValidationError(problems)
    if not link and not file and not actor.is_isu_staff:
        raise ValidationError({"link": _("Give a link to the report or attach the file.")})
    submission = ReportSubmission(
        obligation=obligation, state=state, kind=kind, period=period, received_on=received_on,
        link=link, recorded_by=user,
    )
    if file:
        submission.file = file
    submission._history_user = user
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:
        raise ValidationError({"period": _("A report of this kind for this year is already recorded for this State.")}) from None
    return submission


@transaction.atomic
def report_change(
    *, actor: Actor, submission: ReportSubmission, period: int, received_on: dt.date, link: str, user=None,
) -> ReportSubmission:
    """Corrects a recorded report (the date received, the link, the year of an initial report),
    under the same rules as recording it; the history keeps the old values."""
    if not actor.is_isu_staff:
        raise NotAllowed
    problems = report_check(
        obligation=submission.obligation, party=_party(submission.obligation, submission.state),
        state=submission.state, kind=submission.kind, period=period, received_on=received_on, link=link,
    )
    if problems:
        raise ValidationError(problems)
    submission.period, submission.received_on, submission.link = period, received_on, link
    submission._history_user = user
    try:
        with transaction.atomic():
            submission.save(update_fields=["period", "received_on", "link", "updated_at"])
    except IntegrityError:
        raise ValidationError({"period": _("A report of this kind for this year is already recorded for this State.")}) from None
    return submission


# --- reports from a file --------------------------------------------------------------------

CREATE, CHANGE, UNCHANGED = "create", "change", "unchanged"
# report_check's fields, as the file names them.
_COLUMN_OF = {"state": "state", "period": "year", "received_on": "received_on", "link": "link"}


@dataclass
class PlannedReport:
    """One row of a valid file: the report it records, and the one already recorded, if any."""

    row: int
    state: State
    kind: str
    period: int
    received_on: dt.date
    link: str
    existing: ReportSubmission | None

    @property
    def action(self) -> str:
        if self.existing is None:
            return CREATE
        old = (self.existing.period, self.existing.received_on, self.existing.link)
        return UNCHANGED if old == (self.period, self.received_on, self.link) else CHANGE


@dataclass
class ReportImportPlan:
    reports: list[PlannedReport]

    def count(self, action: str) -> int:
        return sum(1 for report in self.reports if report.action == action)

    def preview(self) -> ImportPreview:
        """The preview staff confirm: what is created, and each change as old → new."""
        preview = ImportPreview(create=[], change=[], deactivate=[], unchanged=self.count(UNCHANGED))
        for report in self.reports:
            if report.action == CREATE:
                preview.create.append(_preview_row(report))
            elif report.action == CHANGE:
                old = report.existing
                row = _preview_row(report)
                if old.period != report.period:
                    row[_("Year covered")] = (old.period, report.period)
                if old.received_on != report.received_on:
                    row[_("Received on")] = (old.received_on, report.received_on)
                if old.link != report.link:
                    row[_("Link")] = (old.link, report.link)
                preview.change.append(row)
        return preview


def _preview_row(report: PlannedReport) -> dict:
    return {
        _("Row"): report.row,
        _("State"): report.state.name,
        _("Report"): ReportKind(report.kind).label,
        _("Year covered"): report.period,
        _("Received on"): report.received_on,
        _("Link"): report.link,
    }


def reports_import_plan(
    *, obligation: ReportingObligation, content: bytes, filename: str, today: dt.date | None = None,
) -> ReportImportPlan:
    """Reads and checks a whole reports file against what is recorded; writes nothing.

    Raises TableRejected listing every problem with its row and column. A blank link keeps the
    link already recorded (a file typed by hand often has none)."""
    today = today or timezone.localdate()
    rows = read_table(content, filename=filename, columns=REPORT_COLUMNS, required=REPORT_REQUIRED)
    codes = {countries.alpha2(row["state"].upper()) for row in rows if row["state"]} - {""}
    states = {state.code.code: state for state in State.objects.filter(code__in=codes)}
    parties = {
        party.state_id: party
        for party in TreatyParty.objects.filter(treaty_id=obligation.treaty_id, state__code__in=codes)
    }
    recorded: dict[tuple, list[ReportSubmission]] = {}
    for submission in ReportSubmission.objects.filter(obligation=obligation, state__code__in=codes).select_related("state"):
        recorded.setdefault((submission.state_id, submission.kind), []).append(submission)

    problems: list[Problem] = []
    planned: list[PlannedReport] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        number = row["_row"]
        found = RowProblems(number)
        state = row_state(row["state"], states, found)
        kind, kind_known = ReportKind.ANNUAL, True
        try:
            if row["initial"] and parse_bool(row["initial"]):
                kind = ReportKind.INITIAL
        except ValueError as exc:
            found.add("initial", str(exc))
            kind_known = False
        period = None
        if row["year"]:
            if row["year"].isdigit() and len(row["year"]) == 4:
                period = int(row["year"])
            else:
                found.add("year", _("“%(value)s” is not a year: write the year the report covers, for example 2024.") % {
                    "value": row["year"],
                })
        elif kind == ReportKind.ANNUAL and kind_known:
            found.add("year", _("Give the year the report covers, or yes in the column initial for the initial report."))
        try:
            received_on = parse_date(row["received_on"])
        except ValueError as exc:
            found.add("received_on", str(exc))
            received_on = None
        if state is None or received_on is None or found:
            problems.extend(found)
            continue

        party = parties.get(state.pk)
        existing = _existing(recorded, state, kind, period)
        if kind == ReportKind.INITIAL and period is None:
            # The initial report is filed under the year the Convention entered into force for the State.
            period = existing.period if existing else (party.entry_into_force.year if party and party.entry_into_force else None)
        checks = report_check(
            obligation=obligation, party=party, state=state, kind=kind, period=period,
            received_on=received_on, link=row["link"], today=today,
        )
        if "state" in checks:
            checks.pop("period", None)  # no year can be right for a State that is not a party
        for field_name, message in checks.items():
            found.add(_COLUMN_OF[field_name], message)
        key = (state.pk, kind) if kind == ReportKind.INITIAL else (state.pk, kind, period)
        if key in seen:
            found.add("state", _("This report is already on row %(row)s.") % {"row": seen[key]})
        seen.setdefault(key, number)
        if found:
            problems.extend(found)
            continue
        planned.append(PlannedReport(
            row=number, state=state, kind=kind, period=period, received_on=received_on,
            link=row["link"] or (existing.link if existing else ""), existing=existing,
        ))
    if problems:
        raise TableRejected(problems)
    return ReportImportPlan(planned)


def row_state(value: str, states: dict[str, State], found: RowProblems) -> State | None:
    """The State a file's "state" cell names by its ISO code, among `states` (by code, read
    once for the whole file); None, with the reason in `found`, when it names none of them.
    Every import of State facts reads its "state" column with it."""
    code = countries.alpha2(value.upper()) if value else ""
    if not value:
        found.add("state", _("The State is required: write its ISO code, for example MX."))
    elif not code:
        from entities.services import country_code

        suggestion = country_code(value) if len(value) > 3 else ""
        if suggestion:
            found.add("state", _("Write the ISO code “%(code)s” for %(name)s.") % {
                "code": suggestion, "name": countries.name(suggestion),
            })
        else:
            found.add("state", _("“%(value)s” is not an ISO country code: write two letters, for example MX.") % {"value": value})
    elif code not in states:
        found.add("state", _("%(name)s is not a State known to the tracker.") % {"name": countries.name(code)})
    else:
        return states[code]
    return None


def _existing(recorded: dict, state: State, kind: str, period: int | None) -> ReportSubmission | None:
    """The recorded report a row is about: the annual report of that year, or the State's one
    initial report (whatever year it was filed under)."""
    candidates = recorded.get((state.pk, kind), [])
    if kind == ReportKind.INITIAL:
        return next((s for s in candidates if s.period == period), candidates[0] if candidates else None)
    return next((s for s in candidates if s.period == period), None)


@dataclass
class ReportImportResult:
    created: int
    changed: int
    unchanged: int


@transaction.atomic
def reports_import(
    *, actor: Actor, obligation: ReportingObligation, content: bytes, filename: str, user=None,
) -> ReportImportResult:
    """Records a whole reports file, or nothing. The file is checked again here, against what
    is recorded now: the preview staff saw may be minutes old."""
    if not actor.is_isu_staff:
        raise NotAllowed
    plan = reports_import_plan(obligation=obligation, content=content, filename=filename)
    result = ReportImportResult(created=0, changed=0, unchanged=0)
    for report in plan.reports:
        action = report.action
        try:
            if action == CREATE:
                report_record(
                    actor=actor, obligation=obligation, state=report.state, kind=report.kind, period=report.period,
                    received_on=report.received_on, link=report.link, user=user,
                )
                result.created += 1
            elif action == CHANGE:
                report_change(
                    actor=actor, submission=report.existing, period=report.period, received_on=report.received_on,
                    link=report.link, user=user,
                )
                result.changed += 1
            else:
                result.unchanged += 1
        except ValidationError as exc:
            # Recorded meanwhile by someone else: the whole file is refused, as at the preview.
            raise TableRejected([
                Problem(report.row, _COLUMN_OF.get(field_name, None), message)
                for field_name, messages in exc.message_dict.items() for message in messages
            ]) from None
    return result


def report_file_rows(reports) -> list[list]:
    """Reports as rows of REPORT_COLUMNS: an export that imports back as "no change"."""
    return [
        [
            report.state.code.code, report.period,
            _("yes") if report.kind == ReportKind.INITIAL else _("no"),
            report.received_on, report.link,
        ]
        for report in reports
    ]
