"""One filterset per model, shared by the directory pages and the API (`?q=` searches).

An old acronym or name finds the renamed entity *and* what it became: "DPKO" lists DPKO and
DPO; the `acronym` filter does the same for an exact acronym.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from config.filters import SearchFilter
from config.forms import StateChoiceField

from .models import (
    AddresseeGroup,
    Entity,
    EntityKind,
    FocalPoint,
    Organisation,
    OrganisationKind,
    State,
    Treaty,
    TreatyParty,
)
from .regions import region_choices
from .translation import in_any_language

ANY = _("Any")


def yes_no_any():
    return forms.Select(choices=[("", ANY), ("true", _("Yes")), ("false", _("No"))])


class YesNoField(forms.NullBooleanField):
    """`true`, `false` or empty (either); any other value is an error, not silently "either"."""

    def to_python(self, value):
        if value in (None, "", True, False, "true", "false"):
            return super().to_python(value)
        raise forms.ValidationError(_("Enter true or false."), code="invalid")


class YesNoFilter(django_filters.BooleanFilter):
    """A yes/no filter: `?active=true`, `?active=false`; anything else is a 400 naming it."""

    field_class = YesNoField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", yes_no_any())
        super().__init__(*args, **kwargs)


class WholeNumberFilter(django_filters.NumberFilter):
    """A whole number: `2025.5` is a 400 naming the filter, not a filter matching nothing."""

    field_class = forms.IntegerField


MAX_RENAMES = 5  # DPKO -> DPO is one step; a chain of five renames is far more than seen


def with_successors(matched_ids: set[int]) -> set[int]:
    """The ids plus every entity they became, following renames."""
    ids, frontier = set(matched_ids), set(matched_ids)
    for _step in range(MAX_RENAMES):
        frontier = set(
            Entity.objects.filter(pk__in=frontier, successor__isnull=False).values_list("successor_id", flat=True)
        ) - ids
        if not frontier:
            break
        ids |= frontier
    return ids


def entity_ids_matching(condition: Q) -> set[int]:
    return with_successors(set(Entity.objects.filter(condition).values_list("pk", flat=True)))


class EntityFilter(django_filters.FilterSet):
    q = SearchFilter(
        method="search", label=_("Search"),
        help_text=_("Acronym or name, including former acronyms and other names; a former name also finds today's entity."),
    )
    acronym = django_filters.CharFilter(
        method="by_acronym", label=_("Acronym"),
        help_text=_("Exact acronym, case-insensitive; a former acronym also returns today's entity."),
    )
    kind = django_filters.ChoiceFilter(choices=EntityKind.choices, label=_("Kind"), empty_label=ANY)
    active = YesNoFilter(field_name="is_active", label=_("Active"))

    class Meta:
        model = Entity
        fields = ("q", "acronym", "kind", "active",)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        condition = Q(acronym__icontains=value) | in_any_language("name", "icontains", value) | Q(names__name__icontains=value)
        return queryset.filter(pk__in=entity_ids_matching(condition))

    def by_acronym(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(pk__in=entity_ids_matching(Q(acronym__iexact=value)))


def country_codes_matching(text: str) -> list[str]:
    """ISO codes whose name (in the active language or in English) contains `text`."""
    text = text.casefold()
    codes = {code for code, name in countries if text in str(name).casefold()}
    with translation.override("en"):
        codes |= {code for code, name in countries if text in str(name).casefold()}
    if len(text) == 2:
        codes.add(text.upper())
    return sorted(codes)


class StateFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"), help_text=_("Country name or ISO code."))
    region = django_filters.ChoiceFilter(choices=region_choices(), label=_("Region"), empty_label=ANY)
    un_member = YesNoFilter(field_name="is_un_member", label=_("UN Member State"))
    party_to = django_filters.ModelChoiceFilter(
        method="by_treaty", queryset=Treaty.objects.all(), to_field_name="short_name",
        label=_("Party to"), help_text=_("Short name of a treaty, e.g. APMBC."), empty_label=ANY,
    )

    class Meta:
        model = State
        fields = ("q", "region", "un_member", "party_to",)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(code__in=country_codes_matching(value))

    def by_treaty(self, queryset: QuerySet, name: str, value: Treaty | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.filter(pk__in=TreatyParty.objects.filter(treaty=value).values("state_id"))


class OrganisationFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"), help_text=_("Name or acronym."))
    kind = django_filters.ChoiceFilter(choices=OrganisationKind.choices, label=_("Kind"), empty_label=ANY)

    class Meta:
        model = Organisation
        fields = ("q", "kind",)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(in_any_language("name", "icontains", value) | Q(acronym__icontains=value)) if value else queryset


class AddresseeGroupFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))

    class Meta:
        model = AddresseeGroup
        fields = ("q",)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(in_any_language("name", "icontains", value) | Q(slug__icontains=value)) if value else queryset


class TreatyFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"))

    class Meta:
        model = Treaty
        fields = ("q",)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(in_any_language("name", "icontains", value) | Q(short_name__icontains=value)) if value else queryset


class TreatyPartyFilter(django_filters.FilterSet):
    q = SearchFilter(method="search", label=_("Search"), help_text=_("Country name or ISO code."))
    treaty = django_filters.ModelChoiceFilter(
        field_name="treaty", queryset=Treaty.objects.all(), to_field_name="short_name", label=_("Treaty"),
    )
    state = django_filters.CharFilter(method="by_state", label=_("State (ISO code)"))
    is_demo = YesNoFilter(label=_("Demo data"))

    class Meta:
        model = TreatyParty
        fields = ("q", "treaty", "state", "is_demo",)

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(state__code__in=country_codes_matching(value)) if value else queryset

    def by_state(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip().upper()
        return queryset.filter(state__code=value) if value else queryset


class StateChoiceFilter(django_filters.ModelChoiceFilter):
    """A State pick list sorted by name in the reader's language (config.forms.StateChoiceField)."""

    field_class = StateChoiceField


class FocalPointFilter(django_filters.FilterSet):
    """The staff contacts list and its export: search, State, entity, active, receives
    letters, has a login."""

    q = SearchFilter(method="search", label=_("Search"), help_text=_("Name, title, e-mail or phone."))
    state = StateChoiceFilter(
        queryset=State.objects.all(), to_field_name="code", label=_("State"), empty_label=ANY,
    )
    entity = django_filters.ModelChoiceFilter(
        queryset=Entity.objects.order_by("acronym"), to_field_name="acronym", label=_("UN entity"), empty_label=ANY,
    )
    active = YesNoFilter(field_name="is_active", label=_("Active"))
    receives_letters = YesNoFilter(field_name="receives_letters", label=_("Receives letters"))
    has_login = YesNoFilter(method="by_login", label=_("Can sign in"))

    class Meta:
        model = FocalPoint
        fields = ("q", "state", "entity", "active", "receives_letters", "has_login")

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(title__icontains=value) | Q(email__icontains=value) | Q(phone__icontains=value)
        )

    def by_login(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset if value is None else queryset.filter(user__isnull=not value)
