"""The time-zone picker of the meeting forms: the cities where UN meetings are usually held
first, then every zone, each labelled by its city and its offset from UTC in words.

Cities are named in the reader's language as the Unicode CLDR names them, with their State as
the UN names it (entities.countries): "Mexico (Mexique)", "Ciudad de México (México)"; a zone
named after its State is named by the State alone ("Brunéi Darussalam", not CLDR's "Brunei"), and a territory that is not a State in the
registry's table by its ocean or continent ("Cayenne (Amérique)"), so no other spelling of a
State's name shows. The names are a data file (data/reference/time-zone-cities.csv, see the
README beside it); a zone the file does not hold yet (a newer tz database) is labelled by its
offset ("UTC−06:00") in French and Spanish rather than by an English city name.

Offsets are those in force today (daylight-saving time moves them); they help pick a zone,
the meeting itself is stored with the zone's name, so its times stay right whatever the date.
"""

from __future__ import annotations

import csv
import datetime as dt
import unicodedata
import zoneinfo
from functools import lru_cache

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from entities.countries import country_name, names_table
from entities.loading import reference_dir

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


CITIES_FILE = "time-zone-cities.csv"

# The first part of a zone's name, for a territory that is not a State of the table.
AREA_NAMES = {
    "Africa": _("Africa"), "America": _("America"), "Antarctica": _("Antarctica"), "Arctic": _("Arctic"),
    "Asia": _("Asia"), "Atlantic": _("Atlantic Ocean"), "Australia": _("Australia"), "Europe": _("Europe"),
    "Indian": _("Indian Ocean"), "Pacific": _("Pacific Ocean"),
}


@lru_cache(maxsize=1)
def _cities() -> dict[str, dict[str, str]]:
    """Zone -> its row: `country` (ISO code, from the tz database's zone.tab), `names_country`
    ("yes": the zone is named after its country, the only zone it has: Asia/Brunei,
    America/Panama) and `city_en`, `city_fr`, `city_es`."""
    with (reference_dir() / CITIES_FILE).open(encoding="utf-8", newline="") as handle:
        return {row["zone"]: row for row in csv.DictReader(handle)}


def _utc_offset(name: str, when: dt.datetime) -> str:
    """"UTC+05:30", "UTC−06:00" (with a minus sign), "UTC"."""
    offset = when.astimezone(zoneinfo.ZoneInfo(name)).utcoffset() or dt.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{'+' if minutes > 0 else '−'}{hours:02d}:{rest:02d}"


def _city(name: str, when: dt.datetime) -> str:
    """"Mexico City (Mexico)", "Mexico (Mexique)", "Ciudad de México (México)", "Singapour",
    "Cayenne (Amérique)"."""
    language = (translation.get_language() or "en")[:2]
    language = language if language in {"en", "fr", "es"} else "en"
    row = _cities().get(name)
    if row is None:
        if language != "en":
            return _utc_offset(name, when)
        parts = name.split("/")
        return f"{parts[-1].replace('_', ' ')} ({', '.join(p.replace('_', ' ') for p in parts[:-1])})"
    city, code = row[f"city_{language}"], row["country"]
    if code not in names_table():
        return f"{city} ({AREA_NAMES[name.split('/', 1)[0]]})"
    country = country_name(code, language)
    return country if row["names_country"] or city == country else f"{city} ({country})"


def zone_label(name: str, when: dt.datetime | None = None) -> str:
    when = when or timezone.now()
    if name == "UTC":
        return str(_("Coordinated Universal Time (UTC)"))
    common = dict(COMMON_ZONES)
    city = str(common[name]) if name in common else (_city(name, when) if "/" in name else name)
    return f"{city} — {offset_words(name, when)}"


def _sort_key(choice) -> str:
    """Alphabetical as a reader expects it: "Île" among the I, not after Z."""
    decomposed = unicodedata.normalize("NFKD", choice[1])
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def time_zone_choices(*, keep: str | None = None) -> list:
    """Grouped choices: common zones, then all by city name. `keep` adds a zone a record
    already has even when it is not offered any more (an alias typed in by an earlier version)."""
    now = timezone.now()
    common = [(name, zone_label(name, now)) for name, _label in COMMON_ZONES]
    every = sorted(((name, zone_label(name, now)) for name in _zone_names()), key=_sort_key)
    groups = [(_("Where UN meetings are often held"), common), (_("All time zones, by city"), every)]
    known = {name for name, _label in COMMON_ZONES} | set(_zone_names())
    if keep and keep not in known:
        try:
            zoneinfo.ZoneInfo(keep)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return groups
        groups.insert(0, (_("Time zone of this meeting"), [(keep, zone_label(keep, now))]))
    return groups
