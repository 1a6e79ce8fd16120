"""iCalendar feeds of meetings and action-item deadlines (overall and per mechanism): how the
feed views write what selectors.calendar_meetings and calendar_deadlines read.

Times are written in UTC; all-day entries are used when only the day is known. A feed speaks
the language asked for (`?lang=fr`, see config.feeds.feed_language) or the active one:
summaries, categories and the calendar's name are words in that language.
"""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from entities.access import Actor
from taskforce import selectors
from taskforce.models import ActionItem, ActionItemStatus, Mechanism, Meeting

PRODID = "-//Coordination Tracker//Task forces//EN"
UID_DOMAIN = "coordination-tracker"


def calendar_feed(*, actor: Actor, mechanism: Mechanism | None = None, base_url: str = "", language: str | None = None) -> bytes:
    with translation.override(language or translation.get_language()):
        return _calendar_feed(actor=actor, mechanism=mechanism, base_url=base_url)


def _calendar_feed(*, actor: Actor, mechanism: Mechanism | None, base_url: str) -> bytes:
    name = _("Coordination Tracker — task forces")
    if mechanism is not None:
        name = _("%(mechanism)s — meetings and deadlines") % {"mechanism": mechanism.short}

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for meeting in selectors.calendar_meetings(actor=actor, mechanism=mechanism):
        cal.add_component(_meeting_event(meeting, base_url))
    for item in selectors.calendar_deadlines(actor=actor, mechanism=mechanism):
        cal.add_component(_deadline_event(item, base_url))
    return cal.to_ical()


def _meeting_event(meeting: Meeting, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
    event.add("dtstamp", meeting.updated_at)
    event.add("summary", _("%(mechanism)s: %(title)s") % {"mechanism": meeting.mechanism.short, "title": meeting.title})
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
    event.add("categories", [_("meeting")])
    return event


def _deadline_event(item: ActionItem, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"action-item-{item.pk}@{UID_DOMAIN}")
    event.add("dtstamp", item.updated_at)
    summary = _("Due (%(owner)s): %(text)s") % {"owner": item.owner, "text": item.text[:120]}
    if item.status != ActionItemStatus.OPEN:
        summary = _("%(summary)s [%(status)s]") % {"summary": summary, "status": item.get_status_display()}
    event.add("summary", summary)
    event.add("dtstart", item.due_on)
    _add_end(event, item.due_on, dt.timedelta(days=1))
    event.add("description", item.text)
    event.add("url", base_url + item.get_absolute_url())
    event.add("categories", [_("deadline")])
    return event


def _add_end(event: Event, start: dt.date | dt.datetime, length: dt.timedelta) -> None:
    """DTEND `length` after `start`. Dates are bounded where people type them, but a record
    stored earlier (or by the admin) may sit on 31 December 9999, which has no day after it in
    Python: there a DURATION says the same thing (RFC 5545 allows either)."""
    try:
        event.add("dtend", start + length)
    except OverflowError:
        event.add("duration", length)
