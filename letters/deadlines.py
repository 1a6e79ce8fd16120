"""The Convention's deadlines, computed from its own articles: pure functions, no database.

Every date a State Party owes is derived from the date the Convention entered into force for
it (article 17), never typed:

- article 7: the initial report 180 days after entry into force; each annual report by 30 April,
  covering the previous calendar year (the day and month come from the ReportingObligation);
- article 4: stockpiled anti-personnel mines destroyed no later than four years after entry
  into force;
- article 5: mines in mined areas destroyed no later than ten years after entry into force,
  moved by each extension granted by a Meeting of the States Parties or a Review Conference;
- article 20: a withdrawal takes effect six months after the instrument is received (later
  when the State is engaged in an armed conflict then: staff record that later date).

Periods of years and months end on the corresponding day; when that month has no such day
(29 February in a common year, 31 August + 6 months) the period ends on the month's last day,
the usual reading of treaty periods and the rule of `dateutil.relativedelta`.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "ARTICLE_4_YEARS", "ARTICLE_5_YEARS", "INITIAL_REPORT_DAYS", "WITHDRAWAL_MONTHS", "Step",
    "add_months", "add_years", "article4_deadline", "article5_deadline", "initial_report_deadline",
    "withdrawal_effective", "destruction_status", "report_status",
]

INITIAL_REPORT_DAYS = 180
ARTICLE_4_YEARS = 4
ARTICLE_5_YEARS = 10
WITHDRAWAL_MONTHS = 6

# Statuses of a deadline, as the API gives them (labels in letters.obligation_labels).
UPCOMING, DUE, MET, COMPLETED, OVERDUE, ENDED = "upcoming", "due", "met", "completed", "overdue", "ended"
STATUSES = (UPCOMING, DUE, MET, COMPLETED, OVERDUE, ENDED)

# From when a deadline counts as "due" rather than "upcoming": a report from its first
# reminder (60 days), a destruction deadline from a year ahead, when an extension request
# would already have to be on its way.
REPORT_DUE_WINDOW = dt.timedelta(days=60)
DESTRUCTION_DUE_WINDOW = dt.timedelta(days=365)


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus whole months, on the month's last day when the day does not exist there
    (31 August + 6 months = 28 or 29 February; 1 July 2025 + 6 months = 1 January 2026)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: dt.date, years: int) -> dt.date:
    """`day` plus whole years; 29 February becomes 28 February in a common year."""
    return add_months(day, 12 * years)


def initial_report_deadline(entry_into_force: dt.date, days: int = INITIAL_REPORT_DAYS) -> dt.date:
    return entry_into_force + dt.timedelta(days=days)


def article4_deadline(entry_into_force: dt.date) -> dt.date:
    return add_years(entry_into_force, ARTICLE_4_YEARS)


@dataclass(frozen=True)
class Step:
    """How a deadline got where it is: from entry into force, then each extension granted."""

    kind: str  # "entry_into_force" or "extension"
    on: dt.date | None  # the date of the fact (entry into force, decision)
    deadline: dt.date
    decision: str = ""
    meeting: str = ""
    months: int | None = None


@dataclass(frozen=True)
class ExtensionFact:
    decided_on: dt.date | None
    new_deadline: dt.date
    decision: str = ""
    meeting: str = ""
    months: int | None = None


@dataclass
class Article5:
    deadline: dt.date
    steps: list[Step] = field(default_factory=list)


def article5_deadline(entry_into_force: dt.date, extensions: list[ExtensionFact] = ()) -> Article5:
    """The article 5 deadline: ten years after entry into force, then each extension in order of
    its new deadline (each one granted moves the deadline further; see extension_check)."""
    first = add_years(entry_into_force, ARTICLE_5_YEARS)
    result = Article5(first, [Step("entry_into_force", entry_into_force, first)])
    for extension in sorted(extensions, key=lambda e: e.new_deadline):
        if extension.new_deadline <= result.deadline:
            continue  # refused when recorded; an old row cannot move a deadline backwards
        result.deadline = extension.new_deadline
        result.steps.append(Step(
            "extension", extension.decided_on, extension.new_deadline, extension.decision, extension.meeting, extension.months,
        ))
    return result


def withdrawal_effective(received_on: dt.date, later_date: dt.date | None = None) -> dt.date:
    """Article 20(3): six months after the instrument is received, or the later date staff
    record when the State is engaged in an armed conflict then."""
    six_months = add_months(received_on, WITHDRAWAL_MONTHS)
    return max(six_months, later_date) if later_date else six_months


def report_status(*, deadline: dt.date, received_on: dt.date | None, ends_on: dt.date | None, today: dt.date) -> str:
    """A report: met once received; ended when the withdrawal took effect before it was due."""
    if received_on is not None:
        return MET
    if ends_on is not None and ends_on <= deadline:
        return ENDED
    if today > deadline:
        return OVERDUE
    return DUE if deadline - today <= REPORT_DUE_WINDOW else UPCOMING


def destruction_status(*, deadline: dt.date, completed_on: dt.date | None, ends_on: dt.date | None, today: dt.date) -> str:
    """Article 4 or 5: completed once declared; ended when the withdrawal takes effect first
    (the deadline is then never owed, even before the withdrawal takes effect)."""
    if completed_on is not None:
        return COMPLETED
    if ends_on is not None and ends_on <= deadline:
        return ENDED
    if today > deadline:
        return OVERDUE
    return DUE if deadline - today <= DESTRUCTION_DUE_WINDOW else UPCOMING
