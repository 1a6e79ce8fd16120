"""One filterset per model, shared by the HTML lists, the CSV export and the API."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from entities.models import State

from .choices import Area, ChallengeNature, EntryStatus, Kind, Obligation, Side
from .models import Challenge, Entry


def _regions():
    values = State.objects.exclude(region="").order_by("region").values_list("region", flat=True).distinct()
    return [(value, value) for value in values]


def _states(related: str):
    """States that have at least one row in `related`, as (ISO code, name), by name."""
    codes = State.objects.filter(**{f"{related}__isnull": False}).values_list("code", flat=True).distinct()
    states = State.objects.filter(code__in=list(codes))
    return sorted(((state.code.code, state.name) for state in states), key=lambda pair: pair[1])


class EntryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    side = django_filters.ChoiceFilter(label=_("Need or offer"), choices=Side.choices, empty_label=_("Needs and offers"))
    area = django_filters.ChoiceFilter(label=_("Area"), choices=Area.choices, empty_label=_("All areas"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices, empty_label=_("All kinds"))
    state = django_filters.ChoiceFilter(label=_("State"), choices=lambda: _states("platform_entries"), method="by_state", empty_label=_("All States"))
    region = django_filters.ChoiceFilter(label=_("Region"), field_name="state__region", choices=_regions, empty_label=_("All regions"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=EntryStatus.choices, empty_label=_("Current (not withdrawn)"), method="by_status",
    )
    updated_since = django_filters.IsoDateTimeFilter(label=_("Changed since"), field_name="updated_at", lookup_expr="gte")

    class Meta:
        model = Entry
        fields = ["q", "side", "area", "kind", "state", "region", "status", "updated_since"]

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value) | Q(geographic_focus__icontains=value))

    def by_state(self, queryset, name, value):
        return queryset.filter(state__code=value.strip().upper())

    def by_status(self, queryset, name, value):
        return queryset.filter(status=value)

    @property
    def qs(self):
        queryset = super().qs
        if not getattr(self.form, "cleaned_data", {}).get("status"):
            queryset = queryset.exclude(status=EntryStatus.WITHDRAWN)
        return queryset


class ChallengeFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), field_name="description", lookup_expr="icontains")
    obligation = django_filters.ChoiceFilter(label=_("Obligation"), choices=Obligation.choices, empty_label=_("All obligations"))
    nature = django_filters.ChoiceFilter(label=_("Nature"), choices=ChallengeNature.choices, empty_label=_("Any nature"))
    state = django_filters.ChoiceFilter(label=_("State"), choices=lambda: _states("platform_challenges"), method="by_state", empty_label=_("All States"))

    class Meta:
        model = Challenge
        fields = ["q", "obligation", "nature", "state"]

    def by_state(self, queryset, name, value):
        return queryset.filter(state__code=value.strip().upper())
