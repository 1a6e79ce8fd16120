from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    """How much of a stored date the source actually gives.

    A source that says "late January 2020" is stored as 2020-01-01 with precision MONTH and a
    note; the day is never made up, and views show only the known part.
    """

    DAY = "day", _("exact day")
    MONTH = "month", _("month only")
    YEAR = "year", _("year only")


def format_partial_date(value, precision: str) -> str:
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


class PartyRole(models.TextChoices):
    """Roles a party holds in a mechanism (members over time)."""

    LEAD = "lead", _("lead")
    CHAIR = "chair", _("chair")
    CO_CHAIR = "co_chair", _("co-chair")
    SECRETARIAT = "secretariat", _("secretariat")
    MEMBER = "member", _("member")
    OBSERVER = "observer", _("observer")
