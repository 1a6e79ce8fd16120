from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.response import Response

from config.api_views import ActorMixin, VisibleQuerysetMixin
from config.idempotency import IdempotentCreateMixin
from config.parsers import JSONParser
from entities.api.exports import (
    FILE_FORMATS,
    LIST_FORMAT,
    WholeListExportMixin,
    export_schema,
    table_file,
)
from entities.api.permissions import IsIsuStaff
from entities.models import State
from letters import selectors
from letters.access import can_record_report
from letters.filters import LetterFilter, ReportSubmissionFilter
from letters.forms import REGION_LABELS, VERDICT_LABELS, ComplianceFilterForm
from letters.services.reporting import REPORT_COLUMNS, report_file_rows, report_record
from letters.views.reporting import NO_OBLIGATION

from .serializers import (
    ComplianceQuerySerializer,
    ComplianceSerializer,
    DeadlineQuerySerializer,
    DeadlineSerializer,
    LetterSerializer,
    ReportRecordSerializer,
    ReportSubmissionSerializer,
)


@extend_schema_view(
    list=extend_schema(summary="The outbox (ISU staff only): letters with status, attempts and errors."),
    retrieve=extend_schema(summary="One letter of the outbox."),
)
class LetterViewSet(VisibleQuerysetMixin, viewsets.ReadOnlyModelViewSet):
    queryset = selectors.letters_list().order_by("-id")
    serializer_class = LetterSerializer
    permission_classes = [IsIsuStaff]
    filterset_class = LetterFilter


class _ReportRecording(ActorMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """`create` as the browser's form records a report (letters.views.reporting.report_create)."""

    def create(self, request, *args, **kwargs):
        actor = self.actor
        if not can_record_report(actor):
            raise exceptions.PermissionDenied(_("Only ISU staff and States' focal points record reports received."))
        serializer = ReportRecordSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        state = self._state(actor, data.get("state", ""))
        obligation = selectors.article7()
        if obligation is None:
            raise ValidationError(_(NO_OBLIGATION))
        report = report_record(
            actor=actor, obligation=obligation, state=state, kind=data["kind"], period=data["period"],
            received_on=data["received_on"], link=data.get("link", ""), user=request.user,
        )
        report = selectors.reports_list().get(pk=report.pk)
        return Response(ReportSubmissionSerializer(report, context=self.get_serializer_context()).data,
                        status=status.HTTP_201_CREATED)

    @staticmethod
    def _state(actor, code: str) -> State:
        """The State named, as the form offers it: a focal point's own, any State for staff."""
        if actor.is_state_focal_point:
            if code and code.upper() != State.objects.get(pk=actor.state_id).code.code:
                raise exceptions.PermissionDenied(_("You may only record your own State's reports."))
            return State.objects.get(pk=actor.state_id)
        if not code:
            raise exceptions.ValidationError({"state": [_("Choose the State the report is from.")]})
        state = State.objects.filter(code=code.upper()).first()
        if state is None:
            raise exceptions.ValidationError({"state": [_("No State has this code.")]})
        return state


@extend_schema_view(
    list=extend_schema(summary="Reports received (article 7): which State reported for which year, when.",
                       parameters=[LIST_FORMAT]),
    retrieve=extend_schema(summary="One report received."),
    create=extend_schema(
        summary="Record a report received (article 7)",
        description="As the browser's form: ISU staff for any State Party (`state` required), a State focal point "
                    "for its own State (`state` omitted or its own; a link required). One report per State, kind "
                    "and year: recording it again is refused (400). A file is attached in the browser.",
        request=ReportRecordSerializer, responses={201: ReportSubmissionSerializer},
    ),
    export=export_schema(
        summary="Export the article 7 reports received",
        description="The reports received under article 7 the caller may see, matching the filters, in the columns "
                    "the browser's export and import use (state, year, initial, received_on, link).",
    ),
)
class ReportSubmissionViewSet(WholeListExportMixin, IdempotentCreateMixin, VisibleQuerysetMixin, _ReportRecording,
                              mixins.ListModelMixin, mixins.RetrieveModelMixin):
    queryset = selectors.reports_list().order_by("-period", "id")
    serializer_class = ReportSubmissionSerializer
    filterset_class = ReportSubmissionFilter
    parser_classes = [JSONParser]

    def export_queryset(self):
        # The browser's export: article 7 reports, by State, kind and year (letters.views.reporting.report_export).
        reports = self.get_queryset().filter(obligation=selectors.article7()).order_by("state__code", "kind", "period")
        return self.filter_queryset(reports)

    def export_file(self, queryset, fmt: str):
        return table_file(header=REPORT_COLUMNS, rows=report_file_rows(queryset), filename="reports-received", fmt=fmt)


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
class DeadlineViewSet(ActorMixin, viewsets.GenericViewSet):
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
                actor=self.actor, today=timezone.localdate(), state_id=state.pk if state else None,
            )
        rows = selectors.deadlines_filter(
            rows, obligation=data.get("obligation", ""), status=data.get("status", ""),
            due_after=data.get("due_after"), due_before=data.get("due_before"),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class _ComplianceRows(list):
    """The rows of one request, with the years they cover (the file's columns)."""

    years: list[int]


@extend_schema_view(
    list=extend_schema(
        summary="Each State Party's article 7 reporting record and on-time rate (ISU staff only).",
        description="The compliance page: per State Party, the initial report's verdict and each year's (on time, "
                    "late, missing, not yet due), with the share of the annual reports due that came on time. "
                    "Six years up to last year unless `since` / `until` say otherwise (at most 30; `since` after "
                    "`until` is a 400 naming `since`). `format=csv` or `xlsx` gives the page's export.",
        parameters=[ComplianceQuerySerializer, LIST_FORMAT],
    ),
    export=export_schema(summary="Export the compliance table",
                         description="The compliance page's export (ISU staff only): one row per State Party."),
)
class ComplianceViewSet(WholeListExportMixin, viewsets.GenericViewSet):
    serializer_class = ComplianceSerializer
    permission_classes = [IsIsuStaff]
    filterset_class = None
    filter_backends: list = []

    def get_queryset(self):
        """The rows of the compliance page (letters.selectors.compliance) for the filters given."""
        query = ComplianceQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        form = ComplianceFilterForm({key: value for key, value in query.validated_data.items()})
        if not form.is_valid():
            raise exceptions.ValidationError({field: list(errors) for field, errors in form.errors.items()})
        data = form.cleaned_data
        obligation = selectors.article7()
        rows = _ComplianceRows(selectors.compliance(
            obligation=obligation, years=data["years"], today=timezone.localdate(), region=data["region"],
            status=data["status"],
        ) if obligation else [])
        rows.years = data["years"]
        return rows

    def export_queryset(self):
        return self.get_queryset()

    def list(self, request, *args, **kwargs):
        fmt = getattr(request.accepted_renderer, "format", "json")
        rows = self.get_queryset()
        if fmt in FILE_FORMATS:
            return self.export_file(rows, fmt)
        page = self.paginate_queryset([
            {"state": row.state, "initial": row.initial, "on_time_rate": row.on_time_rate,
             "year_verdicts": [{"year": year, "verdict": verdict} for year, verdict in row.years]}
            for row in rows
        ])
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def export_file(self, rows, fmt: str):
        # The compliance page's export (letters.views.reporting.compliance), column for column.
        years = rows.years
        return table_file(
            header=[_("State"), _("Region"), _("Initial report"), *years, _("On time (%)")],
            rows=(
                [row.state.name, REGION_LABELS.get(row.state.region, row.state.region), VERDICT_LABELS[row.initial]]
                + [VERDICT_LABELS[verdict] for _year, verdict in row.years]
                + [row.on_time_rate]
                for row in rows
            ),
            filename=f"compliance-{years[0]}-{years[-1]}", fmt=fmt,
        )
