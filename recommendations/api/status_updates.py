"""Posting a status update through the API: the browser's rules, through the browser's service.

`POST /api/v1/actions/{action_id}/status-updates/` is what the status form of an action
(recommendations.views.status) does: ISU staff on any action, an entity focal point on the
actions its entity implements (or an entity it succeeded), nobody else. The rule is the
service's (`status_update_check`, which `status_update_post` applies too), and the service
records the update in the history the browser shows.
Like the platform's creates it honours `Idempotency-Key`, as the form honours its submission key.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from config.api_views import ActorMixin
from config.idempotency import IdempotentCreateMixin
from config.parsers import JSONParser

from .. import selectors
from ..services import status_update_check, status_update_post
from .serializers import StatusUpdateCreateSerializer, StatusUpdateSerializer

__all__ = ["ActionStatusUpdateViewSet"]


class _StatusUpdateCreate(ActorMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = StatusUpdateCreateSerializer
    parser_classes = [JSONParser]
    filterset_class = None
    pagination_class = None

    def create(self, request, *args, **kwargs):
        actor = self.actor
        suggested_action = get_object_or_404(
            selectors.action_for_status(actor=actor), pk=self.kwargs["action_id"]
        )
        # Whose action it is comes before what is wrong with the body, as in the browser,
        # where the form is not even shown on another entity's action.
        status_update_check(action=suggested_action, actor=actor)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        update = status_update_post(
            action=suggested_action, actor=actor, user=request.user, status=data["status"], date=data.get("date"),
            note=data.get("note", ""), evidence_url=data.get("evidence_url", ""),
            # As the form: only ISU staff choose; the service names a focal point's own entity.
            on_behalf_of=data.get("on_behalf_of") if actor.is_isu_staff else None,
        )
        return Response(StatusUpdateSerializer(update, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)


@extend_schema_view(
    create=extend_schema(
        summary="Post a status update on one suggested action",
        description="ISU staff on any action; an entity focal point's token on the actions its entity implements "
                    "(another action: 403). The update enters the action's history "
                    "(`GET /api/v1/actions/{id}/history/`) and moves the action's status to that of its latest "
                    "update by date. The date is today if omitted and never in the future; the note is at most "
                    "2,000 characters. API-client tokens are read-only (403).",
        parameters=[OpenApiParameter("action_id", OpenApiTypes.INT, OpenApiParameter.PATH,
                                     description="The suggested action's id.")],
        request=StatusUpdateCreateSerializer,
        responses={201: StatusUpdateSerializer},
    ),
)
class ActionStatusUpdateViewSet(IdempotentCreateMixin, _StatusUpdateCreate):
    pass
