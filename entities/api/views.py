"""Read-only registry endpoints; every signed-in role (and API tokens) may read them."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from entities import selectors
from entities.access import actor_for
from entities.filters import (
    AddresseeGroupFilter,
    EntityFilter,
    OrganisationFilter,
    StateFilter,
    TreatyFilter,
    TreatyPartyFilter,
)

from . import serializers


@extend_schema_view(
    list=extend_schema(summary="UN entities", description="`q` and `acronym` also match former acronyms and names and return today's entity with them (DPKO → DPKO and DPO)."),
    retrieve=extend_schema(summary="One UN entity, with other names, predecessors and children"),
)
class EntityViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = EntityFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.entity_detail(actor=actor_for(self.request.user))
        return selectors.entity_list()

    def get_serializer_class(self):
        return serializers.EntityDetailSerializer if self.action == "retrieve" else serializers.EntitySerializer


@extend_schema_view(
    list=extend_schema(summary="States (UN Member States and other States)"),
    retrieve=extend_schema(summary="One State by ISO 3166-1 alpha-2 code, with its treaty participation"),
)
class StateViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = StateFilter
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    # One State's page; letters puts its own in place (with the State's deadlines) when it is
    # installed (letters.apps), as the registry does not know about letters.
    detail_serializer_class = serializers.StateDetailSerializer

    def get_queryset(self):
        if self.action == "retrieve":
            return selectors.state_detail(actor=actor_for(self.request.user))
        return selectors.state_list()

    def get_object(self):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()

    def get_serializer_class(self):
        return self.detail_serializer_class if self.action == "retrieve" else serializers.StateSerializer


@extend_schema_view(list=extend_schema(summary="Organisations outside the UN system"), retrieve=extend_schema(summary="One organisation"))
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = OrganisationFilter
    serializer_class = serializers.OrganisationSerializer
    queryset = selectors.organisation_list()


@extend_schema_view(
    list=extend_schema(summary="Addressees of suggested actions (Security Council, All Member States, UN system)"),
    retrieve=extend_schema(summary="One addressee by slug"),
)
class AddresseeGroupViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = AddresseeGroupFilter
    serializer_class = serializers.AddresseeGroupSerializer
    queryset = selectors.addressee_group_list()
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(summary="Treaties, with reporting obligations and party counts"),
    retrieve=extend_schema(summary="One treaty by short name (e.g. APMBC)"),
)
class TreatyViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = TreatyFilter
    serializer_class = serializers.TreatySerializer
    queryset = selectors.treaty_list()
    lookup_field = "short_name"


@extend_schema_view(
    list=extend_schema(summary="States Parties to treaties", description="Rows with `is_demo: true` belong to the demo data set, not the depositary's list."),
    retrieve=extend_schema(summary="One State Party row"),
)
class TreatyPartyViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = TreatyPartyFilter
    serializer_class = serializers.TreatyPartySerializer
    queryset = selectors.treaty_party_list()
