from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from .mechanisms import Mechanism


class CapabilityKind(models.TextChoices):
    EXPERTISE = "expertise", _("expertise")
    TRAINING = "training", _("training")
    DATA = "data", _("data")
    TOOLS = "tools", _("tools")
    GUIDANCE = "guidance", _("guidance")


class CapabilitySource(models.TextChoices):
    STAFF = "staff", _("entered by ISU staff")
    SURVEY = "survey", _("from a survey answer")


class Capability(TimeStamped):
    """An entry of the "UN toolbox": what an entity offers to the others."""

    entity = models.ForeignKey("entities.Entity", on_delete=models.PROTECT, related_name="capabilities")
    mechanism = models.ForeignKey(Mechanism, on_delete=models.SET_NULL, null=True, blank=True, related_name="capabilities")
    kind = models.CharField(_("kind"), max_length=12, choices=CapabilityKind.choices)
    title = models.CharField(_("capability"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=8, choices=CapabilitySource.choices, default=CapabilitySource.STAFF)
    survey_response = models.ForeignKey(
        "taskforce.SurveyResponse", on_delete=models.SET_NULL, null=True, blank=True, related_name="capabilities"
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["entity__acronym", "kind", "title"]
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")
        constraints = [models.UniqueConstraint(fields=["entity", "kind", "title"], name="unique_capability")]

    def __str__(self) -> str:
        return f"{self.entity} — {self.title}"


class GlossaryTerm(TimeStamped):
    """A term of a mechanism's shared glossary, in English, French and Spanish."""

    mechanism = models.ForeignKey(Mechanism, on_delete=models.CASCADE, related_name="glossary_terms")
    term_en = models.CharField(_("term (English)"), max_length=200)
    term_fr = models.CharField(_("term (French)"), max_length=200, blank=True)
    term_es = models.CharField(_("term (Spanish)"), max_length=200, blank=True)
    definition_en = models.TextField(_("definition (English)"))
    definition_fr = models.TextField(_("definition (French)"), blank=True)
    definition_es = models.TextField(_("definition (Spanish)"), blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["mechanism", "term_en"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        constraints = [models.UniqueConstraint(fields=["mechanism", "term_en"], name="unique_glossary_term")]

    def __str__(self) -> str:
        return self.term_en
