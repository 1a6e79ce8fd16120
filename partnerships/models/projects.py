from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from ..choices import PledgeStatus
from .validators import validate_currency


class Project(TimeStamped):
    """A project with a budget and pledges; its totals and funding gap are computed, never typed."""

    title = models.CharField(_("title"), max_length=255, unique=True)
    owner_mechanism = models.ForeignKey(
        "taskforce.Mechanism", verbose_name=_("owner (mechanism)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="platform_projects",
    )
    owner_entity = models.ForeignKey(
        "entities.Entity", verbose_name=_("owner (UN entity)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="platform_projects",
    )
    managers = models.CharField(_("project manager"), max_length=300, blank=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True)
    focus = models.CharField(_("disarmament focus"), max_length=200, blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    geographic_focus = models.CharField(_("geographical focus"), max_length=200, blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD", validators=[validate_currency])
    source = models.CharField(_("source"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.CheckConstraint(
                condition=Q(owner_mechanism__isnull=False, owner_entity__isnull=True)
                | Q(owner_mechanism__isnull=True, owner_entity__isnull=False),
                name="project_has_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")) | Q(ends_on__isnull=True) | Q(starts_on__isnull=True),
                name="project_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("partnerships:project-detail", args=[self.pk])

    @property
    def owner(self):
        return self.owner_mechanism or self.owner_entity


class BudgetLine(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="budget_lines")
    label = models.CharField(_("budget item"), max_length=300)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "order", "id"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.UniqueConstraint(fields=["project", "label"], name="unique_budget_line_label"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_amount_not_negative"),
        ]

    def __str__(self) -> str:
        return self.label


class Pledge(models.Model):
    """A donor's pledge. The donor is a UN entity, a State or an organisation; when the source
    names no donor (e.g. a total of indicative pledges), `donor_description` says so."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="pledges")
    donor_entity = models.ForeignKey("entities.Entity", verbose_name=_("donor (UN entity)"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    donor_state = models.ForeignKey("entities.State", verbose_name=_("donor (State)"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    donor_organisation = models.ForeignKey(
        "entities.Organisation", verbose_name=_("donor (organisation)"), null=True, blank=True, on_delete=models.PROTECT, related_name="+",
    )
    donor_description = models.CharField(_("donor, as described by the source"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=PledgeStatus.choices, default=PledgeStatus.INDICATIVE)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    pledged_on = models.DateField(_("pledged on"), null=True, blank=True)
    received_on = models.DateField(_("received on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "status", "id"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="pledge_amount_not_negative"),
            models.CheckConstraint(
                condition=(
                    Q(donor_entity__isnull=False, donor_state__isnull=True, donor_organisation__isnull=True)
                    | Q(donor_entity__isnull=True, donor_state__isnull=False, donor_organisation__isnull=True)
                    | Q(donor_entity__isnull=True, donor_state__isnull=True, donor_organisation__isnull=False)
                    | (Q(donor_entity__isnull=True, donor_state__isnull=True, donor_organisation__isnull=True) & ~Q(donor_description=""))
                ),
                name="pledge_names_one_donor_or_describes_it",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.donor} — {self.amount} {self.currency}"

    @property
    def donor(self):
        return self.donor_entity or self.donor_state or self.donor_organisation or self.donor_description

    def clean(self):
        super().clean()
        if self.project_id and self.currency and self.currency != self.project.currency:
            raise ValidationError({"currency": _("Pledges are in the project's currency (%(currency)s), so that the gap can be computed.")
                                   % {"currency": self.project.currency}})
        if self.status == PledgeStatus.RECEIVED and not self.received_on:
            raise ValidationError({"received_on": _("Give the date the money was received.")})
