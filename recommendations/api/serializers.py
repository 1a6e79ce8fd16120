from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Recommendation, Reference, Report, StatusUpdate, SuggestedAction


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


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Report
        fields = ["id", "symbol", "title", "date", "organ", "link", "updated_at"]
