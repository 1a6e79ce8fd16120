from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from entities.access import actor_for
from entities.access.letters import visible_letters, visible_reports
from entities.api.permissions import IsIsuStaff
from letters import selectors
from letters.filters import LetterFilter, ReportSubmissionFilter

from .serializers import LetterSerializer, ReportSubmissionSerializer


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
