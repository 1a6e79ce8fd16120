from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from entities.access import actor_for
from taskforce import selectors
from taskforce.filters import ActionItemFilter, MechanismFilter, MeetingFilter
from taskforce.models import Mechanism, Membership, Participant

from .serializers import ActionItemSerializer, MechanismSerializer, MeetingSerializer

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
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter

    def get_queryset(self):
        return selectors.meetings(actor_for(self.request.user)).prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related(*PARTY)), "agenda_items", "decisions",
        )


@extend_schema_view(
    list=extend_schema(summary="List action items",
                       description="Filters: `mechanism`, `entity` / `state` (owner), `status` (open, done, dropped), "
                                   "`overdue`, `due_after` / `due_before` (YYYY-MM-DD), `q`."),
    retrieve=extend_schema(summary="One action item"),
)
class ActionItemViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionItemSerializer
    filterset_class = ActionItemFilter

    def get_queryset(self):
        return selectors.action_items(actor_for(self.request.user))
