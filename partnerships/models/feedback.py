from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Feedback(models.Model):
    """A State's view of how useful the Platform is (the Committee asked for it regularly)."""

    state = models.ForeignKey("entities.State", verbose_name=_("State"), null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    usefulness = models.PositiveSmallIntegerField(
        _("how useful is the Platform?"), validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("1 = not useful, 5 = very useful."),
    )
    what_works = models.TextField(_("what works well"), max_length=2000, blank=True)
    what_to_improve = models.TextField(_("what would make it more useful"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("sent on"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("feedback on the Platform")
        verbose_name_plural = _("feedback on the Platform")

    def __str__(self) -> str:
        return f"{self.state or '—'}: {self.usefulness}/5"
