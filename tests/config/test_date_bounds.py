"""One rule for the dates people type (config.dates): from 1 January 1990 to ten years ahead,
and never in the future where a date records what has happened."""

import datetime as dt

import pytest
import time_machine
from django import forms
from django.core.exceptions import ValidationError

from config.dates import DateBoundsFormMixin, DateBoundsValidator, latest

TODAY = dt.date(2026, 11, 29)


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(dt.datetime(2026, 11, 29, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.mark.parametrize("value", [dt.date(1990, 1, 1), TODAY, dt.date(2036, 11, 29)])
def test_dates_from_1990_to_ten_years_ahead_are_accepted(value):
    DateBoundsValidator()(value)


@pytest.mark.parametrize("value", [
    dt.date(1, 1, 1), dt.date(1900, 1, 1), dt.date(1989, 12, 31), dt.date(2036, 11, 30), dt.date(9999, 12, 31),
    dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC),
])
def test_dates_outside_are_refused_naming_both_bounds(value):
    with pytest.raises(ValidationError) as refused:
        DateBoundsValidator()(value)
    assert refused.value.messages == ["Enter a date between 1 January 1990 and 29 November 2036."]


def test_a_past_only_date_may_be_today_but_not_tomorrow_nor_before_1990():
    validator = DateBoundsValidator(past_only=True)
    validator(TODAY)
    with pytest.raises(ValidationError) as future:
        validator(TODAY + dt.timedelta(days=1))
    assert future.value.messages == ["This date cannot be in the future."]
    with pytest.raises(ValidationError) as early:
        validator(dt.date(1900, 1, 1))
    assert early.value.messages == ["Enter a date between 1 January 1990 and today."]


def test_ten_years_after_29_february_is_28_february():
    assert latest(dt.date(2028, 2, 29)) == dt.date(2038, 2, 28)


class _Form(DateBoundsFormMixin, forms.Form):
    on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.DateTimeField(required=False)


def test_the_form_mixin_bounds_every_date_field_and_tells_the_date_picker():
    form = _Form({"on": "9999-12-31", "at": "1900-01-01 10:00"})
    assert not form.is_valid()
    assert set(form.errors) == {"on", "at"}
    html = str(form["on"])
    assert 'min="1990-01-01"' in html and 'max="2036-11-29"' in html
    assert _Form({"on": "2026-01-01"}).is_valid()
