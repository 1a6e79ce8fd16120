"""Needs and offers (public read; focal points write their own State's; the whole filtered list as
the browser's CSV), matches, challenges (read as shared; written by their own State's focal point)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from config.api_views import ActorMixin, VisibleQuerysetMixin
from config.idempotency import IdempotentCreateMixin
from config.parsers import JSONParser
from config.schema import ERROR_REF
from entities.api.exports import LIST_FORMAT, WholeListExportMixin, export_schema, table_file
from entities.api.permissions import PublicReadOnly

from .. import selectors, services
from ..access import can_change_challenge, can_change_entry
from ..choices import Side
from ..csv_export import entries_csv_response, entries_table
from ..filters import ChallengeFilter, EntryFilter
from ..models import Challenge, Entry
from ..selectors import funding
from . import serializers


# An update sent with an out-of-date `version` (see services.entry_update).
UPDATE_RESPONSES = {
    200: serializers.EntrySerializer,
    409: OpenApiResponse(ERROR_REF, description="The entry changed since the `version` sent: nothing was saved."),
}

ENTRY_DOC = (
    "Anonymous visitors and API-client tokens see public entries; a State focal point's token also "
    "sees its own State's entries and, if its State is a party, entries for States Parties only. "
    "Focal points create and update their own State's entries; staff may record for any State Party."
)


# Bodies are JSON only: a form or multipart body cannot say null (an empty amount or date), so
# the schema offers JSON alone and anything else is a 415.
JSON_ONLY = [JSONParser]


class EntryViewSet(WholeListExportMixin, IdempotentCreateMixin, VisibleQuerysetMixin, mixins.ListModelMixin,
                   mixins.RetrieveModelMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.GenericViewSet):
    queryset = Entry.objects.select_related("state", "target_state")
    side: str = Side.NEED
    permission_classes = [PublicReadOnly]
    parser_classes = JSON_ONLY
    serializer_class = serializers.EntrySerializer
    filterset_class = EntryFilter

    def get_queryset(self):
        return super().get_queryset().filter(side=self.side)

    def export_file(self, queryset, fmt: str):
        # The browser's file (partnerships.csv_export), byte for byte; its name as the Platform page gives it.
        stem = f"platform-for-partnerships-{timezone.now():%Y%m%d}"
        if fmt == "csv":
            return entries_csv_response(queryset, filename=f"{stem}.csv")
        header, rows = entries_table(queryset)
        return table_file(header=header, rows=rows, filename=stem, fmt=fmt)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        state = data.pop("state", None)
        serializer.instance = services.entry_submit(
            actor=self.actor, user=self.request.user, side=self.side, data=data, state=state,
        )

    def update(self, request, *args, **kwargs):
        # Whose entry it is comes before what is wrong with the body: another State's focal
        # point is refused with 403 whatever it sends (a `state` included).
        if not can_change_entry(self.actor, self.get_object()):
            raise exceptions.PermissionDenied(_("You may only change your own State's entries."))
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        if "state" in data and data.pop("state") != serializer.instance.state:
            raise exceptions.ValidationError({"state": ["The State of an entry cannot be changed."]})
        version = data.pop("version", None)
        serializer.instance = services.entry_update(
            actor=self.actor, user=self.request.user, entry=serializer.instance,
            data=data, expected_version=version,
        )

    @extend_schema(request=None, responses=serializers.EntrySerializer, summary="Confirm the entry is still current")
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        entry = services.entry_confirm(actor=self.actor, user=request.user, entry=self.get_object())
        return Response(self.get_serializer(entry).data)

    @extend_schema(request=None, responses=serializers.EntrySerializer, summary="Withdraw the entry (it stays in the record)")
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        entry = services.entry_withdraw(actor=self.actor, user=request.user, entry=self.get_object())
        return Response(self.get_serializer(entry).data)

    @extend_schema(
        responses=serializers.RankedEntrySerializer(many=True), filters=False,
        summary="Ranked candidates (offers for a need, needs for an offer) with the reason for each score component",
    )
    @action(detail=True, methods=["get"], filterset_class=None, pagination_class=None)
    def matches(self, request, pk=None):
        rows = selectors.ranked_candidates_for(self.actor, self.get_object())
        return Response(serializers.RankedEntrySerializer(rows, many=True, context={"request": request}).data)


@extend_schema_view(
    list=extend_schema(summary="Needs for assistance", description=ENTRY_DOC, parameters=[LIST_FORMAT]),
    export=export_schema(summary="Export the whole filtered list of needs",
                         description="Every need the caller may see matching the filters, as the Platform page exports it."),
    retrieve=extend_schema(summary="One need"),
    create=extend_schema(summary="Submit a need (State focal point, for its own State)"),
    update=extend_schema(summary="Update a need", request=serializers.EntryUpdateSerializer, responses=UPDATE_RESPONSES),
    partial_update=extend_schema(summary="Update part of a need", request=serializers.EntryUpdateSerializer, responses=UPDATE_RESPONSES),
)
class NeedViewSet(EntryViewSet):
    side = Side.NEED


@extend_schema_view(
    list=extend_schema(summary="Offers of assistance", description=ENTRY_DOC, parameters=[LIST_FORMAT]),
    export=export_schema(summary="Export the whole filtered list of offers",
                         description="Every offer the caller may see matching the filters, as the Platform page exports it."),
    retrieve=extend_schema(summary="One offer"),
    create=extend_schema(summary="Submit an offer (State focal point, for its own State)"),
    update=extend_schema(summary="Update an offer", request=serializers.EntryUpdateSerializer, responses=UPDATE_RESPONSES),
    partial_update=extend_schema(summary="Update part of an offer", request=serializers.EntryUpdateSerializer, responses=UPDATE_RESPONSES),
)
class OfferViewSet(EntryViewSet):
    side = Side.OFFER


@extend_schema_view(
    list=extend_schema(summary="Matches involving the caller's State (all, for staff)"),
    retrieve=extend_schema(summary="One match"),
    create=extend_schema(summary="Propose a match between a need and an offer"),
)
class MatchViewSet(ActorMixin, IdempotentCreateMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = serializers.MatchSerializer
    parser_classes = JSON_ONLY

    def get_queryset(self):
        return selectors.matches_for(self.actor)

    def perform_create(self, serializer):
        # The serializer took `need` and `offer` among the entries this caller may see.
        data = serializer.validated_data
        serializer.instance = services.match_propose(
            actor=self.actor, user=self.request.user, need=data["need"], offer=data["offer"],
            note=data.get("note", ""),
        )

    @extend_schema(request=serializers.MatchDecisionSerializer, responses=serializers.MatchSerializer, summary="Accept, decline or complete a match")
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        decision = serializers.MatchDecisionSerializer(data=request.data)
        decision.is_valid(raise_exception=True)
        match = services.match_decide(
            actor=self.actor, user=request.user, match=self.get_object(), decision=decision.validated_data["decision"],
        )
        # The service returns the match as stored: read it again as the caller may see it.
        return Response(self.get_serializer(self.get_queryset().get(pk=match.pk)).data)


# An update sent with an out-of-date `version` (see services.challenge_update).
CHALLENGE_UPDATE_RESPONSES = {
    200: serializers.ChallengeSerializer,
    409: OpenApiResponse(ERROR_REF, description="The challenge changed since the `version` sent: nothing was saved."),
}


@extend_schema_view(
    list=extend_schema(summary="Challenges of States Parties (shared with consent; own State's and all for staff)"),
    retrieve=extend_schema(summary="One challenge"),
    create=extend_schema(summary="Record a challenge (State focal point, for its own State; staff, for any State Party)",
                         description="As the challenge form of the Platform: a focal point of a State Party records its "
                                     "own State's challenge (`state` omitted or its own); staff name the State Party. "
                                     "Without `consent_to_share`, only the secretariat and the State see it."),
    update=extend_schema(summary="Update a challenge", request=serializers.ChallengeUpdateSerializer,
                         responses=CHALLENGE_UPDATE_RESPONSES,
                         description="Its own State's focal point, or staff; another State's: 403."),
    partial_update=extend_schema(summary="Update part of a challenge", request=serializers.ChallengeUpdateSerializer,
                                 responses=CHALLENGE_UPDATE_RESPONSES,
                                 description="Its own State's focal point, or staff; another State's: 403."),
)
class ChallengeViewSet(VisibleQuerysetMixin, IdempotentCreateMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                       mixins.UpdateModelMixin, viewsets.GenericViewSet):
    queryset = Challenge.objects.select_related("state")
    permission_classes = [PublicReadOnly]
    parser_classes = JSON_ONLY
    serializer_class = serializers.ChallengeSerializer
    filterset_class = ChallengeFilter

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        state = data.pop("state", None)
        data.pop("version", None)
        serializer.instance = services.challenge_record(
            actor=self.actor, user=self.request.user, data=data, state=state,
        )

    def update(self, request, *args, **kwargs):
        # Whose challenge it is comes before what is wrong with the body, as for entries.
        if not can_change_challenge(self.actor, self.get_object()):
            raise exceptions.PermissionDenied(_("You may only change your own State's challenges."))
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer):
        data = dict(serializer.validated_data)
        if "state" in data and data.pop("state") != serializer.instance.state:
            raise exceptions.ValidationError({"state": [_("The State of a challenge cannot be changed.")]})
        version = data.pop("version", None)
        serializer.instance = services.challenge_update(
            actor=self.actor, user=self.request.user, challenge=serializer.instance,
            data=data, expected_version=version,
        )


@extend_schema_view(
    list=extend_schema(summary="Projects with their computed budget, pledged, received and funding gap"),
    retrieve=extend_schema(summary="One project, with budget lines and pledges"),
)
class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [PublicReadOnly]

    def get_queryset(self):
        if self.action == "retrieve":
            return funding.projects_list().prefetch_related(
                "budget_lines", "pledges__donor_entity", "pledges__donor_state", "pledges__donor_organisation",
            )
        return funding.projects_list()

    def get_serializer_class(self):
        return serializers.ProjectDetailSerializer if self.action == "retrieve" else serializers.ProjectSerializer
