"""/api/v1/: each app contributes its own routes from <app>/api/urls.py; the root lists them.

The root (`api-root`) is drawn from the URL patterns themselves, so a list route added by any
app appears there without an edit here: every pattern named `<basename>-list`, with whether it
needs a token (its permission classes, as the schema says) and how it pages.
"""

from functools import cache

from django.urls import URLPattern, URLResolver, include, path, reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

APP_ROUTES = [
    path("", include("entities.api.urls")),
    path("", include("recommendations.api.urls")),
    path("", include("taskforce.api.urls")),
    path("", include("partnerships.api.urls")),
    path("", include("letters.api.urls")),
]


def _list_routes(patterns) -> list[tuple[str, type]]:
    """(URL name, view class) of every list route, in the order the apps declare them."""
    routes = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            routes.extend(_list_routes(pattern.url_patterns))
        elif isinstance(pattern, URLPattern) and (pattern.name or "").endswith("-list"):
            view_class = getattr(pattern.callback, "cls", None)
            if view_class is not None and not pattern.pattern.regex.groupindex:
                routes.append((pattern.name, view_class))
    return routes


def _pagination(view_class) -> str | None:
    from config.pagination import CursorPagination, PageNumberPagination

    paginator = getattr(view_class, "pagination_class", None)
    if paginator is not None and issubclass(paginator, CursorPagination):
        return "cursor"
    if paginator is not None and issubclass(paginator, PageNumberPagination):
        return "page"
    return None


@cache
def resources() -> list[dict]:
    """What the root lists, apart from the absolute URLs (the host is the request's)."""
    from config.schema import READABLE_WITHOUT_TOKEN

    listed = []
    for name, view_class in _list_routes(APP_ROUTES):
        permissions = view_class.permission_classes
        listed.append({
            "name": reverse(name).removeprefix(reverse("api-root")).strip("/"),
            "url_name": name,
            "token_required": not all(issubclass(p, READABLE_WITHOUT_TOKEN) for p in permissions),
            "pagination": _pagination(view_class),
        })
    return listed


class ResourceSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The resource's path under /api/v1/, e.g. `platform/needs`.")
    url = serializers.URLField(help_text="Its list.")
    token_required = serializers.BooleanField(
        help_text="False where anyone may read without a token (public entries only); true where a token is needed.",
    )
    pagination = serializers.ChoiceField(
        choices=["cursor", "page"], allow_null=True,
        help_text="`cursor`: follow `next` (no count); `page`: numbered pages with a `count`; null: one list.",
    )


class ApiRootSerializer(serializers.Serializer):
    schema = serializers.URLField(help_text="The OpenAPI 3 schema.")
    docs = serializers.URLField(help_text="The browsable documentation.")
    resources = ResourceSerializer(many=True)


class ApiRoot(APIView):
    """Where a client starts: every resource with its URL; the schema and docs also in `Link`."""

    permission_classes = [AllowAny]

    @extend_schema(
        summary="The API's entry point",
        description="Every resource of the API with the URL of its list, whether it needs a token and how it "
                    "pages; the schema and the documentation (also in the `Link` header, "
                    "rel `service-desc` and `service-doc`). Anyone may read it.",
        operation_id="api_root",
        responses=ApiRootSerializer,
        parameters=[OpenApiParameter(
            "Link", OpenApiTypes.STR, OpenApiParameter.HEADER, response=True,
            description="The schema (rel=\"service-desc\") and the documentation (rel=\"service-doc\").",
        )],
    )
    def get(self, request, *args, **kwargs):
        schema, docs = (request.build_absolute_uri(reverse(name)) for name in ("api-schema", "api-docs"))
        body = {
            "schema": schema,
            "docs": docs,
            "resources": [
                {
                    "name": resource["name"], "url": request.build_absolute_uri(reverse(resource["url_name"])),
                    "token_required": resource["token_required"], "pagination": resource["pagination"],
                }
                for resource in resources()
            ],
        }
        # RFC 8631: how a client finds the description of the API it landed on.
        return Response(body, headers={"Link": f'<{schema}>; rel="service-desc", <{docs}>; rel="service-doc"'})


urlpatterns = [
    path("", ApiRoot.as_view(), name="api-root"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    *APP_ROUTES,
]
