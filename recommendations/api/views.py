from django.db.models import Count, Max
from django.utils.cache import get_conditional_response
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.decorators import action as detail_route

from config.api_views import ActorMixin
from config.pagination import CursorPagination, PageNumberPagination
from config.schema import ERROR_REF
from entities.api.exports import XLSX_TYPE, XLSXFileRenderer

from .. import selectors
from ..filters import RecommendationFilter, SuggestedActionFilter
from ..models import Report
from .conditional import ConditionalMixin, finish, make_etag
from .exports import recommendations_csv_response, recommendations_xlsx_response
from .pagination import CountedPageNumberPagination
from .renderers import CSVRenderer, JSONItems, JSONRenderer, references_text
from .serializers import (
    ActionListSerializer,
    RecommendationSerializer,
    ReportSerializer,
    StatusUpdateSerializer,
)

CONDITIONAL = [
    OpenApiParameter("If-None-Match", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                     description="An ETag from an earlier response: 304 Not Modified when nothing changed."),
    OpenApiParameter("If-Modified-Since", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                     description="An HTTP date: 304 Not Modified when nothing changed since."),
]
FORMAT = OpenApiParameter("format", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False, enum=["json", "csv"],
                          description="csv for CSV output of the current page (or send Accept: text/csv).")


class _ReadOnly(ActorMixin, ConditionalMixin, viewsets.ReadOnlyModelViewSet):
    renderer_classes = [JSONRenderer, CSVRenderer]
    pagination_class = PageNumberPagination

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if (response.status_code >= 400 or request.method == "OPTIONS") and hasattr(response, "accepted_renderer"):
            # Errors and OPTIONS metadata are JSON whatever format was asked for.
            response.accepted_renderer = JSONRenderer()
            response.accepted_media_type = JSONRenderer.media_type
        return response


@extend_schema_view(
    list=extend_schema(summary="List recommendations", parameters=[*CONDITIONAL, FORMAT],
                       description="Annex I recommendations with their references and suggested actions. "
                                   "Use `updated_since` for incremental pulls."),
    retrieve=extend_schema(summary="One recommendation", parameters=CONDITIONAL),
)
class RecommendationViewSet(_ReadOnly):
    serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter
    csv_columns = {
        "id": lambda item: item["id"],
        "references": references_text,
        "cluster": lambda item: item["cluster"],
        "status": lambda item: item["status"],
        "updated_at": lambda item: item["updated_at"],
        "actions": lambda item: len(item["actions"]),
        "text": lambda item: item["text"],
    }

    pagination_class = CursorPagination
    keyset_ordering = ("position", "id")

    def get_queryset(self):
        if self.action == "list":
            # Rows built by the database for the list (selectors.recommendation_page); instances for detail.
            return selectors.recommendations_visible(actor=self.actor)
        return selectors.recommendation_list(actor=self.actor)

    def page_queryset(self, queryset):
        return selectors.recommendation_page(queryset)

    def page_data(self, page) -> JSONItems:
        return JSONItems([row["item"] for row in page])

    def newest_on_page(self, page, items):
        return max((row["stamp"] for row in page), default=None)

    @extend_schema(
        summary="Export the whole filtered list as CSV (or XLSX)",
        description="Every recommendation matching the filters (the list's filters), in one download (a CSV is "
                    "streamed): one row per suggested action, with the columns and order of the browser's export "
                    "(references, cluster, recommendation_text, addressee, action_text, implementing_entities, "
                    "tags, status). Not paginated. Cells starting like a spreadsheet formula (= + - @) carry a "
                    "leading quote. CSV unless `format=xlsx`. Errors are JSON.",
        filters=True,
        parameters=[OpenApiParameter(
            "format", OpenApiTypes.STR, OpenApiParameter.QUERY, required=False, enum=["csv", "xlsx"],
            description="Optional: csv (the default) or xlsx; another format is a 404.",
        )],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file."),
            (200, XLSX_TYPE): OpenApiResponse(OpenApiTypes.BINARY, description="The Excel workbook."),
            (404, "application/json"): OpenApiResponse(ERROR_REF, description="A `format` other than csv or xlsx."),
        },
    )
    @detail_route(detail=False, methods=["get"], pagination_class=None, renderer_classes=[CSVRenderer, XLSXFileRenderer])
    def export(self, request):
        # Every reader of the list may export it: the file holds what the pages show, in one request.
        queryset = self.filter_queryset(self.get_queryset())
        if request.accepted_renderer.format == "xlsx":
            return recommendations_xlsx_response(queryset)
        return recommendations_csv_response(queryset)


@extend_schema_view(
    list=extend_schema(summary="List suggested actions", parameters=[*CONDITIONAL, FORMAT]),
    retrieve=extend_schema(summary="One suggested action", parameters=CONDITIONAL),
)
class SuggestedActionViewSet(_ReadOnly):
    serializer_class = ActionListSerializer
    filterset_class = SuggestedActionFilter
    pagination_class = CursorPagination
    # By recommendation (ids follow the annex for the loaded data), then as listed under it.
    keyset_ordering = ("recommendation_id", "position", "id")
    csv_columns = {
        "id": lambda item: item["id"],
        "recommendation": lambda item: item["recommendation"],
        "references": references_text,
        "addressee": lambda item: item["addressee"],
        "status": lambda item: item["status"],
        "implementing_entities": lambda item: item["implementing_entities"],
        "updated_at": lambda item: item["updated_at"],
        "text": lambda item: item["text"],
    }

    def get_queryset(self):
        return selectors.action_list(actor=self.actor)

    @extend_schema(
        summary="Status history of one suggested action", parameters=[*CONDITIONAL, FORMAT],
        responses=StatusUpdateSerializer(many=True), filters=False,
    )
    @detail_route(detail=True, methods=["get"], filterset_class=None, serializer_class=StatusUpdateSerializer,
                  pagination_class=CountedPageNumberPagination)
    def history(self, request, pk=None):
        action = self.get_object()
        updates = selectors.action_history(action=action)
        stats = updates.order_by().aggregate(count=Count("pk"), last=Max("created_at"))
        last = stats["last"] or action.updated_at
        etag = make_etag(request.get_full_path(), request.accepted_media_type, stats["count"], last.isoformat())
        not_modified = get_conditional_response(request, etag=etag, last_modified=int(last.timestamp()))
        if not_modified is not None:
            return finish(not_modified, etag, last)
        page = self.paginator.paginate_queryset(updates, request, view=self, count=stats["count"])
        return finish(self.get_paginated_response(StatusUpdateSerializer(page, many=True).data), etag, last)

    def get_filterset_class(self):
        return None if self.action == "history" else self.filterset_class

    def get_renderer_context(self):
        context = super().get_renderer_context()
        if getattr(self, "action", None) == "history":
            context["view"] = _HistoryColumns()
        return context


class _HistoryColumns:
    csv_columns = {
        "id": lambda item: item["id"], "date": lambda item: item["date"], "status": lambda item: item["status"],
        "on_behalf_of": lambda item: item["on_behalf_of"], "author": lambda item: item["author"],
        "evidence_url": lambda item: item["evidence_url"], "note": lambda item: item["note"],
    }


@extend_schema_view(
    list=extend_schema(summary="List reports of the Secretary-General", parameters=[*CONDITIONAL, FORMAT]),
    retrieve=extend_schema(summary="One report", parameters=CONDITIONAL),
)
class ReportViewSet(_ReadOnly):
    serializer_class = ReportSerializer
    queryset = Report.objects.order_by("symbol")
    filterset_class = None
    csv_columns = {
        name: (lambda item, name=name: item[name]) for name in ["id", "symbol", "title", "date", "organ", "link", "updated_at"]
    }
