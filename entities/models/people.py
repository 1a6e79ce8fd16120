from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import TimeStamped


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


class FocalPointQuerySet(models.QuerySet):
    def visible_to(self, actor):
        """Focal points' contact details are for ISU staff only (entities.access.entities)."""
        return self if actor.is_isu_staff else self.none()


class FocalPoint(TimeStamped):
    """A contact person for one State or one UN entity; may also have a login (`user`).

    The one record of who a person speaks for: a focal point's login reads its State or entity
    from here (entities.access.actor_for), never from its UserRole, which only says the kind.
    Letters go to the active contacts that receive letters and have an e-mail address.
    """

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
    receives_letters = models.BooleanField(
        _("receives letters"), default=True,
        help_text=_("Letters and notifications to the State or entity are sent to this person."),
    )
    history = HistoricalRecords()

    objects = FocalPointQuerySet.as_manager()

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

    @property
    def bound_to(self):
        """The State or the UN entity this person speaks for."""
        return self.state or self.entity

    def clean(self) -> None:
        # A login's kind must match what its contact record binds it to (the admin runs this).
        role = _role_of(self.user) if self.user_id else None
        if role is not None and role.kind in FOCAL_POINT_ROLES:
            _check_binding(role.kind, self)


class Role(models.TextChoices):
    ISU_STAFF = "isu_staff", _("ISU staff")
    STATE_FOCAL_POINT = "state_focal_point", _("State focal point")
    ENTITY_FOCAL_POINT = "entity_focal_point", _("UN entity focal point")
    API_CLIENT = "api_client", _("API client (read-only)")


FOCAL_POINT_ROLES = (Role.STATE_FOCAL_POINT, Role.ENTITY_FOCAL_POINT)


class UserRole(TimeStamped):
    """What a user is in the product: the kind only. A focal point's State or entity is on its
    FocalPoint (`user.focal_point`), the one record of who the person is; a focal-point role
    requires that linked FocalPoint, bound to a State for a State focal point and to an
    entity for an entity focal point (checked by `clean`, the admin and the contact services;
    without it the login is bound to nothing and sees nothing private)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="role")
    kind = models.CharField(_("role"), max_length=32, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("user role")
        verbose_name_plural = _("user roles")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()}"

    def clean(self) -> None:
        if self.kind in FOCAL_POINT_ROLES:
            focal_point = FocalPoint.objects.filter(user_id=self.user_id).first() if self.user_id else None
            if focal_point is None:
                raise ValidationError({"kind": _("A focal point's login needs a contact record (focal point) linked to it.")})
            _check_binding(self.kind, focal_point)


def _role_of(user) -> UserRole | None:
    try:
        return user.role
    except UserRole.DoesNotExist:
        return None


def _check_binding(kind: str, focal_point: FocalPoint) -> None:
    if kind == Role.STATE_FOCAL_POINT and not focal_point.state_id:
        raise ValidationError(_("A State focal point's contact record must be bound to a State."))
    if kind == Role.ENTITY_FOCAL_POINT and not focal_point.entity_id:
        raise ValidationError(_("A UN entity focal point's contact record must be bound to a UN entity."))
