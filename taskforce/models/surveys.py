from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from .common import DatePrecision
from .directory import CapabilityKind
from .mechanisms import Mechanism


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open for answers")
    CLOSED = "closed", _("closed")


class SurveyQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Staff see drafts too; entity focal points see surveys once they are sent or closed."""
        if actor.is_isu_staff:
            return self
        if actor.is_entity_focal_point:
            return self.exclude(status=SurveyStatus.DRAFT)
        return self.none()


class Survey(TimeStamped):
    """A mapping survey of UN entities (e.g. UNMAS's survey of about 30 entities on the IED threat)."""

    mechanism = models.ForeignKey(Mechanism, on_delete=models.PROTECT, related_name="surveys")
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT)
    conducted_on = models.DateField(_("conducted on"), null=True, blank=True)
    conducted_precision = models.CharField(_("precision of the date"), max_length=8, choices=DatePrecision.choices, default=DatePrecision.DAY)
    declared_respondent_count = models.PositiveSmallIntegerField(
        _("number of entities surveyed, as stated by the source"), null=True, blank=True
    )
    respondent_count_is_approximate = models.BooleanField(_("the source gives an approximate number"), default=False)
    closes_on = models.DateField(_("answers due"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=500, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords()

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("mapping survey")
        verbose_name_plural = _("mapping surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("taskforce:survey-detail", args=[self.pk])


class QuestionKind(models.TextChoices):
    CHOICE = "choice", _("one choice")
    MULTIPLE = "multiple", _("multiple choice")
    TEXT = "text", _("text")
    SCALE = "scale", _("scale")


class QuestionTopic(models.TextChoices):
    """What an answer tells the task force; capability answers feed the capabilities directory."""

    AREA_OF_WORK = "area_of_work", _("areas of work affected")
    CAPACITY = "capacity", _("capacities")
    GAP = "gap", _("gaps")
    OTHER = "other", _("other")


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=500)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.TEXT)
    topic = models.CharField(_("topic"), max_length=16, choices=QuestionTopic.choices, default=QuestionTopic.OTHER)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    scale_min = models.PositiveSmallIntegerField(_("scale from"), default=1)
    scale_max = models.PositiveSmallIntegerField(_("scale to"), default=5)
    required = models.BooleanField(_("required"), default=True)
    capability_kind = models.CharField(
        _("feeds the capabilities directory as"), max_length=12, blank=True,
        choices=CapabilityKind.choices,
        help_text=_("For a text question: each line of an answer becomes a capability of the answering entity."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "order", "pk"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self) -> str:
        return self.text


class SurveyFinding(models.Model):
    """A finding reported from a survey, as the source words it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="findings")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("finding"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "order"]
        verbose_name = _("survey finding")
        verbose_name_plural = _("survey findings")

    def __str__(self) -> str:
        return self.text[:80]


class SurveyInvitation(models.Model):
    """The survey was sent to this entity (its focal points answer for it)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    entity = models.ForeignKey("entities.Entity", on_delete=models.PROTECT, related_name="survey_invitations")
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["survey", "entity__acronym"]
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [models.UniqueConstraint(fields=["survey", "entity"], name="unique_survey_invitation")]

    def __str__(self) -> str:
        return f"{self.survey} → {self.entity}"


class SurveyResponse(TimeStamped):
    """One entity's answers to a survey (one per entity; answering again replaces them)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    entity = models.ForeignKey("entities.Entity", on_delete=models.PROTECT, related_name="survey_responses")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        ordering = ["survey", "entity__acronym"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [models.UniqueConstraint(fields=["survey", "entity"], name="unique_survey_response")]

    def __str__(self) -> str:
        return f"{self.entity} — {self.survey}"


class SurveyAnswer(models.Model):
    """The answer to one question: text, a number (scale) or a list of chosen options."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("text"), blank=True)
    number = models.SmallIntegerField(_("value"), null=True, blank=True)
    selected = models.JSONField(_("chosen options"), default=list, blank=True)

    class Meta:
        ordering = ["response", "question__order"]
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="unique_survey_answer")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.display}"

    @property
    def display(self) -> str:
        if self.selected:
            return ", ".join(self.selected)
        if self.number is not None:
            return str(self.number)
        return self.text
