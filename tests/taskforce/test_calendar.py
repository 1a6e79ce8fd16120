"""The iCalendar feeds parse with a standard calendar library and hold what the pages show."""

import datetime as dt
import zoneinfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import ActionItemFactory, MechanismFactory, MeetingFactory


@pytest.fixture
def ied(entity):
    task_force = MechanismFactory(slug="ied-task-force", acronym="", name="IED task force", lead_entity=entity)
    MeetingFactory(mechanism=task_force, title="First Director-level meeting", date=dt.date(2020, 1, 1), date_precision="month")
    tz = zoneinfo.ZoneInfo("America/New_York")
    MeetingFactory(
        mechanism=task_force, title="Working group", date=dt.date(2026, 3, 2), time_zone="America/New_York",
        starts_at=dt.datetime(2026, 3, 2, 10, tzinfo=tz), ends_at=dt.datetime(2026, 3, 2, 12, tzinfo=tz), place="New York",
    )
    MeetingFactory(mechanism=task_force, title="Confidential consultation", date=dt.date(2026, 4, 1), is_confidential=True)
    ActionItemFactory(mechanism=task_force, meeting=None, entity=entity, text="Draft the glossary", due_on=dt.date(2026, 5, 1))
    MeetingFactory(mechanism=MechanismFactory(slug="casa"), title="CASA meeting", date=dt.date(2026, 6, 1))
    return task_force


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_mechanism_feed_parses_and_lists_meetings_and_deadlines(anon_client, ied):
    calendar = parse(anon_client.get(reverse("taskforce:mechanism-calendar", args=[ied.slug])))
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"IED task force: Working group", "Due (UNMAS): Draft the glossary"}
    working = events["IED task force: Working group"]
    assert working.decoded("dtstart") == dt.datetime(2026, 3, 2, 15, tzinfo=dt.UTC)
    assert str(working["location"]) == "New York"
    assert events["Due (UNMAS): Draft the glossary"].decoded("dtstart") == dt.date(2026, 5, 1)
    assert all(str(e["uid"]).endswith("@coordination-tracker") for e in events.values())


def test_overall_feed_has_every_mechanism_but_no_confidential_or_dayless_meeting(anon_client, ied):
    calendar = parse(anon_client.get(reverse("taskforce:calendar")))
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert "CASA: CASA meeting" in summaries or any("CASA meeting" in s for s in summaries)
    assert not any("Confidential" in s or "First Director-level" in s for s in summaries)


def test_unknown_mechanism_feed_is_404(db, anon_client):
    assert anon_client.get(reverse("taskforce:mechanism-calendar", args=["no-such-mechanism"])).status_code == 404
