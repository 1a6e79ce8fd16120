"""iCalendar feeds of meetings and action-item deadlines (overall and per mechanism).

Feeds are public, so they hold only what the public pages show: confidential meetings and
their action items are left out. Meetings whose day the source does not give (stored with
MONTH or YEAR precision) are left out too: a calendar entry needs a real day. Times are
written in UTC; all-day entries are used when only the day is known.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from icalendar import Calendar, Event

from entities.access import Actor
from entities.access.taskforce import visible_action_items, visible_meetings

from .models import ActionItem, ActionItemStatus, DatePrecision, Mechanism, Meeting

PRODID = "-//Coordination Tracker//Task forces//EN"
UID_DOMAIN = "coordination-tracker"


def calendar_feed(*, actor: Actor, mechanism: Mechanism | None = None, base_url: str = "") -> bytes:
    meetings: QuerySet = visible_meetings(actor, Meeting.objects.select_related("mechanism")).filter(date_precision=DatePrecision.DAY)
    items: QuerySet = visible_action_items(actor, ActionItem.objects.select_related("mechanism", "entity", "state")).filter(
        due_on__isnull=False
    ).exclude(status=ActionItemStatus.DROPPED)
    name = "Coordination Tracker — task forces"
    if mechanism is not None:
        meetings = meetings.filter(mechanism=mechanism)
        items = items.filter(mechanism=mechanism)
        name = f"{mechanism.short} — meetings and deadlines"

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for meeting in meetings.order_by("date", "pk"):
        cal.add_component(_meeting_event(meeting, base_url))
    for item in items.order_by("due_on", "pk"):
        cal.add_component(_deadline_event(item, base_url))
    return cal.to_ical()


def _meeting_event(meeting: Meeting, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
    event.add("dtstamp", meeting.updated_at)
    event.add("summary", f"{meeting.mechanism.short}: {meeting.title}")
    if meeting.starts_at:
        starts_at = meeting.starts_at.astimezone(dt.UTC)
        event.add("dtstart", starts_at)
        if meeting.ends_at:
            event.add("dtend", meeting.ends_at.astimezone(dt.UTC))
        else:
            _add_end(event, starts_at, dt.timedelta(hours=1))
    else:
        event.add("dtstart", meeting.date)
        _add_end(event, meeting.date, dt.timedelta(days=1))
    location = ", ".join(part for part in (meeting.place, meeting.on_the_margins_of) if part)
    if location:
        event.add("location", location)
    if meeting.summary:
        event.add("description", meeting.summary)
    event.add("url", base_url + meeting.get_absolute_url())
    event.add("categories", ["meeting"])
    return event


def _deadline_event(item: ActionItem, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"action-item-{item.pk}@{UID_DOMAIN}")
    event.add("dtstamp", item.updated_at)
    status = "" if item.status == ActionItemStatus.OPEN else f" [{item.status}]"
    event.add("summary", f"Due ({item.owner}): {item.text[:120]}{status}")
    event.add("dtstart", item.due_on)
    _add_end(event, item.due_on, dt.timedelta(days=1))
    event.add("description", item.text)
    event.add("url", base_url + item.get_absolute_url())
    event.add("categories", ["deadline"])
    return event


def _add_end(event: Event, start: dt.date | dt.datetime, length: dt.timedelta) -> None:
    """DTEND `length` after `start`. Dates are bounded where people type them, but a record
    stored earlier (or by the admin) may sit on 31 December 9999, which has no day after it in
    Python: there a DURATION says the same thing (RFC 5545 allows either)."""
    try:
        event.add("dtend", start + length)
    except OverflowError:
        event.add("duration", length)
