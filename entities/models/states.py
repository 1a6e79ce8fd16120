from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from entities.countries import country_name

from .base import TimeStamped


class State(TimeStamped):
    """A country by its ISO 3166-1 code; its name is the UN short name in the active language
    (entities.countries, from data/reference/country-names.csv), else django-countries'."""

    code = CountryField(_("country"), unique=True)
    is_un_member = models.BooleanField(_("UN Member State"), default=False, db_index=True)
    un_member_since = models.PositiveSmallIntegerField(_("UN member since"), null=True, blank=True)
    region = models.CharField(_("region"), max_length=32, blank=True, db_index=True)
    subregion = models.CharField(_("subregion"), max_length=64, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("State")
        verbose_name_plural = _("States")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return country_name(self.code.code) if self.code else ""

    def get_absolute_url(self) -> str:
        return reverse("entities:state-detail", args=[self.code.code])
