"""One filterset per model, shared by the HTML lists, the exports and the API.

Filters on many-valued relations (report, addressee, entity) use EXISTS subqueries so a
recommendation is never repeated and no DISTINCT is needed. Unknown values are validation
errors (a 400 in the API, a message on the page), never a 500.
"""

import copy
import time

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from config.filters import SearchFilter
from entities.filters import WholeNumberFilter
from entities.models import AddresseeGroup, Entity

from .models import ActionStatus, Cluster, Recommendation, Reference, Report, SuggestedAction


class ReferenceRowField(django_filters.fields.ModelChoiceField):
    """A row of a small table filtered by (clusters, reports, addressee groups), chosen by its
    slug, symbol or acronym. A row the process has found is kept for FOUND_FOR seconds: the
    API's lists are filtered by these on most requests, and the rows change only when the seed
    is loaded again or staff rename one, so a renamed or removed row answers to its old name
    for at most that long. A value not found is looked up each time: a new row is found at
    once, and an unknown value stays a validation error."""

    FOUND_FOR = 60
    found: dict = {}  # (model, field, value) -> (row, until); the process's own

    def to_python(self, value):
        if not isinstance(value, str) or value in self.empty_values:
            return super().to_python(value)
        key = (self.queryset.model._meta.label, self.to_field_name, value)
        row, until = self.found.get(key, (None, 0.0))
        if time.monotonic() < until:
            return row
        row = super().to_python(value)
        self.found[key] = (row, time.monotonic() + self.FOUND_FOR)
        return row


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """Chooses a row of a whole small table by its slug, symbol or acronym (a string in the API)."""

    field_class = ReferenceRowField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("All"))
        super().__init__(*args, **kwargs)


@extend_schema_field({"type": "integer", "minimum": 1, "description": "An id: a whole number from 1."})
class IdFilter(WholeNumberFilter):
    """A row's id: a whole number from 1 (anything else is a 400 naming the filter)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        super().__init__(*args, **kwargs)


def _entities_with_actions():
    """Entities named in an action, with what they were and became: `?entity=DPKO` and
    `?entity=DPO` are both accepted (and give the same actions). Lazy: no query until used."""
    return Entity.objects.lineage_of(Entity.objects.filter(suggested_actions__isnull=False)).order_by("acronym")


class CurrentEntityChoices(django_filters.fields.ModelChoiceIterator):
    """Offers today's entities only, "DPO (formerly DPKO)"; a former acronym is still accepted."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        entities = list(self.queryset)
        today = Entity.objects.renames()
        former: dict[int, list[str]] = {}
        for entity in entities:
            if entity.successor_id:
                former.setdefault(today.get(entity.pk, entity.successor_id), []).append(entity.acronym)
        for entity in entities:
            if entity.successor_id:
                continue
            label = entity.acronym
            if entity.pk in former:
                label = _("%(acronym)s (formerly %(former)s)") % {
                    "acronym": entity.acronym, "former": ", ".join(sorted(former[entity.pk])),
                }
            yield (entity.acronym, label)

    def __len__(self):
        return sum(1 for _choice in self)


class EntityChoiceField(django_filters.fields.ModelChoiceField):
    iterator = CurrentEntityChoices


class EntityLineageFilter(SlugChoiceFilter):
    field_class = EntityChoiceField


class _CommonFilters(django_filters.FilterSet):
    """The filters recommendations and actions share. The form class is built once per
    filterset class: its fields follow from the filters' definitions alone, and each form
    copies them (django-filter would build the fields and the class again on every request)."""

    @classmethod
    def _built_form_class(cls):
        if "_form_class" not in cls.__dict__:
            # From copies: a field cached on the class's own filters would be copied on every request.
            fields = {name: copy.deepcopy(filter_).field for name, filter_ in cls.base_filters.items()}
            cls._form_class = type(f"{cls.__name__}Form", (cls._meta.form,), fields)
        return cls._form_class

    def get_form_class(self):
        return self._built_form_class()

    q = SearchFilter(label=_("Search"), method="filter_q")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ActionStatus.choices, empty_label=_("All"))
    report = SlugChoiceFilter(
        label=_("Report"), queryset=Report.objects.all(), to_field_name="symbol", method="filter_report",
    )
    addressee = SlugChoiceFilter(
        label=_("Addressee"), queryset=AddresseeGroup.objects.all(), to_field_name="slug", method="filter_addressee",
    )
    entity = EntityLineageFilter(
        label=_("Implementing entity"), queryset=_entities_with_actions(), to_field_name="acronym",
        method="filter_entity",
    )
    updated_since = django_filters.IsoDateTimeFilter(
        label=_("Updated since"), field_name="updated_at", lookup_expr="gte",
        help_text=_("ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z"),
    )


class RecommendationFilter(_CommonFilters):
    cluster = SlugChoiceFilter(
        label=_("Thematic cluster"), queryset=Cluster.objects.all(), to_field_name="slug",
    )

    class Meta:
        model = Recommendation
        fields = ["q", "report", "cluster", "addressee", "entity", "status", "updated_since"]

    def filter_q(self, queryset, name, value):
        if not value:
            return queryset
        in_actions = SuggestedAction.objects.filter(recommendation=OuterRef("pk"), text__icontains=value)
        in_references = Reference.objects.filter(recommendation=OuterRef("pk"), report__symbol__icontains=value)
        return queryset.filter(Q(text__icontains=value) | Exists(in_actions) | Exists(in_references))

    def filter_report(self, queryset, name, value):
        return queryset.filter(Exists(Reference.objects.filter(recommendation=OuterRef("pk"), report=value)))

    def filter_addressee(self, queryset, name, value):
        return queryset.filter(Exists(SuggestedAction.objects.filter(recommendation=OuterRef("pk"), addressee=value)))

    def filter_entity(self, queryset, name, value):
        through = SuggestedAction.implementing_entities.through
        return queryset.filter(Exists(through.objects.filter(
            suggestedaction__recommendation=OuterRef("pk"), entity_id__in=value.lineage_ids(),
        )))


class SuggestedActionFilter(_CommonFilters):
    cluster = SlugChoiceFilter(
        label=_("Thematic cluster"), queryset=Cluster.objects.all(), to_field_name="slug",
        field_name="recommendation__cluster",
    )
    recommendation = IdFilter(label=_("Recommendation"), field_name="recommendation_id")

    class Meta:
        model = SuggestedAction
        fields = ["q", "report", "cluster", "addressee", "entity", "status", "updated_since", "recommendation"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(text__icontains=value) if value else queryset

    def filter_report(self, queryset, name, value):
        return queryset.filter(
            Exists(Reference.objects.filter(recommendation=OuterRef("recommendation"), report=value))
        )

    def filter_addressee(self, queryset, name, value):
        return queryset.filter(addressee=value)

    def filter_entity(self, queryset, name, value):
        through = SuggestedAction.implementing_entities.through
        return queryset.filter(Exists(through.objects.filter(suggestedaction=OuterRef("pk"), entity_id__in=value.lineage_ids())))
