from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import PartyReference, TimeStamped

from .mechanisms import Mechanism, Objective
from .meetings import Meeting


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class ActionItemQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Action items of confidential meetings follow their meeting."""
        if actor.is_isu_staff:
            return self
        meetings = Meeting.objects.visible_to(actor).values("pk")
        return self.filter(Q(meeting__isnull=True) | Q(meeting__in=meetings))


class ActionItem(PartyReference, TimeStamped):
    """Something a meeting asked a party (the owner: an entity or a State) to do by a date."""

    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="action_items")
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="action_items")
    objective = models.ForeignKey(
        Objective, verbose_name=_("serves objective"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="action_items",
    )
    text = models.TextField(_("action"))
    due_on = models.DateField(_("due date"), null=True, blank=True, db_index=True)
    status = models.CharField(_("status"), max_length=10, choices=ActionItemStatus.choices, default=ActionItemStatus.OPEN, db_index=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    objects = ActionItemQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        constraints = [PartyReference.constraint("action_item_one_owner")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def owner(self):
        return self.party

    @property
    def is_overdue(self) -> bool:
        return self.status == ActionItemStatus.OPEN and self.due_on is not None and self.due_on < timezone.localdate()

    def get_absolute_url(self) -> str:
        return reverse("taskforce:action-item-detail", args=[self.pk])


class ActionItemUpdate(models.Model):
    """One change of an action item's status, with who made it and their note."""

    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    from_status = models.CharField(_("from"), max_length=10, choices=ActionItemStatus.choices)
    to_status = models.CharField(_("to"), max_length=10, choices=ActionItemStatus.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["action_item", "at", "pk"]
        verbose_name = _("action item status change")
        verbose_name_plural = _("action item status changes")

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class ReminderSent(models.Model):
    """Which overdue item was reminded to which focal point, so a reminder goes once a period."""

    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="reminders")
    focal_point = models.ForeignKey("entities.FocalPoint", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("period"), max_length=10, help_text=_("ISO week of the reminder, e.g. 2026-W47."))
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)

    class Meta:
        verbose_name = _("action item reminder")
        verbose_name_plural = _("action item reminders")
        constraints = [
            models.UniqueConstraint(fields=["action_item", "focal_point", "period"], name="unique_reminder_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.action_item_id} → {self.focal_point_id} ({self.period})"
