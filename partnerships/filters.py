"""One filterset per model, shared by the HTML lists, the CSV export and the API."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from config.filters import SearchFilter
from config.forms import collation_key
from entities.models import State
from entities.regions import region_choices

from .choices import Area, ChallengeNature, EntryStatus, Kind, Obligation, Side
from .models import Challenge, Entry


def _states(queryset):
    """The States of the rows the user may see, as (ISO code, name), by name: a State whose
    only entries are private to it never shows up in another user's pick list."""
    states = State.objects.filter(pk__in=queryset.order_by().values("state_id"))
    return sorted(((state.code.code, state.name) for state in states), key=lambda pair: collation_key(pair[1]))


REGION_CHOICES = region_choices()


class _StatesOfVisibleRows:
    """`state` takes any ISO code (the API); the page shows a pick list of the visible States,
    computed only when the form is drawn."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        visible = self.queryset
        self.filters["state"].extra["widget"] = forms.Select(choices=lambda: [("", _("All States")), *_states(visible)])


class EntryFilter(_StatesOfVisibleRows, django_filters.FilterSet):
    q = SearchFilter(label=_("Search"), method="search")
    side = django_filters.ChoiceFilter(label=_("Need or offer"), choices=Side.choices, empty_label=_("Needs and offers"))
    area = django_filters.ChoiceFilter(label=_("Area"), choices=Area.choices, empty_label=_("All areas"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices, empty_label=_("All kinds"))
    state = django_filters.CharFilter(label=_("State"), method="by_state", help_text=_("ISO 3166-1 code, e.g. UG"))
    # The fixed list of regions (not those of the rows present), so the API declares it as an enum.
    region = django_filters.ChoiceFilter(label=_("Region"), field_name="state__region", choices=REGION_CHOICES,
                                         empty_label=_("All regions"))
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


class ChallengeFilter(_StatesOfVisibleRows, django_filters.FilterSet):
    q = SearchFilter(label=_("Search"), field_name="description", lookup_expr="icontains")
    obligation = django_filters.ChoiceFilter(label=_("Obligation"), choices=Obligation.choices, empty_label=_("All obligations"))
    nature = django_filters.ChoiceFilter(label=_("Nature"), choices=ChallengeNature.choices, empty_label=_("Any nature"))
    state = django_filters.CharFilter(label=_("State"), method="by_state", help_text=_("ISO 3166-1 code, e.g. UG"))

    class Meta:
        model = Challenge
        fields = ["q", "obligation", "nature", "state"]

    def by_state(self, queryset, name, value):
        return queryset.filter(state__code=value.strip().upper())
