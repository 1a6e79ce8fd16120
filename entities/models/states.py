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


class CountryNameCorrection(TimeStamped):
    """Staff's correction of a State's short name in one language, with its grammar. The shipped
    table (data/reference/country-names.csv) stays the default; a correction wins over it
    wherever the name is shown (entities.countries, entities.country_corrections). A language
    the staff have not corrected has no row."""

    state = models.ForeignKey(State, verbose_name=_("State"), on_delete=models.CASCADE, related_name="name_corrections")
    language = models.CharField(_("language"), max_length=2, choices=[
        ("en", _("English")), ("fr", _("French")), ("es", _("Spanish")),
    ])
    name = models.CharField(_("name"), max_length=100)
    article = models.CharField(_("article"), max_length=4, blank=True)
    gender = models.CharField(_("gender"), max_length=1, default="m", choices=[
        ("m", _("masculine")), ("f", _("feminine")),
    ])
    number = models.CharField(_("number"), max_length=1, default="s", choices=[
        ("s", _("singular")), ("p", _("plural")),
    ])
    elides = models.BooleanField(_("elision before the name"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["state", "language"]
        verbose_name = _("country name correction")
        verbose_name_plural = _("country name corrections")
        constraints = [
            models.UniqueConstraint(fields=["state", "language"], name="country_name_correction_once_per_language"),
            models.CheckConstraint(condition=models.Q(language__in=["en", "fr", "es"]), name="country_name_correction_language"),
            models.CheckConstraint(condition=~models.Q(name=""), name="country_name_correction_named"),
        ]

    def __str__(self) -> str:
        return self.name
