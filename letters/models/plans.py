from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped


def default_offsets() -> list[int]:
    return [60, 30, 7]


class ReminderPlan(TimeStamped):
    """When the reminders of one reporting obligation go out: `offsets_days` before the
    annual deadline, and one overdue letter `overdue_after_days` after it."""

    obligation = models.OneToOneField(
        "entities.ReportingObligation", verbose_name=_("reporting obligation"),
        on_delete=models.CASCADE, related_name="reminder_plan",
    )
    offsets_days = models.JSONField(
        _("reminders, days before the deadline"), default=default_offsets,
        help_text=_("For example [60, 30, 7]."),
    )
    overdue_after_days = models.PositiveSmallIntegerField(
        _("overdue letter, days after the deadline"), null=True, blank=True, default=7,
        help_text=_("Leave empty for no overdue letter."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["obligation"]
        verbose_name = _("reminder plan")
        verbose_name_plural = _("reminder plans")

    def __str__(self) -> str:
        return str(self.obligation)

    def clean(self):
        super().clean()
        offsets = self.offsets_days
        if not isinstance(offsets, list) or not all(isinstance(d, int) and 0 < d <= 365 for d in offsets):
            raise ValidationError({"offsets_days": _("Give whole numbers of days between 1 and 365, e.g. [60, 30, 7].")})
        if len(set(offsets)) != len(offsets):
            raise ValidationError({"offsets_days": _("Each offset may appear only once.")})
        self.offsets_days = sorted(offsets, reverse=True)
