from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from .status import ActionStatus


class Report(TimeStamped):
    """A report of the Secretary-General, by its document symbol (S/2017/1025).

    Fields the source documents do not state are left blank rather than guessed.
    """

    symbol = models.CharField(_("symbol"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    organ = models.CharField(_("organ"), max_length=120, blank=True)
    link = models.URLField(_("link"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["symbol"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return self.symbol


class Cluster(models.Model):
    """A thematic heading of annex I ("Weapons and ammunition management", "Peacekeeping"...)."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("thematic cluster")
        verbose_name_plural = _("thematic clusters")

    def __str__(self) -> str:
        return self.name


class RecommendationQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Recommendations are public (recommendations.access)."""
        return self


class Recommendation(TimeStamped):
    """One row of annex I: a recommendation, possibly cited from several reports.

    `status` is derived from the actions (see recommendations.status.derive_status) and stored
    so that lists can filter and count on it; `updated_at` moves whenever one of its actions
    changes, which is what incremental pulls (`updated_since`) and ETags rely on.
    """

    text = models.TextField(_("text"))
    cluster = models.ForeignKey(
        Cluster, verbose_name=_("thematic cluster"), on_delete=models.PROTECT, related_name="recommendations"
    )
    re_examined_in = models.ForeignKey(
        Report, verbose_name=_("re-examined in"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="re_examined_recommendations",
    )
    position = models.PositiveIntegerField(_("position in the annex"), default=0)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED, db_index=True
    )
    history = HistoricalRecords()

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        indexes = [
            models.Index(fields=["position", "id"], name="recommendation_order"),
            # Covers the list's count/newest-update aggregate and its page ids, in list order,
            # for the common filters (cluster, status) without reading the wide rows.
            models.Index(fields=["cluster", "status", "position", "id", "updated_at"], name="recommendation_cluster_status"),
        ]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")

    def __str__(self) -> str:
        return self.reference_label or f"#{self.pk}"

    @property
    def reference_label(self) -> str:
        return "; ".join(str(ref) for ref in self.references.all())

    def get_absolute_url(self) -> str:
        return reverse("recommendations:detail", args=[self.pk])


class Reference(models.Model):
    """"S/2015/289, recommendation 8": a numbered recommendation of a report."""

    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="references")
    report = models.ForeignKey(Report, verbose_name=_("report"), on_delete=models.PROTECT, related_name="references")
    number = models.PositiveSmallIntegerField(_("recommendation number"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        constraints = [models.UniqueConstraint(fields=["report", "number"], name="unique_report_recommendation_number")]

    def __str__(self) -> str:
        return _("%(report)s, recommendation %(number)s") % {"report": self.report.symbol, "number": self.number}
