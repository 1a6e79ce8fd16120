"""The Convention's date rules at their edges: pure functions, no database."""

import datetime as dt

import pytest

from letters import deadlines
from letters.deadlines import ExtensionFact

D = dt.date


@pytest.mark.parametrize(("day", "months", "expected"), [
    (D(2025, 7, 1), 6, D(2026, 1, 1)),  # the issue's withdrawal: 1 July 2025 → 1 January 2026
    (D(2025, 8, 31), 6, D(2026, 2, 28)),  # no 31 February: the month's last day
    (D(2027, 8, 31), 6, D(2028, 2, 29)),  # ... 29 February in a leap year
    (D(2025, 6, 30), 6, D(2025, 12, 30)),  # the corresponding day, not the month's end
    (D(2025, 12, 31), 2, D(2026, 2, 28)),
    (D(2025, 1, 31), 1, D(2025, 2, 28)),
    (D(2025, 3, 15), 0, D(2025, 3, 15)),
])
def test_months_end_on_the_corresponding_day_or_the_months_last(day, months, expected):
    assert deadlines.add_months(day, months) == expected


@pytest.mark.parametrize(("day", "years", "expected"), [
    (D(2024, 2, 29), 4, D(2028, 2, 29)),  # leap year to leap year
    (D(2024, 2, 29), 1, D(2025, 2, 28)),
    (D(2024, 2, 29), 10, D(2034, 2, 28)),
    (D(2025, 9, 1), 4, D(2029, 9, 1)),
])
def test_years_are_added_safely_from_29_february(day, years, expected):
    assert deadlines.add_years(day, years) == expected


def test_the_issues_state_party_entering_into_force_on_1_september_2025():
    entry = D(2025, 9, 1)
    assert deadlines.initial_report_deadline(entry) == D(2026, 2, 28)
    assert deadlines.article4_deadline(entry) == D(2029, 9, 1)
    assert deadlines.article5_deadline(entry).deadline == D(2035, 9, 1)
    extended = deadlines.article5_deadline(entry, [ExtensionFact(D(2034, 11, 20), D(2040, 9, 1), "Decision", "22MSP", 60)])
    assert extended.deadline == D(2040, 9, 1)
    assert [step.kind for step in extended.steps] == ["entry_into_force", "extension"]


def test_entry_into_force_at_the_end_of_a_month():
    entry = D(2024, 2, 29)
    assert deadlines.initial_report_deadline(entry) == D(2024, 8, 27)  # 180 days, not six months
    assert deadlines.article4_deadline(entry) == D(2028, 2, 29)
    assert deadlines.article5_deadline(entry).deadline == D(2034, 2, 28)
    assert deadlines.initial_report_deadline(D(2025, 8, 31)) == D(2026, 2, 27)


def test_extensions_apply_in_order_and_an_earlier_one_never_moves_the_deadline_back():
    entry = D(2000, 3, 1)
    result = deadlines.article5_deadline(entry, [
        ExtensionFact(D(2014, 6, 1), D(2020, 3, 1)),
        ExtensionFact(D(2009, 11, 1), D(2014, 3, 1)),
        ExtensionFact(D(2009, 11, 1), D(2009, 3, 1)),  # not after the ten years: ignored
    ])
    assert result.deadline == D(2020, 3, 1)
    assert [step.deadline for step in result.steps] == [D(2010, 3, 1), D(2014, 3, 1), D(2020, 3, 1)]


def test_a_withdrawal_takes_effect_six_months_later_or_on_the_later_date_of_an_armed_conflict():
    assert deadlines.withdrawal_effective(D(2025, 7, 1)) == D(2026, 1, 1)
    assert deadlines.withdrawal_effective(D(2025, 8, 31)) == D(2026, 2, 28)
    assert deadlines.withdrawal_effective(D(2025, 7, 1), D(2027, 5, 1)) == D(2027, 5, 1)


@pytest.mark.parametrize(("today", "received", "ends", "expected"), [
    (D(2026, 1, 1), None, None, "upcoming"),
    (D(2026, 3, 1), None, None, "due"),  # 60 days before 30 April
    (D(2026, 4, 30), None, None, "due"),  # the deadline itself is still on time
    (D(2026, 5, 1), None, None, "overdue"),
    (D(2026, 5, 1), D(2026, 4, 2), None, "met"),
    (D(2026, 1, 1), None, D(2026, 4, 30), "ended"),
    (D(2026, 1, 1), None, D(2026, 5, 1), "upcoming"),  # still owed: the withdrawal comes after
])
def test_report_status(today, received, ends, expected):
    assert deadlines.report_status(deadline=D(2026, 4, 30), received_on=received, ends_on=ends, today=today) == expected


@pytest.mark.parametrize(("today", "completed", "ends", "expected"), [
    (D(2028, 8, 31), None, None, "upcoming"),
    (D(2028, 9, 1), None, None, "due"),  # a year ahead
    (D(2029, 9, 2), None, None, "overdue"),
    (D(2029, 9, 2), D(2029, 1, 1), None, "completed"),
    (D(2026, 1, 1), None, D(2026, 1, 1), "ended"),
])
def test_destruction_status(today, completed, ends, expected):
    assert deadlines.destruction_status(deadline=D(2029, 9, 1), completed_on=completed, ends_on=ends, today=today) == expected
