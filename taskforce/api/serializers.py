from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from taskforce.models import (
    ActionItem,
    ActionItemStatus,
    ActionItemUpdate,
    Capability,
    Declaration,
    Endorsement,
    EndorsementCount,
    GlossaryTerm,
    Mechanism,
    Meeting,
    Membership,
    Objective,
    Participant,
    Survey,
)


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


class ActionItemUpdateCreateSerializer(serializers.Serializer):
    """A change of an action item's status, as the form on the item's page takes it."""

    # Recorded through the browser's service (taskforce.services.actions.action_item_set_status).

    status = serializers.ChoiceField(
        choices=ActionItemStatus.choices,
        help_text="`done` or `dropped` (with a note saying why); `open` reopens, ISU staff only. The item's present "
                  "status again is refused (400).",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class ActionItemUpdateSerializer(serializers.ModelSerializer):
    by = serializers.SerializerMethodField()

    class Meta:
        model = ActionItemUpdate
        fields = ["id", "action_item", "from_status", "to_status", "note", "by", "at"]
        read_only_fields = fields

    def get_by(self, obj) -> str:
        """Who changed it, as the item's page names them (their user name)."""
        return obj.by.get_username() if obj.by else ""


class EndorsementCountSerializer(serializers.ModelSerializer):
    class Meta:
        model = EndorsementCount
        fields = ["kind", "as_of", "count", "source"]


class EndorsementSerializer(serializers.ModelSerializer):
    endorser = serializers.SerializerMethodField()

    class Meta:
        model = Endorsement
        fields = ["endorser", "endorsed_on", "known_by", "source"]

    @extend_schema_field(PartySerializer)
    def get_endorser(self, obj):
        return party_data(obj)


class DeclarationSerializer(serializers.ModelSerializer):
    mechanism = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    counts = EndorsementCountSerializer(many=True, read_only=True,
                                        help_text="How many endorsed, by kind of endorser, as of a date (the source's figures).")
    endorsements = EndorsementSerializer(many=True, read_only=True, help_text="The endorsers known by name.")

    class Meta:
        model = Declaration
        fields = ["id", "slug", "name", "mechanism", "launched_on", "launched_precision", "source", "counts",
                  "endorsements", "updated_at"]


class CapabilitySerializer(serializers.ModelSerializer):
    entity = serializers.SlugRelatedField(slug_field="acronym", read_only=True, help_text="The UN entity offering it.")
    entity_name = serializers.CharField(source="entity.name", read_only=True)
    mechanism = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Capability
        fields = ["id", "entity", "entity_name", "mechanism", "kind", "title", "description", "source", "updated_at"]


class GlossaryTermSerializer(serializers.ModelSerializer):
    mechanism = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = GlossaryTerm
        fields = ["id", "mechanism", "term_en", "term_fr", "term_es", "definition_en", "definition_fr", "definition_es",
                  "source", "updated_at"]


class OptionCountSerializer(serializers.Serializer):
    option = serializers.CharField(help_text="A choice, or a value of the scale.")
    count = serializers.IntegerField()


class EntityTextSerializer(serializers.Serializer):
    entity = serializers.CharField(help_text="The answering UN entity's acronym.")
    text = serializers.CharField()


class QuestionResultSerializer(serializers.Serializer):
    question = serializers.CharField(source="question.text")
    kind = serializers.CharField(source="question.kind", help_text="`text`, `choice`, `multiple` or `scale`.")
    topic = serializers.CharField(source="question.topic")
    answered = serializers.IntegerField(help_text="How many entities answered it.")
    counts = OptionCountSerializer(many=True, help_text="Choices and scales: how many chose each.")
    average = serializers.FloatField(allow_null=True, help_text="Scales: the average value.")
    texts = EntityTextSerializer(many=True, help_text="Free-text answers, by entity.")


class SurveyInvitationSerializer(serializers.Serializer):
    entity = serializers.CharField(source="entity.acronym")
    sent_at = serializers.DateTimeField()
    answered = serializers.BooleanField()


class SurveySerializer(serializers.ModelSerializer):
    mechanism = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    findings = serializers.SlugRelatedField(slug_field="text", many=True, read_only=True)

    class Meta:
        model = Survey
        fields = ["id", "mechanism", "title", "description", "status", "conducted_on", "conducted_precision",
                  "declared_respondent_count", "respondent_count_is_approximate", "closes_on", "source", "is_demo",
                  "findings", "updated_at"]


class SurveyDetailSerializer(SurveySerializer):
    """With its results as the survey's page shows them to the caller."""

    invitations = SurveyInvitationSerializer(source="invitations_shown", many=True, read_only=True)
    results = QuestionResultSerializer(source="results_shown", many=True, read_only=True)

    class Meta(SurveySerializer.Meta):
        fields = [*SurveySerializer.Meta.fields, "invitations", "results"]
