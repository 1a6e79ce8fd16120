from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TimeStamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class PartyReference(models.Model):
    """Points at exactly one of: a UN entity, a State, another organisation.

    Mechanism members, meeting participants, action-item owners and pledge donors are all
    "an entity, a State or an organisation"; this keeps them as real foreign keys.
    Concrete models add `PartyReference.constraint("<name>")` to their Meta.constraints.
    """

    entity = models.ForeignKey(
        "entities.Entity", verbose_name=_("UN entity"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_set",
    )
    state = models.ForeignKey(
        "entities.State", verbose_name=_("State"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_set",
    )
    organisation = models.ForeignKey(
        "entities.Organisation", verbose_name=_("organisation"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="%(app_label)s_%(class)s_set",
    )

    class Meta:
        abstract = True

    @staticmethod
    def constraint(name: str) -> models.CheckConstraint:
        one_of = (
            Q(entity__isnull=False, state__isnull=True, organisation__isnull=True)
            | Q(entity__isnull=True, state__isnull=False, organisation__isnull=True)
            | Q(entity__isnull=True, state__isnull=True, organisation__isnull=False)
        )
        return models.CheckConstraint(condition=one_of, name=name)

    @property
    def party(self):
        return self.entity or self.state or self.organisation

    @property
    def party_kind(self) -> str:
        if self.entity_id:
            return "entity"
        if self.state_id:
            return "state"
        return "organisation"

    def clean(self):
        super().clean()
        chosen = [f for f in ("entity", "state", "organisation") if getattr(self, f"{f}_id")]
        if len(chosen) != 1:
            raise ValidationError(_("Choose exactly one: a UN entity, a State or an organisation."))
