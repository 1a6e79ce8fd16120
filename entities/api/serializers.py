"""Read-only representations of the registry for /api/v1/."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from entities.models import (
    AddresseeGroup,
    Entity,
    EntityKind,
    Organisation,
    OrganisationKind,
    ReportingObligation,
    State,
    Treaty,
    TreatyParty,
)


def inline_choice_field(choices: type, **kwargs) -> serializers.ChoiceField:
    """A choice field documented by listing its values: several models of the project have a
    `kind` with different choices, and drf-spectacular would give their enums colliding names."""
    schema = {"type": "string", "description": "One of: " + ", ".join(f"`{value}`" for value in choices.values)}
    field_class = extend_schema_field(schema)(type(f"{choices.__name__}Field", (serializers.ChoiceField,), {}))
    return field_class(choices=choices.choices, read_only=True, **kwargs)


class EntityRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entity
        fields = ("id", "acronym", "name")


class EntitySerializer(serializers.ModelSerializer):
    kind = inline_choice_field(EntityKind)
    parent = EntityRefSerializer(read_only=True, allow_null=True)
    successor = EntityRefSerializer(read_only=True, allow_null=True, help_text="What this entity became, if renamed or merged.")
    current = serializers.SerializerMethodField(help_text="Today's entity, following renames (itself when not renamed).")
    url = serializers.HyperlinkedIdentityField(view_name="entity-detail")

    class Meta:
        model = Entity
        fields = (
            "id", "url", "acronym", "name", "kind", "is_active", "website", "parent", "successor",
            "succeeded_on", "current", "updated_at",
        )

    @extend_schema_field(EntityRefSerializer)
    def get_current(self, entity: Entity) -> dict:
        current = entity
        # The list queryset joins one successor; longer chains are rare and followed here.
        while current.successor_id:
            current = current.successor
        return EntityRefSerializer(current).data


class EntityDetailSerializer(EntitySerializer):
    other_names = serializers.SlugRelatedField(source="names", many=True, read_only=True, slug_field="name")
    predecessors = EntityRefSerializer(many=True, read_only=True)
    children = EntityRefSerializer(many=True, read_only=True)

    class Meta(EntitySerializer.Meta):
        fields = (*EntitySerializer.Meta.fields, "other_names", "predecessors", "children")


class StateSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="code.code", read_only=True, help_text="ISO 3166-1 alpha-2 code.")
    name = serializers.CharField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="state-detail", lookup_field="code")

    class Meta:
        model = State
        fields = ("id", "url", "code", "name", "is_un_member", "un_member_since", "region", "subregion", "updated_at")


class StatePartySerializer(serializers.ModelSerializer):
    treaty = serializers.SlugRelatedField(read_only=True, slug_field="short_name")

    class Meta:
        model = TreatyParty
        fields = ("treaty", "consent_to_be_bound", "entry_into_force", "is_demo")


class StateDetailSerializer(StateSerializer):
    """A State with its treaty participation. The letters app, which computes deadlines, extends it
    with the State's deadlines under the Convention (letters.api.serializers.StateDetailSerializer)."""

    treaties = StatePartySerializer(source="treaty_parties", many=True, read_only=True)

    class Meta(StateSerializer.Meta):
        fields = (*StateSerializer.Meta.fields, "treaties")


class OrganisationSerializer(serializers.ModelSerializer):
    kind = inline_choice_field(OrganisationKind)
    class Meta:
        model = Organisation
        fields = ("id", "name", "acronym", "kind", "website", "updated_at")


class AddresseeGroupSerializer(serializers.ModelSerializer):
    entity = EntityRefSerializer(read_only=True, allow_null=True)

    class Meta:
        model = AddresseeGroup
        fields = ("id", "slug", "name", "entity", "description")


class ReportingObligationSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingObligation
        fields = ("code", "name", "article", "initial_report_days", "annual_due_month", "annual_due_day")


class TreatySerializer(serializers.ModelSerializer):
    reporting_obligations = ReportingObligationSerializer(many=True, read_only=True)
    party_count = serializers.IntegerField(read_only=True)
    demo_party_count = serializers.IntegerField(read_only=True, help_text="Parties that belong to the demo data set.")

    class Meta:
        model = Treaty
        fields = (
            "id", "short_name", "name", "adopted_on", "entry_into_force", "website",
            "reporting_obligations", "party_count", "demo_party_count",
        )


class TreatyPartySerializer(serializers.ModelSerializer):
    treaty = serializers.SlugRelatedField(read_only=True, slug_field="short_name")
    state = serializers.CharField(source="state.code.code", read_only=True, help_text="ISO 3166-1 alpha-2 code.")
    state_name = serializers.CharField(source="state.name", read_only=True)

    class Meta:
        model = TreatyParty
        fields = ("id", "treaty", "state", "state_name", "consent_to_be_bound", "entry_into_force", "is_demo", "updated_at")
