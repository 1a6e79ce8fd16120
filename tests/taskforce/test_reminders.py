"""Overdue action items are reminded weekly to their owners' focal points, via the outbox."""

import datetime as dt

import pytest

from letters.models import Letter
from taskforce.services.reminders import overdue_reminders_queue, overdue_reminders_select
from tests.factories import ActionItemFactory, FocalPointFactory

TODAY = dt.date(2026, 3, 2)


@pytest.fixture
def overdue(entity, other_entity, state_a):
    FocalPointFactory(name="Una Mas", email="una@example.org", entity=entity, state=None, language="fr")
    FocalPointFactory(name="Retired", email="old@example.org", entity=entity, state=None, is_active=False)
    FocalPointFactory(name="Ana", email="ana@example.org", state=state_a)
    return [
        ActionItemFactory(entity=entity, text="Draft the glossary", due_on=dt.date(2026, 2, 1)),
        ActionItemFactory(entity=entity, text="Map capabilities", due_on=dt.date(2026, 3, 1)),
        ActionItemFactory(state=state_a, entity=None, text="Share challenges", due_on=dt.date(2026, 1, 1)),
        ActionItemFactory(entity=entity, text="Not yet due", due_on=TODAY),
        ActionItemFactory(entity=entity, text="Already done", due_on=dt.date(2026, 1, 1), status="done"),
        ActionItemFactory(entity=other_entity, text="Owner without focal point", due_on=dt.date(2026, 1, 1)),
    ]


def test_selection_lists_open_past_due_items_per_active_focal_point(overdue):
    reminders = {r.focal_point.name: [i.text for i in r.items] for r in overdue_reminders_select(today=TODAY)}
    assert reminders == {"Una Mas": ["Draft the glossary", "Map capabilities"], "Ana": ["Share challenges"]}


def test_reminders_go_through_the_outbox_once_a_week_in_the_focal_points_language(overdue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        assert overdue_reminders_queue(today=TODAY) == 2
        assert overdue_reminders_queue(today=TODAY + dt.timedelta(days=2)) == 0  # same ISO week
    letters = Letter.objects.filter(purpose="taskforce-overdue").order_by("pk")
    assert [letter.recipients for letter in letters] == [["una@example.org"], ["ana@example.org"]]
    assert "Draft the glossary" in letters[0].body and "Map capabilities" in letters[0].body
    assert letters[0].language == "fr"
    with django_capture_on_commit_callbacks(execute=False):
        assert overdue_reminders_queue(today=TODAY + dt.timedelta(days=7)) == 2  # next week: again
