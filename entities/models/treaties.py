import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import TimeStamped


class Treaty(TimeStamped):
    name = models.CharField(_("name"), max_length=300, unique=True)
    short_name = models.CharField(_("short name"), max_length=80, unique=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("treaty")
        verbose_name_plural = _("treaties")

    def __str__(self) -> str:
        return self.short_name


class TreatyParty(TimeStamped):
    """A State party to a treaty. `is_demo` marks rows of the labelled demo data set."""

    treaty = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="parties")
    state = models.ForeignKey("entities.State", on_delete=models.PROTECT, related_name="treaty_parties")
    consent_to_be_bound = models.DateField(_("consent to be bound"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force for the State"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Not real: part of the demo data set."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["treaty", "state"]
        verbose_name = _("State Party")
        verbose_name_plural = _("States Parties")
        constraints = [models.UniqueConstraint(fields=["treaty", "state"], name="unique_treaty_party")]

    def __str__(self) -> str:
        return f"{self.state} — {self.treaty}"


class ReportingObligation(TimeStamped):
    """A treaty's reporting obligation, e.g. article 7 transparency reports.

    Deadlines are computed, never typed: the initial report is due `initial_report_days`
    after entry into force for the State; the annual report is due on the given day and month
    and covers the previous calendar year.
    """

    treaty = models.ForeignKey(Treaty, on_delete=models.CASCADE, related_name="reporting_obligations")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    article = models.CharField(_("article"), max_length=20)
    initial_report_days = models.PositiveSmallIntegerField(_("initial report due after (days)"), null=True, blank=True)
    annual_due_month = models.PositiveSmallIntegerField(_("annual report due (month)"), null=True, blank=True)
    annual_due_day = models.PositiveSmallIntegerField(_("annual report due (day)"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["treaty", "code"]
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")
        constraints = [models.UniqueConstraint(fields=["treaty", "code"], name="unique_obligation_code")]

    def __str__(self) -> str:
        return f"{self.treaty} — {self.name}"

    def initial_deadline(self, entry_into_force: dt.date | None) -> dt.date | None:
        if entry_into_force is None or self.initial_report_days is None:
            return None
        return entry_into_force + dt.timedelta(days=self.initial_report_days)

    def annual_deadline(self, report_year: int) -> dt.date | None:
        """The deadline of the annual report covering calendar year `report_year`."""
        if not (self.annual_due_month and self.annual_due_day):
            return None
        return dt.date(report_year + 1, self.annual_due_month, self.annual_due_day)
