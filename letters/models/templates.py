from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import Language, TimeStamped


class TemplateKind(models.TextChoices):
    REPORT_REMINDER = "report-reminder", _("Reminder before a report deadline")
    REPORT_OVERDUE = "report-overdue", _("Overdue report")
    PLATFORM_CALL = "platform-call", _("Annual call for Platform for Partnerships updates")
    CLEARANCE_REMINDER = "clearance-reminder", _("Reminder before an article 5 clearance deadline")


class LetterTemplate(TimeStamped):
    """The subject and body of a kind of letter in one language, edited by staff.

    Placeholders are Django template variables (`{{ state }}`); the allowed names per kind
    are in letters.services.rendering.PLACEHOLDERS and are checked when the template is saved.
    """

    kind = models.CharField(_("kind"), max_length=40, choices=TemplateKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [models.UniqueConstraint(fields=["kind", "language"], name="one_template_per_kind_language")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self):
        from letters.services.rendering import template_check

        super().clean()
        template_check(kind=self.kind, subject=self.subject, body=self.body)
