from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext
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


class AddressProblemCode(models.TextChoices):
    """Why a letter has no usable address, stored as a code and put in words for the reader."""

    MALFORMED = "malformed", _("Malformed address")
    NO_ADDRESS = "no_address", _("No usable e-mail address")


# Short forms for the letter reference; other words are capitalised ("report-overdue" -> "Report/Overdue").
REFERENCE_WORDS = {"partnerships": "PfP", "platform": "PfP", "taskforce": "TF"}


def _purpose_reference(purpose: str) -> str:
    """"apmbc-article-7" -> "APMBC/Art.7"; "partnerships-match" -> "PfP/Match"."""
    treaty, article_word, article = purpose.partition("-article-")
    if article_word and treaty and article:
        return f"{treaty.upper()}/Art.{article}"
    return "/".join(REFERENCE_WORDS.get(word, word.capitalize()) for word in purpose.split("-") if word)


def _stage_reference(stage: str) -> str:
    """"reminder-60" -> "R60" (days before), "months-6" -> "R6M", "overdue" -> "OD", "campaign-3" -> "C3"."""
    if not stage:
        return ""
    if stage == "overdue":
        return "OD"
    for prefix, short, suffix in (("reminder-", "R", ""), ("months-", "R", "M"), ("campaign-", "C", "")):
        rest = stage.removeprefix(prefix)
        if rest != stage and rest.isdigit():
            return f"{short}{rest}{suffix}"
    return stage.upper()


class LetterQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """The outbox is ISU staff's only (letters.access)."""
        return self if actor.is_isu_staff else self.none()


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
    address_problem_code = models.CharField(
        _("address problem"), max_length=16, choices=AddressProblemCode.choices, blank=True,
        help_text=_("Why no usable address was found: shown in the reader's language."),
    )
    malformed_addresses = models.TextField(_("malformed addresses"), blank=True, help_text=_("As typed, comma-separated."))
    message_id = models.CharField(_("SMTP message id"), max_length=255, unique=True)
    batch = models.UUIDField(_("hand-off batch"), null=True, blank=True, editable=False)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    lease_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Not indexed (unlike other models): the outbox is written in bulk, and nothing lists it by update time.
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["batch", "lease_until", "next_attempt_at"])

    objects = LetterQuerySet.as_manager()

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
    def address_problem(self) -> str:
        """The address problem in words, in the active language ("" when there is none)."""
        parts = []
        if self.malformed_addresses:
            parts.append(gettext("Malformed address: %(addresses)s") % {"addresses": self.malformed_addresses})
        if self.address_problem_code == AddressProblemCode.NO_ADDRESS:
            parts.append(gettext("No usable e-mail address."))
        return " ".join(parts)

    @property
    def reference(self) -> str:
        """The letter's reference as people quote it: "APMBC/Art.7/2025/UG/R60" (treaty and
        article, year, State, stage), never its internal key. Printed on the letter, shown in
        the outbox and on the letter's page. No query: the State's code is read from the key."""
        parts = [_purpose_reference(self.purpose)]
        if self.period:
            parts.append(str(self.period))
        code = next((part for part in self.key.split(":")[1:] if len(part) == 2 and part.isalpha() and part.isupper()), "")
        if code:
            parts.append(code)
        if stage := _stage_reference(self.stage):
            parts.append(stage)
        if not self.period and self.pk:
            parts.append(str(self.pk))  # one-off messages: the number tells two apart
        return "/".join(parts)

    @property
    def is_resendable(self) -> bool:
        return self.status in {LetterStatus.FAILED, LetterStatus.NO_RECIPIENT, LetterStatus.CANCELLED}
