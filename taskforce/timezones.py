"""The time-zone picker of the meeting forms: the cities where UN meetings are usually held
first, then every zone, each labelled by its city and its offset from UTC in words.

Offsets are those in force today (daylight-saving time moves them); they help pick a zone,
the meeting itself is stored with the zone's name, so its times stay right whatever the date.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from functools import lru_cache

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

__all__ = ["COMMON_ZONES", "time_zone_choices", "zone_label"]

# Duty stations and regional commissions where the mechanisms meet, by the city a person knows.
COMMON_ZONES: list[tuple[str, object]] = [
    ("America/New_York", _("New York")),
    ("Europe/Zurich", _("Geneva")),
    ("Europe/Vienna", _("Vienna")),
    ("Africa/Nairobi", _("Nairobi")),
    ("Asia/Bangkok", _("Bangkok")),
    ("Africa/Addis_Ababa", _("Addis Ababa")),
    ("Asia/Beirut", _("Beirut")),
    ("America/Santiago", _("Santiago")),
    ("Europe/Amsterdam", _("The Hague")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]

# The areas of the tz database whose names are "Area/City"; the others (Etc/GMT+5, US/Eastern...)
# are aliases or fixed offsets that would only repeat a city under another name.
AREAS = ("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")


@lru_cache(maxsize=1)
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(name for name in zoneinfo.available_timezones() if name.split("/", 1)[0] in AREAS))


def offset_words(name: str, when: dt.datetime | None = None) -> str:
    """"3 hours ahead of UTC", "4 hours 30 minutes behind UTC", "same time as UTC"."""
    when = when or timezone.now()
    offset = when.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return str(_("same time as UTC"))
    hours, rest = divmod(abs(minutes), 60)
    parts = []
    if hours:
        parts.append(ngettext("%(n)d hour", "%(n)d hours", hours) % {"n": hours})
    if rest:
        parts.append(ngettext("%(n)d minute", "%(n)d minutes", rest) % {"n": rest})
    span = " ".join(parts)
    if minutes > 0:
        return _("%(span)s ahead of UTC") % {"span": span}
    return _("%(span)s behind UTC") % {"span": span}


def _city(name: str) -> str:
    """"America/Argentina/Buenos_Aires" -> "Buenos Aires (America, Argentina)"."""
    parts = name.split("/")
    city = parts[-1].replace("_", " ")
    return f"{city} ({', '.join(p.replace('_', ' ') for p in parts[:-1])})"


def zone_label(name: str, when: dt.datetime | None = None) -> str:
    if name == "UTC":
        return str(_("Coordinated Universal Time (UTC)"))
    common = dict(COMMON_ZONES)
    city = str(common[name]) if name in common else (_city(name) if "/" in name else name)
    return f"{city} — {offset_words(name, when)}"


def time_zone_choices(*, keep: str | None = None) -> list:
    """Grouped choices: common zones, then all by city name. `keep` adds a zone a record
    already has even when it is not offered any more (an alias typed in by an earlier version)."""
    now = timezone.now()
    common = [(name, zone_label(name, now)) for name, _label in COMMON_ZONES]
    every = sorted(((name, zone_label(name, now)) for name in _zone_names()), key=lambda choice: choice[1].casefold())
    groups = [(_("Where UN meetings are often held"), common), (_("All time zones, by city"), every)]
    known = {name for name, _label in COMMON_ZONES} | set(_zone_names())
    if keep and keep not in known:
        try:
            zoneinfo.ZoneInfo(keep)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return groups
        groups.insert(0, (_("Time zone of this meeting"), [(keep, zone_label(keep, now))]))
    return groups
