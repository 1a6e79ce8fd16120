from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from .recommendations import Recommendation
from .status import ActionStatus


class TagKind(models.TextChoices):
    ISACS = "isacs", _("International Small Arms Control Standards")
    IATG = "iatg", _("International Ammunition Technical Guidelines")
    SDG = "sdg", _("Sustainable Development Goals")


class Tag(models.Model):
    """A standard or goal an action cites: "ISACS 05.31", "IATG 12.10", "SDG 16.4.2"."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=TagKind.choices)
    name = models.CharField(_("name"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("standard or goal")
        verbose_name_plural = _("standards and goals")

    def __str__(self) -> str:
        return self.code


class SuggestedActionQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Suggested actions and their status are public (recommendations.access)."""
        return self


class SuggestedAction(TimeStamped):
    """One suggested action under one recommendation, addressed to one addressee."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    addressee = models.ForeignKey(
        "entities.AddresseeGroup", verbose_name=_("addressee"), on_delete=models.PROTECT, related_name="suggested_actions"
    )
    text = models.TextField(_("text"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    implementing_entities = models.ManyToManyField(
        "entities.Entity", verbose_name=_("UN entities named or implementing"), blank=True,
        related_name="suggested_actions",
    )
    organisations = models.ManyToManyField(
        "entities.Organisation", verbose_name=_("other organisations named"), blank=True,
        related_name="suggested_actions",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("standards and goals cited"), blank=True, related_name="actions")
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED, db_index=True
    )
    last_status_update_at = models.DateTimeField(_("last status update"), null=True, blank=True, db_index=True)
    history = HistoricalRecords()

    objects = SuggestedActionQuerySet.as_manager()

    class Meta:
        ordering = ["recommendation", "position", "id"]
        # Serves the "recommendations with an action for this addressee" filter as an
        # index-only semi-join.
        indexes = [models.Index(fields=["addressee", "recommendation"], name="action_addressee_rec_idx")]
        verbose_name = _("suggested action")
        verbose_name_plural = _("suggested actions")

    def __str__(self) -> str:
        return f"{self.addressee}: {self.text[:60]}"


class StatusUpdate(models.Model):
    """One entry of an action's status history."""

    action = models.ForeignKey(SuggestedAction, on_delete=models.CASCADE, related_name="status_updates")
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices)
    note = models.TextField(_("note"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True, max_length=500)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("posted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="recommendation_status_updates",
    )
    on_behalf_of = models.ForeignKey(
        "entities.Entity", verbose_name=_("on behalf of"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="recommendation_status_updates",
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True, db_index=True)
    # Demo updates stay in the action's history, badged, but never move the real status.
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Not real: part of the demo data set."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-created_at", "-id"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        indexes = [models.Index(fields=["action", "-date", "-created_at"], name="statusupdate_action_recent")]

    def __str__(self) -> str:
        return f"{self.date} {self.get_status_display()}"
