from django.utils.encoding import smart_str
from drf_spectacular.extensions import OpenApiSerializerExtension, OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from config.dates import DateBoundsSerializerMixin
from config.schema import values_from_database
from entities.access import actor_for
from entities.models import State

from .. import selectors
from ..access import party_states
from ..choices import EntryStatus
from ..currencies import currency_choices
from ..models import BudgetLine, Challenge, Entry, Match, Pledge, Project


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


class StateCodeFieldExtension(OpenApiSerializerFieldExtension):
    """A State code. In a request, the schema lists the codes the server accepts from the caller
    who reads it (the schema is drawn for the caller's token): an entry's `state` is the caller's
    own State for a focal point and any State Party for staff; another code is refused (400)."""

    target_class = StateCodeField

    def map_serializer_field(self, auto_schema, direction):
        schema = {"type": "string", "pattern": "^[A-Z]{2}$", "example": "UG"}
        if direction == "request" and not self.target.read_only:
            codes = self._accepted_codes(auto_schema)
            if codes:
                schema = {"type": "string", "enum": codes}
        if self.target.allow_null:
            schema["nullable"] = True
            if "enum" in schema:
                schema["enum"] = [*schema["enum"], None]
        return schema

    def _accepted_codes(self, auto_schema) -> list[str]:
        states = State.objects.all()
        if self.target.field_name == "state":
            request = getattr(auto_schema.view, "request", None)
            actor = actor_for(getattr(request, "user", None))
            states = states.filter(pk=actor.state_id) if actor.is_state_focal_point else party_states(states)
        return values_from_database(lambda: sorted(str(code) for code in states.values_list("code", flat=True)))


class AmountField(serializers.DecimalField):
    """An amount of money, never negative: a string ("1500.50") or a whole number (1500). A JSON
    number with a fraction is refused, as its binary value is not the decimal the sender meant."""

    WHOLE_MAXIMUM = 10**12 - 1

    def to_internal_value(self, data):
        if isinstance(data, float) and not data.is_integer():
            raise serializers.ValidationError('Send the amount as a string, e.g. "1500.50", or as a whole number.')
        return super().to_internal_value(data)


class AmountFieldExtension(OpenApiSerializerFieldExtension):
    """drf-spectacular's decimal pattern always admits a minus sign; an amount never has one. A
    whole number is accepted too."""

    target_class = AmountField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if "pattern" in schema:
            schema["pattern"] = schema["pattern"].replace("^-?", "^", 1)
        if direction == "request":
            text = {key: schema.pop(key) for key in ("type", "format", "pattern") if key in schema}
            whole = {"type": "integer", "minimum": 0, "maximum": AmountField.WHOLE_MAXIMUM}
            schema["oneOf"] = [text, whole]
        return schema


class EntryStatusField(serializers.ChoiceField):
    """An entry's status: every status is read, but `withdrawn` is never written (the withdraw action)."""


class EntryStatusFieldExtension(OpenApiSerializerFieldExtension):
    target_class = EntryStatusField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "request":
            # A component of its own, named here: the enum hook would give an inline subset a
            # generated name (and warn about it).
            writable = [value for value in EntryStatus.values if value != EntryStatus.WITHDRAWN]
            component = ResolvedComponent(
                name="PlatformWritableEntryStatusEnum", type=ResolvedComponent.SCHEMA,
                object="PlatformWritableEntryStatusEnum", schema={"type": "string", "enum": writable},
            )
            auto_schema.registry.register_on_missing(component)
            schema = {"allOf": [component.ref], "description": str(self.target.help_text)}
        return schema


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
    amount = AmountField(
        max_digits=14, decimal_places=2, allow_null=True, required=False,
        help_text="For financial assistance: the amount needed or offered, never negative.",
    )
    status = EntryStatusField(
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
        if value is not None and (value < 0 or value.is_signed()):
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



class EntryUpdateSerializer(EntrySerializer):
    """What an update (PUT, PATCH) accepts, for the schema: `version` always, never `state` (an
    entry stays with its State: a different one is refused with 400)."""

    state = StateCodeField(read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["version"].required = True
        return fields


class EntryUpdateSerializerExtension(OpenApiSerializerExtension):
    """`version` is required even in a PATCH body (drf-spectacular makes every PATCH field optional)."""

    target_class = EntryUpdateSerializer

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request" and "version" not in schema.get("required", []):
            schema["required"] = [*schema.get("required", []), "version"]
        return schema


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

    def get_attribute(self, instance):
        # An entry the caller may not see is read as null: not even its id (a way to it).
        if getattr(instance, f"{self.source}_confidential", False):
            return None
        return super().get_attribute(instance)


CONFIDENTIAL_DOC = (
    "null when the entry is another State's that the caller may not see: its title is then "
    "\"A confidential entry\" and nothing else of it is given."
)


class VisibleEntryFieldExtension(OpenApiSerializerFieldExtension):
    """In answers, an entry id may be null (another State's entry the caller may not see)."""

    target_class = VisibleEntryField

    def map_serializer_field(self, auto_schema, direction):
        schema = auto_schema._map_serializer_field(self.target, direction, bypass_extensions=True)
        if direction == "response":
            schema.update(nullable=True, description=CONFIDENTIAL_DOC)
        return schema


class MatchSerializer(serializers.ModelSerializer):
    """A match as the caller may see it: selectors.matches_for replaces another State's entry the
    caller may not see with a stand-in that carries no title, State, amount or id."""

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

    @extend_schema_field({"type": "string", "nullable": True, "description": CONFIDENTIAL_DOC})
    def get_need_state(self, obj) -> str | None:
        return None if obj.need.state is None else obj.need.state.code.code

    @extend_schema_field({"type": "string", "nullable": True, "description": CONFIDENTIAL_DOC})
    def get_offer_state(self, obj) -> str | None:
        return None if obj.offer.state is None else obj.offer.state.code.code


class MatchDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["accept", "decline", "complete"])


class JSONBooleanField(serializers.BooleanField):
    """true or false as JSON says them: DRF would also take 0, 1, "yes", "on"..., which the
    schema (a boolean) does not offer."""

    def to_internal_value(self, data):
        if data is True or data is False:
            return data
        self.fail("invalid", input=data)


class JSONTextField(serializers.CharField):
    """Text as a JSON string: DRF would also take a number (0 becomes "0"), which the schema (a
    string) does not offer."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


CHALLENGE_VERSION_REQUIRED = (
    "Send `version`, the version of the challenge you read (every answer about the challenge gives it), so that a "
    "change made by someone else since is not overwritten. Nothing was saved."
)


class ChallengeSerializer(serializers.ModelSerializer):
    """A State Party's challenge in meeting one obligation. A State focal point records and changes
    its own State's challenges, the secretariat any State Party's, as on the challenges page."""

    # Written through the browser's services (services.challenge_record, services.challenge_update).

    state = StateCodeField(required=False, help_text="ISO 3166-1 alpha-2. Focal points may omit it (their own State); "
                                                     "staff name the State Party. Never changed by an update.")
    state_name = serializers.CharField(source="state.name", read_only=True)
    description = JSONTextField(max_length=4000, help_text="The challenge in a few sentences.")
    consent_to_share = JSONBooleanField(
        required=False, help_text="With consent (true), the challenge is shown on the public challenges map; without it "
                                  "(false, the default), only the secretariat and the State see it.",
    )
    version = serializers.IntegerField(
        required=False, min_value=1, error_messages={"required": CHALLENGE_VERSION_REQUIRED},
        help_text="Required on every update (PUT and PATCH): the version you read. If the challenge changed since, "
                  "the update is refused (409); without it, the update is refused (400).",
    )

    class Meta:
        model = Challenge
        fields = ["id", "state", "state_name", "obligation", "description", "nature", "source", "consent_to_share",
                  "created_at", "updated_at", "version"]
        read_only_fields = ["created_at", "updated_at"]

    def get_fields(self):
        fields = super().get_fields()
        fields["version"].required = self.instance is not None
        return fields

    def validate(self, attrs):
        if self.instance is not None and attrs.get("version") is None:
            raise serializers.ValidationError({"version": [CHALLENGE_VERSION_REQUIRED]})
        return attrs


class ChallengeUpdateSerializer(ChallengeSerializer):
    """What an update (PUT, PATCH) accepts, for the schema: `version` always, never `state` (a
    challenge stays with its State: a different one is refused with 400)."""

    state = StateCodeField(read_only=True)

    def get_fields(self):
        fields = super().get_fields()
        fields["version"].required = True
        return fields


class ChallengeUpdateSerializerExtension(OpenApiSerializerExtension):
    """`version` is required even in a PATCH body."""

    target_class = ChallengeUpdateSerializer

    def map_serializer(self, auto_schema, direction):
        schema = auto_schema._map_serializer(self.target, direction, bypass_extensions=True)
        if direction == "request" and "version" not in schema.get("required", []):
            schema["required"] = [*schema.get("required", []), "version"]
        return schema


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
