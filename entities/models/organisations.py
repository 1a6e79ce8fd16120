from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .base import TimeStamped


class EntityKind(models.TextChoices):
    DEPARTMENT_OFFICE = "department_office", _("Department or office")
    AGENCY = "agency", _("Specialized agency or related organization")
    FUND_PROGRAMME = "fund_programme", _("Fund or programme")
    PEACE_OPERATION = "peace_operation", _("Peace operation")
    POLITICAL_MISSION = "political_mission", _("Special political mission")
    RESEARCH_TRAINING = "research_training", _("Research or training institute")
    PRINCIPAL_ORGAN = "principal_organ", _("Principal organ or subsidiary body")
    OTHER = "other", _("Other")


MAX_RENAMES = 5  # DPKO -> DPO is one step; a chain of five renames is far more than seen
# Rename steps followed inside SQL (each is a join); the United Nations' renames are one step.
RENAME_STEPS_IN_SQL = 2


class EntityQuerySet(models.QuerySet):
    """A renamed body is one body over time: DPKO and DPO are the same department before and
    after 1 January 2019. Every page, filter, count and API that speaks of "an entity's"
    memberships, meetings or actions asks here which ids belong to it."""

    def renames(self) -> dict[int, int]:
        """Each renamed or merged entity's id -> the id of today's entity (DPKO -> DPO). One query."""
        steps = dict(Entity.objects.filter(successor__isnull=False).values_list("pk", "successor_id"))
        today = {}
        for old in steps:
            current, hops = steps[old], 0
            while current in steps and hops < MAX_RENAMES:
                current, hops = steps[current], hops + 1
            today[old] = current
        return today

    def lineage_ids(self, *entities) -> set[int]:
        """The ids of the given entities (or ids) with everything they were and became:
        DPKO or DPO -> {DPKO, DPO}. One query."""
        ids = {getattr(entity, "pk", entity) for entity in entities if entity is not None}
        today = self.renames()
        currents = {today.get(pk, pk) for pk in ids}
        return currents | {old for old, current in today.items() if current in currents}

    def lineage_of(self, entities: models.QuerySet) -> models.QuerySet:
        """Lazily (no query until used, one query then): `entities` with what they were and
        what they became, as a queryset to filter or join on."""
        ids = entities.values("pk")
        condition = models.Q(pk__in=ids)
        for step in range(1, RENAME_STEPS_IN_SQL + 1):
            path = "__".join(["successor"] * step)
            condition |= models.Q(**{f"{path}__in": ids})  # what became one of them
            condition |= models.Q(pk__in=entities.values(path))  # what one of them became
            condition |= models.Q(**{f"{path}__in": entities.values(path)})  # renamed into the same body
        return self.filter(condition)

    def lineage_ids_of_acronym(self, acronym: str) -> set[int]:
        """The lineage of the entity with this acronym, old or new, case-insensitive (empty if none)."""
        acronym = acronym.strip()
        if not acronym or len(acronym) > Entity._meta.get_field("acronym").max_length:
            return set()  # no entity has it; and SQLite refuses a LIKE pattern of 100,000 characters
        found = list(Entity.objects.filter(acronym__iexact=acronym).values_list("pk", flat=True))
        return self.lineage_ids(*found) if found else set()


class Entity(TimeStamped):
    """A UN system entity. Renamed or merged entities point at what they became."""

    acronym = models.CharField(_("acronym"), max_length=40, unique=True)
    name = models.CharField(_("full name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=EntityKind.choices, default=EntityKind.OTHER)
    parent = models.ForeignKey(
        "self", verbose_name=_("parent entity"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    successor = models.ForeignKey(
        "self", verbose_name=_("became"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="predecessors",
        help_text=_("What this entity became when it was renamed or merged."),
    )
    succeeded_on = models.DateField(_("renamed or merged on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["acronym"]
        verbose_name = _("UN entity")
        verbose_name_plural = _("UN entities")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(successor=models.F("id")), name="entity_not_its_own_successor"
            )
        ]

    def __str__(self) -> str:
        return self.acronym

    def get_absolute_url(self) -> str:
        return reverse("entities:entity-detail", args=[self.acronym])

    @property
    def current(self) -> "Entity":
        """Follows renames to today's entity (DPKO -> DPO)."""
        entity, seen = self, set()
        while entity.successor_id and entity.pk not in seen:
            seen.add(entity.pk)
            entity = entity.successor
        return entity

    def lineage_ids(self) -> set[int]:
        """This entity's id with those of what it was and what it became (see EntityQuerySet)."""
        return Entity.objects.lineage_ids(self)


class EntityName(models.Model):
    """Another name the documents use for an entity ("the Mine Action Service" for UNMAS)."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="names")
    name = models.CharField(_("name"), max_length=255, unique=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("other name of an entity")
        verbose_name_plural = _("other names of entities")

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    REGIONAL = "regional", _("Regional or subregional organization")
    INTERGOVERNMENTAL = "intergovernmental", _("International organization")
    NGO = "ngo", _("Non-governmental organization")
    OPERATOR = "operator", _("Operator")
    RESEARCH = "research", _("Research institution")
    OTHER = "other", _("Other")


class Organisation(TimeStamped):
    """An organisation outside the UN system: regional organisations, NGOs, operators..."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    website = models.URLField(_("website"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.acronym or self.name


class AddresseeGroup(TimeStamped):
    """Who a suggested action is addressed to: the Security Council, "All Member States",
    "United Nations system and other relevant entities"."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    slug = models.SlugField(_("short name"), max_length=64, unique=True)
    entity = models.ForeignKey(
        Entity, verbose_name=_("UN entity"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="addressee_groups", help_text=_("Set when the addressee is a single UN organ."),
    )
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")

    def __str__(self) -> str:
        return self.name
