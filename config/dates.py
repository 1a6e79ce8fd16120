"""One rule for every date a person types, in forms and in the API.

A date is accepted from 1 January 1990 to ten years after today. The earliest record of the
data is from 1997 (the Convention's adoption; CASA dates from 1998, the Secretary-General's
reports from 2008), so anything earlier is a typing slip, and nobody plans a meeting, a
deadline or a period of assistance further than a decade ahead. The bounds also keep date
arithmetic (calendar feeds, reminders) far from the limits of Python's dates, where adding a
day to 31 December 9999 fails. Dates that record what has happened (a status update) are
past-only as well.

`DateBoundsFormMixin` and `DateBoundsSerializerMixin` apply the rule to every date and
date-time field of a form or serializer, so a field added later is covered without a thought.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

__all__ = [
    "EARLIEST",
    "YEARS_AHEAD",
    "DateBoundsFormMixin",
    "DateBoundsSerializerMixin",
    "DateBoundsValidator",
    "latest",
    "long_date",
]

EARLIEST = dt.date(1990, 1, 1)
YEARS_AHEAD = 10


def latest(today: dt.date | None = None) -> dt.date:
    """The last date accepted: the same day ten years on (28 February for a 29 February)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def long_date(value: dt.date | dt.datetime | None, language: str | None = None) -> str:
    """The date as a reader of `language` (default: the active one) writes it in full, by the
    locale's DATE_FORMAT (config/formats): "30 April 2027" (UN style), "30 de abril de 2027",
    and the French "1er mars 2027" for the first of a month, which no format string can say. A date-time is read on the local calendar. Empty for no date."""
    if value is None or value == "":
        return ""
    day = _day(value)
    with translation.override(language or translation.get_language()):
        text = formats.date_format(day, "DATE_FORMAT")
        if day.day == 1 and translation.get_language().startswith("fr"):
            text = "1er" + text[1:] if text.startswith("1 ") else text
    return text


def _day(value: dt.date | dt.datetime) -> dt.date:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


class DateBoundsValidator:
    """Refuses a date (or date-time) outside the product's bounds, saying which they are."""

    def __init__(self, *, past_only: bool = False):
        self.past_only = past_only

    def __call__(self, value: dt.date | dt.datetime | None) -> None:
        if value is None:
            return
        day, today = _day(value), timezone.localdate()
        if self.past_only and day > today:
            raise ValidationError(_("This date cannot be in the future."), code="date_in_future")
        last = today if self.past_only else latest(today)
        if not EARLIEST <= day <= last:
            message = (
                _("Enter a date between %(earliest)s and today.") if self.past_only
                else _("Enter a date between %(earliest)s and %(latest)s.")
            )
            raise ValidationError(
                message, code="date_out_of_range",
                params={"earliest": formats.date_format(EARLIEST), "latest": formats.date_format(last)},
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DateBoundsValidator) and other.past_only == self.past_only


def _is_date_field(field: forms.Field) -> bool:
    return isinstance(field, (forms.DateField, forms.DateTimeField))


class DateBoundsFormMixin:
    """Bounds every date and date-time field of the form; the browser's date picker gets the
    same bounds (`min`/`max`). Fields named in `past_only_dates` may not be after today."""

    past_only_dates: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if not _is_date_field(field):
                continue
            past_only = name in self.past_only_dates
            field.validators.append(DateBoundsValidator(past_only=past_only))
            last = timezone.localdate() if past_only else latest()
            if isinstance(field, forms.DateTimeField):
                field.widget.attrs.update({"min": f"{EARLIEST.isoformat()}T00:00", "max": f"{last.isoformat()}T23:59"})
            else:
                field.widget.attrs.update({"min": EARLIEST.isoformat(), "max": last.isoformat()})


class DateBoundsSerializerMixin:
    """Bounds every writable date and date-time field of the serializer (400 naming the field).
    Fields named in `past_only_dates` may not be after today."""

    past_only_dates: tuple[str, ...] = ()

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            if field.read_only or not isinstance(field, (serializers.DateField, serializers.DateTimeField)):
                continue
            field.validators = [*field.validators, DateBoundsValidator(past_only=name in self.past_only_dates)]
        return fields
