from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import Language, TimeStamped


class LetterStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")
    NO_RECIPIENT = "no_recipient", _("no recipient")


class Letter(TimeStamped):
    """One outgoing message: the outbox row is the truth, the task only moves it forward.

    queued -> sending -> sent; sending -> queued (transient error, retried later) or failed
    (attempt cap reached). `no_recipient` and `cancelled` are final until staff act.
    """

    key = models.CharField(_("key"), max_length=255, unique=True, help_text=_("One key per logical message."))
    purpose = models.CharField(_("purpose"), max_length=80)
    state = models.ForeignKey(
        "entities.State", verbose_name=_("State"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="letters",
    )
    entity = models.ForeignKey(
        "entities.Entity", verbose_name=_("UN entity"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="letters",
    )
    period = models.PositiveSmallIntegerField(_("period (year)"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH)
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    attachments_builder = models.CharField(
        _("attachments builder"), max_length=200, blank=True,
        help_text=_("Dotted path of a function building the attachments from the letter."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=LetterStatus.choices, default=LetterStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    address_problem = models.TextField(_("address problem"), blank=True)
    message_id = models.CharField(_("SMTP message id"), max_length=255, unique=True)
    batch = models.UUIDField(_("hand-off batch"), null=True, blank=True, editable=False)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Not indexed (unlike other models): the outbox is written in bulk, and nothing lists it by update time.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["batch", "lease_until", "next_attempt_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        constraints = [
            # At most one letter per State, purpose, period and stage.
            models.UniqueConstraint(
                fields=["state", "purpose", "period", "stage"],
                condition=Q(state__isnull=False, period__isnull=False),
                name="one_letter_per_state_purpose_period_stage",
            ),
        ]
        # Few indexes on purpose: one scheduling step inserts thousands of rows at once.
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="letter_status_next_idx"),
            models.Index(fields=["purpose", "period", "stage"], name="letter_purpose_period_idx"),
        ]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse("letters:letter-detail", args=[self.pk])

    @property
    def is_resendable(self) -> bool:
        return self.status in {LetterStatus.FAILED, LetterStatus.NO_RECIPIENT, LetterStatus.CANCELLED}
