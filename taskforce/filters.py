"""One filterset per model, shared by the HTML lists and the API (`?q=` searches)."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.filters import SearchFilter
from entities.filters import YesNoFilter
from entities.models import Entity
from entities.translation import in_any_language

from .models import (
    ActionItem,
    ActionItemStatus,
    Capability,
    CapabilityKind,
    GlossaryTerm,
    Mechanism,
    MechanismKind,
    Meeting,
    MeetingKind,
    MeetingLevel,
)


class MechanismFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=MechanismKind.choices, label=_("Kind"))
    entity = django_filters.CharFilter(method="by_entity", label=_("Member (UN entity acronym)"))
    state = django_filters.CharFilter(method="by_state", label=_("Member (State, ISO code)"))

    class Meta:
        model = Mechanism
        fields = ("q", "kind", "entity", "state")

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(in_any_language("name", "icontains", value) | Q(acronym__icontains=value) | Q(mandate__icontains=value))

    def by_entity(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(pk__in=Mechanism.objects.filter(memberships__entity__in=Entity.objects.lineage_ids_of_acronym(value)).values("pk"))

    def by_state(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(pk__in=Mechanism.objects.filter(memberships__state__code=value.strip().upper()).values("pk"))


class MeetingFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    mechanism = django_filters.CharFilter(field_name="mechanism__slug", label=_("Mechanism (short name)"))
    entity = django_filters.CharFilter(method="by_entity", label=_("Participant (UN entity acronym)"))
    state = django_filters.CharFilter(method="by_state", label=_("Participant (State, ISO code)"))
    level = django_filters.ChoiceFilter(choices=MeetingLevel.choices, label=_("Level"))
    kind = django_filters.ChoiceFilter(choices=MeetingKind.choices, label=_("Kind"))
    date_after = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From (date)"))
    date_before = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("Until (date)"))

    class Meta:
        model = Meeting
        fields = ("q", "mechanism", "entity", "state", "level", "kind", "date_after", "date_before")

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(summary__icontains=value) | Q(place__icontains=value))

    def by_entity(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(pk__in=Meeting.objects.filter(participants__entity__in=Entity.objects.lineage_ids_of_acronym(value)).values("pk"))

    def by_state(self, queryset, name, value):
        if not value.strip():
            return queryset
        return queryset.filter(pk__in=Meeting.objects.filter(participants__state__code=value.strip().upper()).values("pk"))


class ActionItemFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    mechanism = django_filters.CharFilter(field_name="mechanism__slug", label=_("Mechanism (short name)"))
    # A former acronym finds today's entity too, and the reverse (DPKO, DPO).
    entity = django_filters.CharFilter(method="by_entity", label=_("Owner (UN entity acronym)"))
    state = django_filters.CharFilter(method="by_state", label=_("Owner (State, ISO code)"))
    status = django_filters.ChoiceFilter(choices=ActionItemStatus.choices, label=_("Status"))
    overdue = YesNoFilter(method="by_overdue", label=_("Overdue"))
    due_after = django_filters.DateFilter(field_name="due_on", lookup_expr="gte", label=_("Due from"))
    due_before = django_filters.DateFilter(field_name="due_on", lookup_expr="lte", label=_("Due until"))

    class Meta:
        model = ActionItem
        fields = ("q", "mechanism", "entity", "state", "status", "overdue", "due_after", "due_before")

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(text__icontains=value) if value else queryset

    def by_state(self, queryset, name, value):
        return queryset.filter(state__code=value.strip().upper()) if value.strip() else queryset

    def by_entity(self, queryset, name, value):
        return queryset.filter(entity__in=Entity.objects.lineage_ids_of_acronym(value)) if value.strip() else queryset

    def by_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Q(status=ActionItemStatus.OPEN, due_on__lt=timezone.localdate())
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


class CapabilityFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    kind = django_filters.ChoiceFilter(choices=CapabilityKind.choices, label=_("Kind"))
    entity = django_filters.CharFilter(field_name="entity__acronym", lookup_expr="iexact", label=_("UN entity (acronym)"))
    mechanism = django_filters.CharFilter(field_name="mechanism__slug", label=_("Mechanism (short name)"))

    class Meta:
        model = Capability
        fields = ("q", "kind", "entity", "mechanism")

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value) | Q(entity__acronym__icontains=value)
            | in_any_language("entity__name", "icontains", value)
        )


class GlossaryTermFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))
    mechanism = django_filters.CharFilter(field_name="mechanism__slug", label=_("Mechanism (short name)"))

    class Meta:
        model = GlossaryTerm
        fields = ("q", "mechanism")

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        condition = Q()
        for lang in ("en", "fr", "es"):
            condition |= Q(**{f"term_{lang}__icontains": value}) | Q(**{f"definition_{lang}__icontains": value})
        return queryset.filter(condition)
