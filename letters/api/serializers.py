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


class DeadlineStepSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["entry_into_force", "extension"], read_only=True)
    on = serializers.DateField(read_only=True, allow_null=True, help_text="Date of entry into force, or of the decision.")
    deadline = serializers.DateField(read_only=True, help_text="The deadline from this step on.")
    decision = serializers.CharField(read_only=True)
    meeting = serializers.CharField(read_only=True)
    months = serializers.IntegerField(read_only=True, allow_null=True, help_text="Period granted, in months.")


class DeadlineSerializer(serializers.Serializer):
    """A deadline computed from the Convention's articles, never stored."""

    state = serializers.CharField(source="state.code.code", read_only=True, help_text="ISO 3166-1 alpha-2 code.")
    state_name = serializers.CharField(source="state.name", read_only=True)
    obligation = serializers.CharField(read_only=True, help_text="`article-7-initial`, `article-7-annual`, `article-4` or `article-5`.")
    obligation_label = serializers.CharField(source="label", read_only=True)
    period = serializers.IntegerField(read_only=True, allow_null=True, help_text="Calendar year an annual report covers.")
    due_on = serializers.DateField(read_only=True)
    status = serializers.CharField(
        read_only=True, help_text="`upcoming`, `due`, `met` (report received), `completed`, `overdue` or `ended` (by withdrawal).",
    )
    met_on = serializers.DateField(read_only=True, allow_null=True, help_text="Report received, or completion declared.")
    ends_on = serializers.DateField(read_only=True, allow_null=True, help_text="The State's withdrawal takes effect.")
    steps = DeadlineStepSerializer(many=True, read_only=True, help_text="How the deadline got there.")


class DeadlineQuerySerializer(serializers.Serializer):
    """The list's filters, checked: a bad value is a 400 naming the parameter. Dates are only
    compared, never computed with, so any valid date is accepted (an article 5 deadline may be
    more than ten years away)."""

    state = serializers.RegexField(r"^[A-Za-z]{2}$", required=False, help_text="ISO 3166-1 alpha-2 code.",
                                   error_messages={"invalid": "Give a two-letter ISO code, for example MX."})
    obligation = serializers.ChoiceField(
        choices=["article-7", "article-7-initial", "article-7-annual", "article-4", "article-5"], required=False,
    )
    status = serializers.ChoiceField(choices=["upcoming", "due", "met", "completed", "overdue", "ended"], required=False)
    due_after = serializers.DateField(required=False, help_text="On or after this date.")
    due_before = serializers.DateField(required=False, help_text="On or before this date.")

