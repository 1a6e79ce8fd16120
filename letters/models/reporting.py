from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped


class ReportKind(models.TextChoices):
    INITIAL = "initial", _("initial report")
    ANNUAL = "annual", _("annual report")


class ReportSubmissionQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Staff and API clients read every State's reports; a State focal point its own State's."""
        if actor.is_isu_staff or actor.is_api_client:
            return self
        if actor.is_state_focal_point:
            return self.filter(state_id=actor.state_id)
        return self.none()


class ReportSubmission(TimeStamped):
    """A State's report received for one obligation and period (the calendar year covered;
    for the initial report, the year the Convention entered into force for the State)."""

    obligation = models.ForeignKey(
        "entities.ReportingObligation", verbose_name=_("reporting obligation"),
        on_delete=models.PROTECT, related_name="submissions",
    )
    state = models.ForeignKey("entities.State", verbose_name=_("State"), on_delete=models.PROTECT, related_name="report_submissions")
    kind = models.CharField(_("kind"), max_length=16, choices=ReportKind.choices, default=ReportKind.ANNUAL)
    period = models.PositiveSmallIntegerField(_("year covered"))
    received_on = models.DateField(_("received on"))
    link = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="reports/%Y/", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    history = HistoricalRecords()

    objects = ReportSubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-period", "state"]
        verbose_name = _("report received")
        verbose_name_plural = _("reports received")
        constraints = [
            models.UniqueConstraint(fields=["obligation", "state", "kind", "period"], name="one_report_per_state_period"),
        ]

    def __str__(self) -> str:
        return f"{self.state} — {self.obligation} {self.period}"
