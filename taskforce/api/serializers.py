from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from taskforce.models import ActionItem, Mechanism, Meeting, Membership, Objective, Participant


class PartySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["entity", "state", "organisation"])
    id = serializers.IntegerField()
    code = serializers.CharField(help_text="Acronym of a UN entity, ISO 3166 code of a State, acronym or name of an organisation.")
    name = serializers.CharField()


def party_data(obj) -> dict | None:
    if obj.entity_id:
        return {"kind": "entity", "id": obj.entity_id, "code": obj.entity.acronym, "name": obj.entity.name}
    if obj.state_id:
        return {"kind": "state", "id": obj.state_id, "code": obj.state.code.code, "name": obj.state.name}
    if obj.organisation_id:
        return {"kind": "organisation", "id": obj.organisation_id, "code": obj.organisation.acronym or obj.organisation.name,
                "name": obj.organisation.name}
    return None


class MembershipSerializer(serializers.ModelSerializer):
    party = serializers.SerializerMethodField()

    class Meta:
        model = Membership
        fields = ["party", "role", "since", "until", "note"]

    @extend_schema_field(PartySerializer)
    def get_party(self, obj):
        return party_data(obj)


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = ["id", "kind", "label", "text", "status"]


class MechanismSerializer(serializers.ModelSerializer):
    lead = serializers.SerializerMethodField()
    members = MembershipSerializer(source="memberships", many=True, read_only=True)
    objectives = ObjectiveSerializer(many=True, read_only=True)

    class Meta:
        model = Mechanism
        fields = [
            "id", "slug", "name", "acronym", "kind", "mandate", "lead", "lead_role", "established_on",
            "established_precision", "established_by", "founding_document", "declared_member_count", "members",
            "objectives", "source", "updated_at",
        ]

    @extend_schema_field(PartySerializer(allow_null=True))
    def get_lead(self, obj):
        lead = obj.lead_entity or obj.lead_state
        if lead is None:
            return None
        if obj.lead_entity_id:
            return {"kind": "entity", "id": lead.pk, "code": lead.acronym, "name": lead.name}
        return {"kind": "state", "id": lead.pk, "code": lead.code.code, "name": lead.name}


class ParticipantSerializer(serializers.ModelSerializer):
    party = serializers.SerializerMethodField()

    class Meta:
        model = Participant
        fields = ["party", "role", "capacity", "note"]

    @extend_schema_field(PartySerializer)
    def get_party(self, obj):
        return party_data(obj)


class MeetingSerializer(serializers.ModelSerializer):
    mechanism = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    participants = ParticipantSerializer(many=True, read_only=True)
    agenda = serializers.SlugRelatedField(source="agenda_items", slug_field="title", many=True, read_only=True)
    decisions = serializers.SlugRelatedField(slug_field="text", many=True, read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id", "mechanism", "title", "kind", "status", "date", "date_precision", "date_note", "starts_at", "ends_at",
            "time_zone", "level", "place", "on_the_margins_of", "is_online", "summary", "declared_participant_count",
            "participants", "agenda", "decisions", "source", "updated_at",
        ]


class ActionItemSerializer(serializers.ModelSerializer):
    mechanism = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    owner = serializers.SerializerMethodField()
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = ActionItem
        fields = ["id", "mechanism", "meeting", "objective", "text", "owner", "due_on", "status", "is_overdue", "updated_at"]

    @extend_schema_field(PartySerializer)
    def get_owner(self, obj):
        return party_data(obj)
