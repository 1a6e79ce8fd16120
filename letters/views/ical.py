"""iCalendar feed of the deadlines under the Convention (one State's, or every State's for
staff): all-day entries on the due date, each with a stable UID so a calendar updates an entry
when an extension moves it instead of adding another. Written in the language asked for (`?lang=fr`,
see config.feeds.feed_language) or the active one, as the task-force feeds are."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from letters.selectors import Deadline

PRODID = "-//Coordination Tracker//Deadlines//EN"
UID_DOMAIN = "coordination-tracker"


def deadlines_feed(rows: list[Deadline], *, name: str, base_url: str = "", language: str | None = None) -> bytes:
    with translation.override(language or translation.get_language()):
        return _deadlines_feed(rows, name=str(name), base_url=base_url)


def _deadlines_feed(rows: list[Deadline], *, name: str, base_url: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for row in rows:
        event = Event()
        code = row.state.code.code
        event.add("uid", f"deadline-{code}-{row.obligation}-{row.period or 0}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("summary", _("%(state)s: %(obligation)s (%(status)s)")
                  % {"state": row.state.name, "obligation": row.label, "status": row.status_label})
        event.add("dtstart", row.due_on)
        try:
            event.add("dtend", row.due_on + dt.timedelta(days=1))
        except OverflowError:
            event.add("duration", dt.timedelta(days=1))
        event.add("url", base_url + reverse("letters:obligations-state", args=[code]))
        event.add("categories", [_("deadline")])
        cal.add_component(event)
    return cal.to_ical()
