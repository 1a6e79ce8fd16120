import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from ..access import entry_rule
from ..choices import CURRENT_STATUSES, Area, EntryStatus, Kind, Side, Visibility
from .validators import validate_currency

# An entry not confirmed for this long is stale; its State is asked to confirm or withdraw it.
STALE_AFTER = dt.timedelta(days=365)


class EntryQuerySet(models.QuerySet):
    def needs(self):
        return self.filter(side=Side.NEED)

    def offers(self):
        return self.filter(side=Side.OFFER)

    def stale(self, now=None):
        cutoff = (now or timezone.now()) - STALE_AFTER
        return self.filter(status__in=CURRENT_STATUSES, confirmed_at__lt=cutoff)

    def visible_to(self, actor):
        """The entries an actor may see (partnerships.access: public, States Parties only, the
        actor's own State's)."""
        rule = entry_rule(actor)
        return self if rule is None else self.filter(rule)


class Entry(TimeStamped):
    """A State Party's need for assistance, or its offer of assistance."""

    side = models.CharField(_("need or offer"), max_length=8, choices=Side.choices)
    state = models.ForeignKey(
        "entities.State", verbose_name=_("State"), on_delete=models.PROTECT, related_name="platform_entries",
    )
    kind = models.CharField(
        _("kind of assistance"), max_length=16, choices=Kind.choices,
        help_text=_("Financial support, equipment, expertise, or experience and best practice."),
    )
    area = models.CharField(_("area"), max_length=32, choices=Area.choices)
    title = models.CharField(
        _("title"), max_length=200, help_text=_("One line that says what is needed or offered."),
    )
    description = models.TextField(
        _("description"), max_length=4000,
        help_text=_("What, where, for whom and by when. At most 4,000 characters."),
    )
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("For financial assistance: the amount needed or offered."),
    )
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, validators=[validate_currency],
        help_text=_("ISO 4217 code, e.g. USD, EUR, CHF."),
    )
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True)
    geographic_focus = models.CharField(
        _("geographic focus"), max_length=200, blank=True,
        help_text=_("Provinces, districts or regions concerned, in a few words."),
    )
    target_state = models.ForeignKey(
        "entities.State", verbose_name=_("State assisted"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="platform_offers_for",
        help_text=_("For an offer: the State it is meant for, if any."),
    )
    target_region = models.CharField(
        _("region assisted"), max_length=32, blank=True,
        help_text=_("For an offer: the region it is meant for, if any."),
    )
    status = models.CharField(_("status"), max_length=16, choices=EntryStatus.choices, default=EntryStatus.OPEN)
    visibility = models.CharField(
        _("who may see it"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC,
        help_text=_("Public: anyone. States Parties only: focal points of States Parties and the secretariat. "
                    "Secretariat only: the secretariat and your own State."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("submitted by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    confirmed_at = models.DateTimeField(_("last confirmed as current"), default=timezone.now, db_index=True)
    stale_request_sent_at = models.DateTimeField(_("asked to confirm on"), null=True, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    is_demo = models.BooleanField(_("demo data"), default=False, help_text=_("Not real: part of the demo data set."))
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at", "-id"]
        verbose_name = _("need or offer")
        verbose_name_plural = _("needs and offers")
        indexes = [
            models.Index(fields=["side", "status", "area"], name="entry_side_status_area"),
            models.Index(fields=["side", "status", "kind"], name="entry_side_status_kind"),
            models.Index(fields=["state", "side"], name="entry_state_side"),
            models.Index(fields=["visibility", "status"], name="entry_visibility_status"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0) | models.Q(amount__isnull=True), name="entry_amount_not_negative"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start"))
                | models.Q(period_end__isnull=True) | models.Q(period_start__isnull=True),
                name="entry_period_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()}: {self.title} ({self.state})"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:entry-detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period cannot end before it starts.")
        if self.amount is not None and not self.currency:
            errors["currency"] = _("Give the currency of the amount.")
        if self.currency and self.amount is None:
            errors["amount"] = _("Give the amount, or leave the currency empty.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_need(self) -> bool:
        return self.side == Side.NEED

    @property
    def is_stale(self) -> bool:
        return self.status in CURRENT_STATUSES and self.confirmed_at < timezone.now() - STALE_AFTER

    @property
    def is_withdrawn(self) -> bool:
        return self.status == EntryStatus.WITHDRAWN
