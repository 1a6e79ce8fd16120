from rest_framework import serializers

from letters.models import Letter, ReportSubmission


class LetterSerializer(serializers.ModelSerializer):
    state = serializers.CharField(source="state.code.code", read_only=True, allow_null=True, default=None)

    class Meta:
        model = Letter
        fields = [
            "id", "key", "purpose", "state", "period", "stage", "language", "recipients", "subject", "status",
            "attempts", "last_error", "address_problem", "message_id", "sent_at", "created_at", "updated_at",
        ]
        read_only_fields = fields


class ReportSubmissionSerializer(serializers.ModelSerializer):
    state = serializers.CharField(source="state.code.code", read_only=True)
    obligation = serializers.CharField(source="obligation.code", read_only=True)
    treaty = serializers.CharField(source="obligation.treaty.short_name", read_only=True)

    class Meta:
        model = ReportSubmission
        fields = ["id", "treaty", "obligation", "state", "kind", "period", "received_on", "link", "created_at", "updated_at"]
        read_only_fields = fields
