from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import TimeStamped

from ..choices import ChallengeNature, ChallengeSource, Obligation


class ChallengeQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Shared (consented) challenges are public; without consent only staff and the State."""
        if actor.is_isu_staff:
            return self
        rule = Q(consent_to_share=True)
        if actor.is_state_focal_point and actor.state_id:
            rule |= Q(state_id=actor.state_id)
        return self.filter(rule)


class Challenge(TimeStamped):
    """A State Party's challenge in meeting one obligation (the Committee's mapping).

    Shared only with the State's explicit consent: without it, only the secretariat and the
    State itself see it.
    """

    state = models.ForeignKey("entities.State", verbose_name=_("State"), on_delete=models.PROTECT, related_name="platform_challenges")
    obligation = models.CharField(_("obligation"), max_length=20, choices=Obligation.choices)
    description = models.TextField(_("challenge"), max_length=4000, help_text=_("The challenge in a few sentences."))
    nature = models.CharField(_("nature"), max_length=16, choices=ChallengeNature.choices)
    source = models.CharField(_("source"), max_length=20, choices=ChallengeSource.choices)
    consent_to_share = models.BooleanField(
        _("consent to share"), default=False,
        help_text=_("With consent, the challenge is shown on the public challenges map. Without it, only the "
                    "secretariat and your own State see it."),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    version = models.PositiveIntegerField(default=1)
    is_demo = models.BooleanField(_("demo data"), default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = ChallengeQuerySet.as_manager()

    class Meta:
        ordering = ["state", "obligation"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")

    def __str__(self) -> str:
        return f"{self.state} — {self.get_obligation_display()}"
