from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from config.api_views import ActorMixin, VisibleQuerysetMixin
from config.idempotency import IdempotentCreateMixin
from config.parsers import JSONParser
from taskforce import selectors
from taskforce.access import can_see_surveys
from taskforce.filters import (
    ActionItemFilter,
    CapabilityFilter,
    GlossaryTermFilter,
    MechanismFilter,
    MeetingFilter,
)
from taskforce.models import (
    Capability,
    Declaration,
    Endorsement,
    GlossaryTerm,
    Mechanism,
    Membership,
    Participant,
    Survey,
)
from taskforce.services.actions import action_item_change_check, action_item_set_status
from taskforce.services.surveys import survey_results

from .serializers import (
    ActionItemSerializer,
    ActionItemUpdateCreateSerializer,
    ActionItemUpdateSerializer,
    CapabilitySerializer,
    DeclarationSerializer,
    GlossaryTermSerializer,
    MechanismSerializer,
    MeetingSerializer,
    SurveyDetailSerializer,
    SurveySerializer,
)

PARTY = ("entity", "state", "organisation")


@extend_schema_view(
    list=extend_schema(summary="List coordination mechanisms and task forces",
                       description="With members (and roles) and objectives. Filter by member with `entity` or `state`."),
    retrieve=extend_schema(summary="One mechanism"),
)
class MechanismViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MechanismSerializer
    filterset_class = MechanismFilter
    lookup_field = "slug"

    def get_queryset(self):
        return Mechanism.objects.select_related("lead_entity", "lead_state").prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related(*PARTY)), "objectives",
        ).order_by("name")


@extend_schema_view(
    list=extend_schema(summary="List meetings",
                       description="Filters: `mechanism` (short name), `entity` / `state` (participant), "
                                   "`date_after` / `date_before` (YYYY-MM-DD), `level`, `kind`, `q`."),
    retrieve=extend_schema(summary="One meeting"),
)
class MeetingViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self):
        return selectors.meetings(self.actor).prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related(*PARTY)), "agenda_items", "decisions",
        )


@extend_schema_view(
    list=extend_schema(summary="List action items",
                       description="Filters: `mechanism`, `entity` / `state` (owner), `status` (open, done, dropped), "
                                   "`overdue`, `due_after` / `due_before` (YYYY-MM-DD), `q`."),
    retrieve=extend_schema(summary="One action item"),
)
class ActionItemViewSet(ActorMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionItemSerializer
    filterset_class = ActionItemFilter

    def get_queryset(self):
        return selectors.action_items(self.actor)


class _ActionItemUpdateCreate(ActorMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = ActionItemUpdateCreateSerializer
    parser_classes = [JSONParser]
    filterset_class = None
    pagination_class = None

    def create(self, request, *args, **kwargs):
        actor = self.actor
        item = get_object_or_404(selectors.action_items(actor), pk=self.kwargs["item_id"])
        # Whose item it is comes before what is wrong with the body, as on the item's page,
        # where the form is not shown to others.
        action_item_change_check(item=item, actor=actor)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        changed = action_item_set_status(item=item, status=data["status"], note=data.get("note", ""), actor=actor, user=request.user)
        update = changed.updates.select_related("by").order_by("-at", "-pk").first()
        return Response(ActionItemUpdateSerializer(update).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    create=extend_schema(
        summary="Change an action item's status (close it as done or dropped)",
        description="As the action item's page: the owner's focal point (the UN entity's, or the State's for an item "
                    "a State owns) closes its own items, as `done` or `dropped` with a note saying why; ISU staff "
                    "change any item and may reopen it (`open`). Another owner's item: 403; API-client tokens are "
                    "read-only (403). Moving an item to the status it already has is refused (400), so a change "
                    "sent twice is not recorded twice.",
        parameters=[OpenApiParameter("item_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The action item's id.")],
        request=ActionItemUpdateCreateSerializer,
        responses={201: ActionItemUpdateSerializer},
    ),
)
class ActionItemUpdateViewSet(IdempotentCreateMixin, _ActionItemUpdateCreate):
    pass


@extend_schema_view(
    list=extend_schema(summary="Declarations and their endorsements",
                       description="Each declaration (e.g. the Action for Peacekeeping declaration) with the endorsement "
                                   "counts its source gives and the endorsers known by name."),
    retrieve=extend_schema(summary="One declaration by short name"),
)
class DeclarationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = DeclarationSerializer
    filterset_class = None
    lookup_field = "slug"

    def get_queryset(self):
        return Declaration.objects.select_related("mechanism").prefetch_related(
            "counts", Prefetch("endorsements", queryset=Endorsement.objects.select_related("state", "organisation", "entity")),
        ).order_by("name")


@extend_schema_view(
    list=extend_schema(summary="The capabilities directory (the UN toolbox)",
                       description="Which UN entity offers which capability. Filters: `q`, `kind`, `entity` (acronym), "
                                   "`mechanism` (short name)."),
    retrieve=extend_schema(summary="One capability"),
)
class CapabilityViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CapabilitySerializer
    filterset_class = CapabilityFilter

    def get_queryset(self):
        return Capability.objects.select_related("entity", "mechanism").order_by("entity__acronym", "kind", "title", "pk")


@extend_schema_view(
    list=extend_schema(summary="The shared glossary, in English, French and Spanish",
                       description="Each term with its English, French and Spanish forms and definitions (empty where "
                                   "no translation is recorded). Filters: `q` (any language), `mechanism`."),
    retrieve=extend_schema(summary="One glossary term"),
)
class GlossaryTermViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = GlossaryTermSerializer
    filterset_class = GlossaryTermFilter

    def get_queryset(self):
        return GlossaryTerm.objects.select_related("mechanism").order_by("mechanism__name", "term_en", "pk")


class CanSeeSurveys(BasePermission):
    """Mapping surveys are internal to the UN system: ISU staff and UN entity focal points."""

    message = "Surveys are seen by ISU staff and UN entity focal points only."

    def has_permission(self, request, view) -> bool:
        return can_see_surveys(view.actor)


@extend_schema_view(
    list=extend_schema(summary="Mapping surveys (ISU staff and UN entity focal points)",
                       description="Surveys internal to the UN system: ISU staff see drafts too, entity focal points the "
                                   "surveys sent or closed. Other tokens: 403."),
    retrieve=extend_schema(summary="One survey with its results",
                           description="The survey's page: who was invited and answered, and the results per question "
                                       "(counts for choices and scales, the average of a scale, free-text answers by entity)."),
)
class SurveyViewSet(VisibleQuerysetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Survey.objects.select_related("mechanism").prefetch_related("findings").order_by("-created_at", "-pk")
    permission_classes = [CanSeeSurveys]
    filterset_class = None

    def get_serializer_class(self):
        return SurveyDetailSerializer if self.action == "retrieve" else SurveySerializer

    def retrieve(self, request, *args, **kwargs):
        survey = self.get_object()
        results, _per_entity = survey_results(survey)
        answered = set(survey.responses.values_list("entity_id", flat=True))
        survey.invitations_shown = [
            {"entity": invitation.entity, "sent_at": invitation.sent_at, "answered": invitation.entity_id in answered}
            for invitation in survey.invitations.select_related("entity").order_by("entity__acronym")
        ]
        survey.results_shown = [
            {"question": result.question, "answered": result.answered, "average": result.average,
             "counts": [{"option": option, "count": count} for option, count in result.counts],
             "texts": [{"entity": entity.acronym, "text": text} for entity, text in result.texts]}
            for result in results
        ]
        return Response(self.get_serializer(survey).data)
