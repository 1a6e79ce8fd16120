"""Dates on pages as the reader's language writes them (formats in config/formats).

`{{ value|long_date }}`: "2 juin 2026", "1er mars 2027", "2 de junio de 2026".
`{{ value|local_datetime }}` (or `:"seconds"`): a moment in the site's time zone, named, never
an ISO stamp: "29 novembre 2026 à 10:47 UTC". The machine-readable form goes in a `<time
datetime>` attribute, not in the text.
"""

import datetime as dt

from django import template
from django.utils import formats, timezone

from config.dates import long_date as _long_date

register = template.Library()


@register.filter
def long_date(value) -> str:
    if not isinstance(value, dt.date):
        return ""
    return _long_date(value)


@register.filter
def local_datetime(value, precision: str = "") -> str:
    if not isinstance(value, dt.datetime):
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    pattern = formats.get_format("DATETIME_FORMAT")
    if precision == "seconds":
        pattern = pattern.replace("H:i", "H:i:s")
    text = formats.date_format(local, pattern)
    zone = local.tzname()
    return f"{text} {zone}" if zone else text
