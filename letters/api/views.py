from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from entities.access import actor_for
from entities.access.letters import visible_letters, visible_reports
from entities.api.permissions import IsIsuStaff
from entities.models import State
from letters import selectors
from letters.filters import LetterFilter, ReportSubmissionFilter

from .serializers import DeadlineQuerySerializer, DeadlineSerializer, LetterSerializer, ReportSubmissionSerializer


@extend_schema_view(
    list=extend_schema(summary="The outbox (ISU staff only): letters with status, attempts and errors."),
    retrieve=extend_schema(summary="One letter of the outbox."),
)
class LetterViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LetterSerializer
    permission_classes = [IsIsuStaff]
    filterset_class = LetterFilter

    def get_queryset(self):
        return visible_letters(actor_for(self.request.user), selectors.letters_list()).order_by("-id")


@extend_schema_view(
    list=extend_schema(summary="Reports received (article 7): which State reported for which year, when."),
    retrieve=extend_schema(summary="One report received."),
)
class ReportSubmissionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportSubmissionSerializer
    filterset_class = ReportSubmissionFilter

    def get_queryset(self):
        return visible_reports(actor_for(self.request.user), selectors.reports_list()).order_by("-period", "id")


@extend_schema_view(
    list=extend_schema(
        summary="Deadlines under the Convention: articles 7, 4 and 5, computed from entry into force and each extension.",
        description=(
            "Computed, never stored: article 7 initial report (180 days after entry into force) and annual reports "
            "(30 April, covering the previous year), article 4 (four years) once stockpiles are recorded, article 5 "
            "(ten years, moved by each extension granted) once mined areas are recorded; a withdrawal ends them. "
            "Articles 4 and 5 are public, as the list of States Parties is; article 7 rows follow the visibility "
            "of the reports received (a State focal point sees its own State's)."
        ),
        parameters=[DeadlineQuerySerializer],
    ),
)
class DeadlineViewSet(viewsets.GenericViewSet):
    serializer_class = DeadlineSerializer
    filterset_class = None
    filter_backends: list = []

    def list(self, request):
        query = DeadlineQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        rows = []
        state = State.objects.filter(code=data["state"].upper()).only("pk").first() if data.get("state") else None
        # A well-formed code of no State in the registry narrows to nothing, as the Platform's
        # `state` filter does.
        if state is not None or not data.get("state"):
            rows = selectors.deadlines_list(
                actor=actor_for(request.user), today=timezone.localdate(), state_id=state.pk if state else None,
            )
        rows = selectors.deadlines_filter(
            rows, obligation=data.get("obligation", ""), status=data.get("status", ""),
            due_after=data.get("due_after"), due_before=data.get("due_before"),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
