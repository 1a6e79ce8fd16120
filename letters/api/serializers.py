from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from entities.access import actor_for
from entities.api import serializers as registry
from letters.forms import REGION_LABELS, VERDICT_LABELS
from letters.models import Letter, ReportKind, ReportSubmission
from letters.selectors import deadlines_list


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



class ReportRecordSerializer(serializers.Serializer):
    """A report received, as the form "Record a report received" takes it: a link to the report
    (a file is attached in the browser)."""

    # Recorded through the browser's service (letters.services.reporting.report_record).

    state = serializers.RegexField(
        r"^[A-Za-z]{2}$", required=False, allow_blank=True,
        help_text="ISO 3166-1 alpha-2 code of the State Party. Staff must give it; a State focal point may omit it "
                  "(its own State) and may give no other.",
        error_messages={"invalid": "Give a two-letter ISO code, for example MX."},
    )
    kind = serializers.ChoiceField(choices=ReportKind.choices, default=ReportKind.ANNUAL,
                                   help_text="`annual` (the default) or `initial`.")
    period = serializers.IntegerField(min_value=1997, max_value=2100, help_text="The year the report covers.")
    received_on = serializers.DateField(help_text="The date the report was received (not in the future).")
    link = serializers.URLField(required=False, allow_blank=True, max_length=ReportSubmission._meta.get_field("link").max_length,
                                help_text="A link to the report (https://...). Required for a State focal point.")


class ComplianceYearSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    verdict = serializers.ChoiceField(choices=list(VERDICT_LABELS), help_text="`on_time`, `late`, `missing` or `not_due`.")


class ComplianceSerializer(serializers.Serializer):
    """One State Party's reporting record under article 7 (the compliance page's row)."""

    state = serializers.CharField(source="state.code.code", help_text="ISO 3166-1 alpha-2 code.")
    state_name = serializers.CharField(source="state.name")
    region = serializers.CharField(source="state.region")
    initial = serializers.ChoiceField(choices=list(VERDICT_LABELS), help_text="The initial report's verdict.")
    years = ComplianceYearSerializer(many=True, source="year_verdicts")
    on_time_rate = serializers.IntegerField(
        allow_null=True, help_text="Per cent of the annual reports due in the years shown that came on time; null if none was due.",
    )


class ComplianceQuerySerializer(serializers.Serializer):
    """The compliance page's filters."""

    # Types only: letters.forms.ComplianceFilterForm, the page's form, decides the rest (years together).

    region = serializers.ChoiceField(choices=list(REGION_LABELS), required=False)
    since = serializers.IntegerField(min_value=1997, max_value=2100, required=False,
                                     help_text="First year shown (default: five years before `until`).")
    until = serializers.IntegerField(min_value=1997, max_value=2100, required=False,
                                     help_text="Last year shown (default: last year). At most 30 years from `since`.")
    status = serializers.ChoiceField(choices=list(VERDICT_LABELS), required=False,
                                     help_text="States with at least one report in this status among the years shown.")


class StateDetailSerializer(registry.StateDetailSerializer):
    """/api/v1/states/{code}/: the registry's State with its deadlines under the Convention, which
    letters computes (put in place of the registry's by letters.apps)."""

    obligations = serializers.SerializerMethodField(
        help_text="The State's deadlines under the Convention, as /api/v1/deadlines/?state= lists them.",
    )

    class Meta(registry.StateDetailSerializer.Meta):
        fields = (*registry.StateDetailSerializer.Meta.fields, "obligations")

    @extend_schema_field({"type": "array", "items": {"$ref": "#/components/schemas/Deadline"}})
    def get_obligations(self, state) -> list:
        # One State's deadlines: the letters selector's few queries, whatever their number.
        request = self.context.get("request")
        rows = deadlines_list(actor=actor_for(request.user if request else None), today=timezone.localdate(), state_id=state.pk)
        return DeadlineSerializer(rows, many=True).data
