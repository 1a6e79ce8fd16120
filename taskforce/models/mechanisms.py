from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import PartyReference, TimeStamped

from .common import DatePrecision, PartyRole, format_partial_date


class MechanismKind(models.TextChoices):
    MECHANISM = "mechanism", _("coordination mechanism")
    TASK_FORCE = "task_force", _("task force")
    COMMITTEE = "committee", _("treaty committee")
    INITIATIVE = "initiative", _("initiative")


class Mechanism(TimeStamped):
    """A standing coordination body: CASA, the IED task force, a Convention committee..."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    slug = models.SlugField(_("short name"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MechanismKind.choices, default=MechanismKind.MECHANISM)
    mandate = models.TextField(_("mandate"), blank=True)
    lead_entity = models.ForeignKey(
        "entities.Entity", verbose_name=_("lead or chair (UN entity)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="led_mechanisms",
    )
    lead_state = models.ForeignKey(
        "entities.State", verbose_name=_("lead or chair (State)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="led_mechanisms",
    )
    lead_role = models.CharField(_("role of the lead"), max_length=20, choices=PartyRole.choices, default=PartyRole.CHAIR)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    established_precision = models.CharField(
        _("precision of the date"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    established_by = models.CharField(_("established by"), max_length=255, blank=True)
    founding_document = models.CharField(_("document that created it"), max_length=500, blank=True)
    founding_document_url = models.URLField(_("link to that document"), blank=True)
    declared_member_count = models.PositiveSmallIntegerField(
        _("number of members stated by the source"), null=True, blank=True,
        help_text=_("Kept even when the source does not name every member."),
    )
    source = models.CharField(_("source"), max_length=500, blank=True, help_text=_("The document this record comes from."))
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("mechanism")
        verbose_name_plural = _("mechanisms")
        constraints = [
            models.CheckConstraint(
                condition=Q(lead_entity__isnull=True) | Q(lead_state__isnull=True), name="mechanism_one_lead"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def short(self) -> str:
        return self.acronym or self.name

    @property
    def lead(self):
        return self.lead_entity or self.lead_state

    @property
    def established_display(self) -> str:
        return format_partial_date(self.established_on, self.established_precision)

    def get_absolute_url(self) -> str:
        return reverse("taskforce:mechanism-detail", args=[self.slug])


class Membership(PartyReference, TimeStamped):
    """A party's membership of a mechanism, over time: role, from, until."""

    mechanism = models.ForeignKey(Mechanism, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices, default=PartyRole.MEMBER)
    since = models.DateField(_("from"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mechanism", "role", "entity__acronym", "state__code", "organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            PartyReference.constraint("membership_one_party"),
            models.CheckConstraint(
                condition=Q(until__isnull=True) | Q(since__isnull=True) | Q(until__gte=models.F("since")),
                name="membership_until_after_since",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} — {self.get_role_display()} ({self.mechanism.short})"

    def clean(self):
        super().clean()
        if self.since and self.until and self.until < self.since:
            raise ValidationError({"until": _("The end of a membership cannot be before its start.")})

    @property
    def is_current(self) -> bool:
        from django.utils import timezone

        return self.until is None or self.until >= timezone.localdate()


class ObjectiveKind(models.TextChoices):
    STRATEGIC_OBJECTIVE = "strategic_objective", _("strategic objective")
    OBJECTIVE = "objective", _("objective")
    EXPECTED_ACCOMPLISHMENT = "expected_accomplishment", _("expected accomplishment")
    EXPECTED_BENEFIT = "expected_benefit", _("expected benefit")


class ObjectiveStatus(models.TextChoices):
    NOT_ASSESSED = "not_assessed", _("not assessed")
    PLANNED = "planned", _("planned")
    IN_PROGRESS = "in_progress", _("in progress")
    ACHIEVED = "achieved", _("achieved")
    DROPPED = "dropped", _("dropped")


class Objective(TimeStamped):
    """An objective or expected accomplishment of a mechanism's programme of work."""

    mechanism = models.ForeignKey(Mechanism, on_delete=models.CASCADE, related_name="objectives")
    kind = models.CharField(_("kind"), max_length=32, choices=ObjectiveKind.choices, default=ObjectiveKind.OBJECTIVE)
    label = models.CharField(_("number"), max_length=10, blank=True, help_text=_("As numbered in the source: 1, (a)..."))
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=ObjectiveStatus.choices, default=ObjectiveStatus.NOT_ASSESSED)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mechanism", "kind", "order"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [models.UniqueConstraint(fields=["mechanism", "kind", "order"], name="unique_objective_order")]

    def __str__(self) -> str:
        return f"{self.label} {self.text[:80]}".strip()
