from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from .templates import LETTER_KIND_CHOICES, TemplateKind


class Audience(models.TextChoices):
    STATES_PARTIES = "states_parties", _("All States Parties to the treaty")


class CampaignStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    QUEUED = "queued", _("queued")


class Campaign(TimeStamped):
    """A one-off communication to an audience on a send date, e.g. the annual call for
    Platform for Partnerships updates before the Intersessional Meetings."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("template"), max_length=40, choices=LETTER_KIND_CHOICES, default=TemplateKind.PLATFORM_CALL)
    treaty = models.ForeignKey("entities.Treaty", verbose_name=_("treaty"), on_delete=models.PROTECT, related_name="campaigns")
    audience = models.CharField(_("audience"), max_length=32, choices=Audience.choices, default=Audience.STATES_PARTIES)
    period = models.PositiveSmallIntegerField(_("year"))
    send_on = models.DateField(_("send on"))
    meeting = models.CharField(_("meeting"), max_length=200, blank=True, help_text=_("For example: the Intersessional Meetings."))
    status = models.CharField(_("status"), max_length=16, choices=CampaignStatus.choices, default=CampaignStatus.PLANNED)
    queued_at = models.DateTimeField(_("queued"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-send_on", "name"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("letters:campaign-detail", args=[self.pk])

    @property
    def purpose(self) -> str:
        return f"campaign-{self.pk}"
