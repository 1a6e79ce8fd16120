from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from ..choices import MatchStatus


class MatchQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Staff see all matches; a focal point sees those involving its State."""
        if actor.is_isu_staff:
            return self
        if actor.is_state_focal_point and actor.state_id:
            return self.filter(Q(need__state_id=actor.state_id) | Q(offer__state_id=actor.state_id))
        return self.none()


class Match(TimeStamped):
    """A need and an offer put together; proposed, then accepted or declined, then completed."""

    need = models.ForeignKey("partnerships.Entry", on_delete=models.PROTECT, related_name="matches_as_need")
    offer = models.ForeignKey("partnerships.Entry", on_delete=models.PROTECT, related_name="matches_as_offer")
    status = models.CharField(_("status"), max_length=16, choices=MatchStatus.choices, default=MatchStatus.PROPOSED)
    score = models.PositiveSmallIntegerField(_("score when proposed"), default=0)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_at = models.DateTimeField(_("accepted or declined on"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed on"), null=True, blank=True)
    notified_at = models.DateTimeField(_("focal points notified on"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = MatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [models.UniqueConstraint(fields=["need", "offer"], name="unique_match_need_offer")]

    def __str__(self) -> str:
        return f"{self.need.title} ↔ {self.offer.title}"

    def get_absolute_url(self) -> str:
        return reverse("partnerships:match-detail", args=[self.pk])


class SuggestedMatch(models.Model):
    """A strong match found in the background when an entry was saved, for staff to review."""

    need = models.ForeignKey("partnerships.Entry", on_delete=models.CASCADE, related_name="suggestions_as_need")
    offer = models.ForeignKey("partnerships.Entry", on_delete=models.CASCADE, related_name="suggestions_as_offer")
    score = models.PositiveSmallIntegerField(_("score"))
    found_at = models.DateTimeField(_("found on"), auto_now=True)

    class Meta:
        ordering = ["-score", "-found_at"]
        verbose_name = _("suggested match")
        verbose_name_plural = _("suggested matches")
        constraints = [models.UniqueConstraint(fields=["need", "offer"], name="unique_suggestion_need_offer")]

    def __str__(self) -> str:
        return f"{self.need_id} ↔ {self.offer_id} ({self.score})"
