from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import TimeStamped


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


class FocalPoint(TimeStamped):
    """A contact person for one State or one UN entity; may also have a login (`user`)."""

    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(_("preferred language"), max_length=2, choices=Language.choices, default=Language.ENGLISH)
    state = models.ForeignKey(
        "entities.State", verbose_name=_("State"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="focal_points",
    )
    entity = models.ForeignKey(
        "entities.Entity", verbose_name=_("UN entity"), null=True, blank=True,
        on_delete=models.CASCADE, related_name="focal_points",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="focal_point",
    )
    is_active = models.BooleanField(_("active"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.CheckConstraint(
                condition=(Q(state__isnull=False, entity__isnull=True) | Q(state__isnull=True, entity__isnull=False)),
                name="focal_point_state_xor_entity",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.state or self.entity})"


class Role(models.TextChoices):
    ISU_STAFF = "isu_staff", _("ISU staff")
    STATE_FOCAL_POINT = "state_focal_point", _("State focal point")
    ENTITY_FOCAL_POINT = "entity_focal_point", _("UN entity focal point")
    API_CLIENT = "api_client", _("API client (read-only)")


class UserRole(TimeStamped):
    """What a user is in the product. A focal point is bound to exactly one State or entity."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role")
    kind = models.CharField(_("role"), max_length=32, choices=Role.choices)
    state = models.ForeignKey("entities.State", null=True, blank=True, on_delete=models.PROTECT, related_name="user_roles")
    entity = models.ForeignKey("entities.Entity", null=True, blank=True, on_delete=models.PROTECT, related_name="user_roles")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("user role")
        verbose_name_plural = _("user roles")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=Role.STATE_FOCAL_POINT, state__isnull=False, entity__isnull=True)
                    | Q(kind=Role.ENTITY_FOCAL_POINT, state__isnull=True, entity__isnull=False)
                    | Q(kind__in=[Role.ISU_STAFF, Role.API_CLIENT], state__isnull=True, entity__isnull=True)
                ),
                name="user_role_binding_matches_kind",
            )
        ]

    def __str__(self) -> str:
        bound = self.state or self.entity
        return f"{self.user} — {self.get_kind_display()}" + (f" ({bound})" if bound else "")
