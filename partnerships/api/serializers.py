from django.utils.encoding import smart_str
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.dates import DateBoundsSerializerMixin
from entities.access import actor_for
from entities.models import State

from .. import selectors
from ..choices import EntryStatus
from ..currencies import currency_choices
from ..models import BudgetLine, Challenge, Entry, Match, Pledge, Project


@extend_schema_field({"type": "string", "pattern": "^[A-Z]{2}$", "example": "UG"})
class StateCodeField(serializers.SlugRelatedField):
    """A State by its ISO 3166-1 alpha-2 code."""

    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs["queryset"] = State.objects.all()
        super().__init__(slug_field="code", **kwargs)

    def to_internal_value(self, data):
        code = str(data).upper()
        # Checked before the lookup: PostgreSQL refuses some strings (NUL bytes) outright.
        if not (len(code) == 2 and code.isascii() and code.isalpha()):
            self.fail("does_not_exist", slug_name=self.slug_field, value=smart_str(data)[:20])
        return super().to_internal_value(code)

    def to_representation(self, obj):
        return obj.code.code


# Without the version read, an update would overwrite unseen whatever changed since.
VERSION_REQUIRED = (
    "Send `version`, the version of the entry you read (every answer about the entry gives it), so that a change "
    "made by someone else since is not overwritten. Nothing was saved."
)


class EntrySerializer(DateBoundsSerializerMixin, serializers.ModelSerializer):
    state = StateCodeField(required=False, help_text="ISO 3166-1 alpha-2. Focal points may omit it (their own State).")
    state_name = serializers.CharField(source="state.name", read_only=True)
    region = serializers.CharField(source="state.region", read_only=True)
    target_state = StateCodeField(required=False, allow_null=True)
    currency = serializers.ChoiceField(choices=currency_choices(), required=False, allow_blank=True)
    status = serializers.ChoiceField(
        choices=EntryStatus.choices, required=False, help_text="To withdraw, POST to the withdraw action.",
    )
    is_stale = serializers.BooleanField(read_only=True)
    version = serializers.IntegerField(
        required=False, min_value=1, error_messages={"required": VERSION_REQUIRED},
        help_text="Required on every update (PUT and PATCH): the version you read. If the entry changed since, "
                  "the update is refused (409); without it, the update is refused (400).",
    )
    url = serializers.HyperlinkedIdentityField(view_name="partnerships:entry-detail", read_only=True)

    class Meta:
        model = Entry
        fields = [
            "id", "url", "side", "state", "state_name", "region", "kind", "area", "title", "description", "amount",
            "currency", "period_start", "period_end", "geographic_focus", "target_state", "target_region", "status",
            "visibility", "is_stale", "is_demo", "confirmed_at", "created_at", "updated_at", "version",
        ]
        read_only_fields = ["side", "is_demo", "confirmed_at", "created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        # Said with the other fields' errors on PUT; a PATCH skips absent fields, so validate() says it there.
        fields["version"].required = self.instance is not None
        return fields

    def validate_status(self, value):
        if value == EntryStatus.WITHDRAWN:
            raise serializers.ValidationError("To withdraw an entry, POST to its withdraw action.")
        return value

    def validate_amount(self, value):
        if value is not None and value < 0:
            raise serializers.ValidationError("The amount cannot be negative.")
        return value

    def validate(self, attrs):
        if self.instance is not None and attrs.get("version") is None:
            raise serializers.ValidationError({"version": [VERSION_REQUIRED]})
        start = attrs.get("period_start", getattr(self.instance, "period_start", None))
        end = attrs.get("period_end", getattr(self.instance, "period_end", None))
        if start and end and end < start:
            raise serializers.ValidationError({"period_end": "The period cannot end before it starts."})
        return attrs



class ReasonSerializer(serializers.Serializer):
    component = serializers.CharField()
    points = serializers.IntegerField()
    maximum = serializers.IntegerField()
    text = serializers.CharField()


class RankedEntrySerializer(EntrySerializer):
    score = serializers.IntegerField(read_only=True)
    reasons = ReasonSerializer(many=True, read_only=True)

    class Meta(EntrySerializer.Meta):
        fields = ["score", "reasons", *EntrySerializer.Meta.fields]


class VisibleEntryField(serializers.PrimaryKeyRelatedField):
    """An entry by id, among those the caller may see. Another State's private entry is refused
    as an unknown id is (a 400 naming the field), so the answer never tells that it exists."""

    def get_queryset(self):
        return selectors.entries_for(actor_for(self.context["request"].user))


class MatchSerializer(serializers.ModelSerializer):
    need = VisibleEntryField()
    offer = VisibleEntryField()
    need_title = serializers.CharField(source="need.title", read_only=True)
    offer_title = serializers.CharField(source="offer.title", read_only=True)
    need_state = serializers.SerializerMethodField()
    offer_state = serializers.SerializerMethodField()

    class Meta:
        model = Match
        fields = [
            "id", "need", "need_title", "need_state", "offer", "offer_title", "offer_state", "status", "score", "note",
            "created_at", "decided_at", "completed_at", "notified_at",
        ]
        read_only_fields = ["status", "score", "created_at", "decided_at", "completed_at", "notified_at"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_need_state(self, obj) -> str:
        return obj.need.state.code.code

    @extend_schema_field(OpenApiTypes.STR)
    def get_offer_state(self, obj) -> str:
        return obj.offer.state.code.code


class MatchDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "decline", "complete"])


class ChallengeSerializer(serializers.ModelSerializer):
    state = StateCodeField(read_only=True)
    state_name = serializers.CharField(source="state.name", read_only=True)

    class Meta:
        model = Challenge
        fields = ["id", "state", "state_name", "obligation", "description", "nature", "source", "consent_to_share", "created_at", "updated_at"]


class BudgetLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetLine
        fields = ["label", "amount"]


class PledgeSerializer(serializers.ModelSerializer):
    donor = serializers.SerializerMethodField()

    class Meta:
        model = Pledge
        fields = ["donor", "status", "amount", "currency", "pledged_on", "received_on"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_donor(self, obj) -> str:
        return str(obj.donor)


class ProjectSerializer(serializers.ModelSerializer):
    owner = serializers.SerializerMethodField()
    budget_total = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, help_text="Sum of the budget lines.")
    pledged_total = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, help_text="Indicative, confirmed and received pledges.")
    confirmed_total = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, help_text="Confirmed and received pledges.")
    received_total = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True)
    funding_gap = serializers.DecimalField(max_digits=16, decimal_places=2, read_only=True, help_text="Budget minus pledged.")

    class Meta:
        model = Project
        fields = [
            "id", "title", "owner", "managers", "focus", "starts_on", "ends_on", "geographic_focus", "objectives",
            "currency", "budget_total", "pledged_total", "confirmed_total", "received_total", "funding_gap", "is_demo", "source",
        ]

    @extend_schema_field(OpenApiTypes.STR)
    def get_owner(self, obj) -> str:
        return str(obj.owner)


class ProjectDetailSerializer(ProjectSerializer):
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    pledges = PledgeSerializer(many=True, read_only=True)

    class Meta(ProjectSerializer.Meta):
        fields = [*ProjectSerializer.Meta.fields, "budget_lines", "pledges"]
