"""The facts staff record about a State Party's obligations under the Convention: declared
stockpiles (article 4), mined areas (article 5) and the extensions granted, withdrawals
(article 20). Deadlines are never stored: letters.deadlines computes them from these facts
and the date of entry into force. The rules are in letters.services.obligations."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped


class DestructionKind(models.TextChoices):
    STOCKPILES = "article-4", _("Article 4: destruction of stockpiled anti-personnel mines")
    MINED_AREAS = "article-5", _("Article 5: destruction of anti-personnel mines in mined areas")


class DestructionObligation(TimeStamped):
    """A State Party declared stockpiles (article 4) or mined areas under its jurisdiction or
    control (article 5): from then on the obligation applies, until it declares completion."""

    party = models.ForeignKey(
        "entities.TreatyParty", verbose_name=_("State Party"), on_delete=models.PROTECT, related_name="destruction_obligations",
    )
    kind = models.CharField(_("obligation"), max_length=16, choices=DestructionKind.choices)
    recorded_on = models.DateField(_("declared on"), help_text=_("When the State declared the stockpiles or mined areas."))
    completed_on = models.DateField(_("completion declared on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("For example: article 7 report 2024."))
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Not real: part of the demo data set."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["party", "kind"]
        verbose_name = _("destruction obligation")
        verbose_name_plural = _("destruction obligations")
        constraints = [models.UniqueConstraint(fields=["party", "kind"], name="one_destruction_obligation_per_kind")]

    def __str__(self) -> str:
        return f"{self.party.state} — {self.get_kind_display()}"


class ClearanceExtension(TimeStamped):
    """An extension of a State's article 5 deadline granted by a Meeting of the States Parties
    or a Review Conference, with the request's own milestones."""

    obligation = models.ForeignKey(
        DestructionObligation, verbose_name=_("mined areas"), on_delete=models.PROTECT, related_name="extensions",
    )
    decision = models.CharField(_("decision"), max_length=300, help_text=_("For example: decision of the Twentieth Meeting of the States Parties."))
    meeting = models.CharField(_("meeting"), max_length=200, blank=True, help_text=_("For example: Fifth Review Conference."))
    new_deadline = models.DateField(_("new deadline"))
    months_granted = models.PositiveSmallIntegerField(_("period granted (months)"), null=True, blank=True)
    submitted_on = models.DateField(_("request submitted on"), null=True, blank=True)
    analysed_on = models.DateField(_("request analysed on"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Not real: part of the demo data set."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["obligation", "new_deadline"]
        verbose_name = _("article 5 extension")
        verbose_name_plural = _("article 5 extensions")
        constraints = [models.UniqueConstraint(fields=["obligation", "new_deadline"], name="one_extension_per_deadline")]

    def __str__(self) -> str:
        return f"{self.obligation.party.state} — {self.new_deadline}"


class Withdrawal(TimeStamped):
    """A State Party's instrument of withdrawal (article 20). `effective_on` is computed when
    recorded (six months later, or the later date staff give for an armed conflict) and stored
    so the scheduling step can leave the State out in one query."""

    party = models.OneToOneField(
        "entities.TreatyParty", verbose_name=_("State Party"), on_delete=models.PROTECT, related_name="withdrawal",
    )
    received_on = models.DateField(_("instrument received on"))
    armed_conflict = models.BooleanField(
        _("engaged in an armed conflict"), default=False,
        help_text=_("The State is engaged in an armed conflict when the six months end: give the later date."),
    )
    effective_on = models.DateField(_("takes effect on"))
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Not real: part of the demo data set."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-received_on"]
        verbose_name = _("withdrawal")
        verbose_name_plural = _("withdrawals")

    def __str__(self) -> str:
        return f"{self.party.state} — {self.effective_on}"


def default_offsets_months() -> list[int]:
    return [24, 12]


class ClearanceReminderPlan(TimeStamped):
    """When the reminders before a State's article 5 deadline go out: `offsets_months` before
    it, inviting the State to request an extension in time if it will not finish. One plan,
    edited by staff; a deadline moved by an extension gets its own reminders."""

    offsets_months = models.JSONField(
        _("reminders, months before the deadline"), default=default_offsets_months, help_text=_("For example [24, 12]."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("article 5 reminder plan")
        verbose_name_plural = _("article 5 reminder plans")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)

    def clean(self):
        super().clean()
        offsets = self.offsets_months
        if not isinstance(offsets, list) or not offsets or not all(isinstance(m, int) and 0 < m <= 120 for m in offsets):
            raise ValidationError({"offsets_months": _("Give whole numbers of months between 1 and 120, e.g. 24, 12.")})
        if len(set(offsets)) != len(offsets):
            raise ValidationError({"offsets_months": _("Each number of months may appear only once.")})
        self.offsets_months = sorted(offsets, reverse=True)
