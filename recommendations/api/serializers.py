from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.dates import DateBoundsSerializerMixin
from entities.models import Entity

from ..forms import NOTE_MAX_LENGTH
from ..models import ActionStatus, Recommendation, Reference, Report, StatusUpdate, SuggestedAction


class ReferenceSerializer(serializers.ModelSerializer):
    report = serializers.CharField(source="report.symbol", help_text="Document symbol, e.g. S/2015/289.")
    number = serializers.IntegerField(help_text="The recommendation's number in that report.")

    class Meta:
        model = Reference
        fields = ["report", "number"]


class ActionSerializer(serializers.ModelSerializer):
    addressee = serializers.SlugRelatedField(
        slug_field="slug", read_only=True,
        help_text="security-council, all-member-states or un-system.",
    )
    implementing_entities = serializers.SlugRelatedField(
        slug_field="acronym", many=True, read_only=True, help_text="Acronyms of the UN entities named or implementing.",
    )

    class Meta:
        model = SuggestedAction
        fields = ["id", "addressee", "text", "status", "implementing_entities", "updated_at"]


class ActionListSerializer(ActionSerializer):
    references = serializers.SerializerMethodField(help_text="References of the recommendation the action belongs to.")

    class Meta(ActionSerializer.Meta):
        fields = ["id", "recommendation", "references", *ActionSerializer.Meta.fields[1:]]

    @extend_schema_field(ReferenceSerializer(many=True))
    def get_references(self, action) -> list[dict]:
        return [{"report": r.report.symbol, "number": r.number} for r in action.recommendation.references.all()]


class RecommendationSerializer(serializers.ModelSerializer):
    references = ReferenceSerializer(many=True, read_only=True)
    cluster = serializers.CharField(source="cluster.name", help_text="The thematic cluster of annex I.")
    actions = ActionSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = ["id", "references", "text", "cluster", "status", "updated_at", "actions"]


class StatusUpdateSerializer(serializers.ModelSerializer):
    on_behalf_of = serializers.SlugRelatedField(slug_field="acronym", read_only=True, allow_null=True)
    author = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = StatusUpdate
        fields = ["id", "date", "status", "note", "evidence_url", "author", "on_behalf_of", "created_at"]


class AcronymField(serializers.SlugRelatedField):
    """An entity by acronym. A NUL character is refused before the lookup: PostgreSQL cannot
    compare text holding one (DRF's CharField checks this itself; a related field does not)."""

    def to_internal_value(self, data):
        if isinstance(data, str) and "\x00" in data:
            raise serializers.ValidationError("Null characters are not allowed.")
        return super().to_internal_value(data)


class StatusUpdateCreateSerializer(DateBoundsSerializerMixin, serializers.ModelSerializer):
    """What a status update posted through the API accepts: the browser's form (forms.StatusUpdateForm),
    field for field and with its bounds; the rules themselves are the service's."""

    past_only_dates = ("date",)
    status = serializers.ChoiceField(choices=ActionStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=NOTE_MAX_LENGTH,
                                 help_text=f"At most {NOTE_MAX_LENGTH} characters.")
    on_behalf_of = AcronymField(
        slug_field="acronym", queryset=Entity.objects.all(), required=False, allow_null=True,
        help_text="ISU staff only: the acronym of one of the entities the action names, or null for the ISU. "
                  "An entity focal point always posts on behalf of its own entity (the field is ignored).",
    )

    class Meta:
        model = StatusUpdate
        fields = ["status", "date", "note", "evidence_url", "on_behalf_of"]
        extra_kwargs = {
            "date": {"required": False, "help_text": "When the progress happened; today if omitted, never in the future."},
            "evidence_url": {"help_text": "A link to a document or page showing the progress (optional)."},
        }


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "symbol", "title", "date", "organ", "link", "updated_at"]
