from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import PartyReference, TimeStamped

from .common import DatePrecision, format_partial_date
from .mechanisms import Mechanism


class Declaration(TimeStamped):
    """A declaration parties endorse, e.g. A4P's Declaration of Shared Commitments."""

    name = models.CharField(_("name"), max_length=300, unique=True)
    slug = models.SlugField(_("short name"), max_length=64, unique=True)
    mechanism = models.ForeignKey(
        Mechanism, verbose_name=_("initiative"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="declarations",
    )
    launched_on = models.DateField(_("launched on"), null=True, blank=True)
    launched_precision = models.CharField(_("precision of the date"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def __str__(self) -> str:
        return self.name

    @property
    def launched_display(self) -> str:
        return format_partial_date(self.launched_on, self.launched_precision)

    def get_absolute_url(self) -> str:
        return reverse("taskforce:declaration-detail", args=[self.slug])


class EndorserKind(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member States")
    REGIONAL_ORGANISATION = "regional_organisation", _("regional organizations")


class EndorsementCount(TimeStamped):
    """How many endorsers of a kind a source reports as of a date, without their names."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="counts")
    kind = models.CharField(_("endorsers"), max_length=24, choices=EndorserKind.choices)
    as_of = models.DateField(_("as of"))
    count = models.PositiveIntegerField(_("count"))
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["declaration", "-as_of", "kind"]
        verbose_name = _("endorsement count")
        verbose_name_plural = _("endorsement counts")
        constraints = [models.UniqueConstraint(fields=["declaration", "kind", "as_of"], name="unique_endorsement_count")]

    def __str__(self) -> str:
        return f"{self.count} {self.get_kind_display()} ({self.as_of})"


class Endorsement(PartyReference, TimeStamped):
    """A named endorser of a declaration; `endorsed_on` only when the source gives it."""

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="endorsements")
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    known_by = models.DateField(_("known to have endorsed by"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["declaration", "state__code", "organisation__name"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            PartyReference.constraint("endorsement_one_party"),
            models.UniqueConstraint(fields=["declaration", "state"], condition=models.Q(state__isnull=False), name="endorsement_state_once"),
            models.UniqueConstraint(
                fields=["declaration", "organisation"], condition=models.Q(organisation__isnull=False), name="endorsement_org_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party} — {self.declaration}"
