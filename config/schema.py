"""Postprocessing hooks for the OpenAPI schema (/api/v1/schema/): what drf-spectacular cannot
see from the views alone.

- `document_errors`: the error responses each operation really gives, in the one error shape
  of config.api_errors (the `Error` component);
- `declare_public_reads`: reads that anyone may make without a token (the public Platform);
- `describe_query_parameters`: what the filters accept besides their type.
- `declare_idempotency_key`: the optional `Idempotency-Key` header on creates (config/idempotency.py).
- `describe_csv`: a `text/csv` answer is a string, not the JSON page;
- `declare_pagination`: how each list pages (`x-pagination`: cursor or page number).

Registered in SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"], after drf-spectacular's own enum hook.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError

from rest_framework.permissions import (
    SAFE_METHODS,
    AllowAny,
    IsAuthenticated,
    IsAuthenticatedOrReadOnly,
)

from entities.api.permissions import PublicReadOnly, ReadOnlyForApiClients

ERROR_REF = {"$ref": "#/components/schemas/Error"}
ERROR_COMPONENT = {
    "type": "object",
    "description": "Every API error: what went wrong and, for invalid input, the messages for each field "
                   "or query parameter at fault.",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, e.g. \"Invalid input.\" or \"Not found.\""},
        "errors": {
            "type": "object",
            "description": "For invalid input (400): the field or query parameter -> its messages.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail"],
}

# Permission classes under which every signed-in caller may read: a read guarded by these alone
# is never refused with 403. Any other class (e.g. ISU staff only) may refuse a signed-in caller.
READABLE_BY_EVERY_SIGNED_IN_CALLER = (ReadOnlyForApiClients, PublicReadOnly, AllowAny, IsAuthenticated,
                                      IsAuthenticatedOrReadOnly)
# Permission classes under which anyone, without a token, may read.
READABLE_WITHOUT_TOKEN = (PublicReadOnly, AllowAny, IsAuthenticatedOrReadOnly)
# A page number or cursor that leads nowhere is a 404, as for a record.
PAGE_PARAMETERS = {"page", "cursor"}
# Django's forms and DRF's fields refuse a NUL character in any text (a 400 naming the field).
NO_NUL = "^[^\\x00]*$"


def document_errors(result, generator, request, public):
    """Adds the `Error` component and each operation's error responses (keeping any it has)."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_COMPONENT
    views = _views(generator)
    for path, method, operation in _operations(result):
        view = views.get((path, method))
        responses = operation.setdefault("responses", {})
        for status, response in _error_responses(path, method, operation, view).items():
            responses.setdefault(status, response)
    return result


def _error_responses(path: str, method: str, operation: dict, view) -> dict[str, dict]:
    parameters = operation.get("parameters", [])
    query = [p for p in parameters if p["in"] == "query"]
    # `format` picks a renderer: an unknown one is a 404 (DRF), never a 400.
    validated = [p for p in query if p["name"] != "format"]
    headers = {p["name"] for p in parameters if p["in"] == "header"}
    errors = {}
    if "If-None-Match" in headers:
        errors["304"] = {"description": "Not Modified: nothing changed since the ETag (or date) sent; no body."}
    if validated or "requestBody" in operation:
        errors["400"] = _error("Invalid input: `errors` names each field or query parameter at fault.")
    if operation.get("security"):
        errors["401"] = _error("No token where one is needed, or an unknown token (refused even on public reads).")
    if view is not None and _may_refuse_signed_in_caller(view, method):
        errors["403"] = _error("The token's role may not do this (e.g. an API-client token writing).")
    if "{" in path or PAGE_PARAMETERS & {p["name"] for p in query}:
        errors["404"] = _error("No such record, or one the caller may not see; for lists, a page past the last.")
    # The HTTP server (gunicorn, like any proxy in front) refuses an over-long request line itself.
    errors["414"] = {"description": "Request line (path and query) over the HTTP server's limit of about 4 KB; "
                                    "answered by the server, not as JSON."}
    return errors


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}


def _may_refuse_signed_in_caller(view, method: str) -> bool:
    if method.upper() not in SAFE_METHODS:
        return True
    return not all(issubclass(cls, READABLE_BY_EVERY_SIGNED_IN_CALLER) for cls in _permission_classes(view))


def declare_public_reads(result, generator, request, public):
    """Adds the empty security requirement (no credentials needed) to reads open to anyone."""
    views = _views(generator)
    for path, method, operation in _operations(result):
        view = views.get((path, method))
        if view is None or method.upper() not in SAFE_METHODS:
            continue
        if all(issubclass(cls, READABLE_WITHOUT_TOKEN) for cls in _permission_classes(view)):
            security = operation.setdefault("security", [])
            if {} not in security:
                security.append({})
    return result


def describe_query_parameters(result, generator, request, public):
    """Filters and paginators take an empty value as not given (the HTML filter forms send empty
    fields), text refuses NUL characters, and a filter naming a row (an entity by acronym, a
    treaty by short name) lists the values it accepts: any other is refused (400)."""
    views = _views(generator)
    for path, method, operation in _operations(result):
        rows = _row_filter_values(views.get((path, method)))
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "query" or parameter.get("required"):
                continue
            parameter["allowEmptyValue"] = True
            schema = parameter.get("schema", {})
            if rows.get(parameter["name"]) and schema.get("type") == "string":
                schema.pop("pattern", None)
                schema["enum"] = rows[parameter["name"]]
                parameter["description"] = (parameter.get("description", "") + " Another value is refused (400).").strip()
            if schema.get("type") == "string" and not ({"enum", "format", "pattern"} & schema.keys()):
                schema["pattern"] = NO_NUL
    return result


def _row_filter_values(view) -> dict[str, list[str]]:
    """Query parameter -> the values a filter choosing a row by a field (`to_field_name`) accepts,
    read from the rows present when the schema is drawn."""
    from django.db.models import QuerySet
    from django_filters.filters import QuerySetRequestMixin

    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is None:
        return {}
    values = {}
    for name, row_filter in filterset_class.base_filters.items():
        field = row_filter.extra.get("to_field_name")
        queryset = getattr(row_filter, "queryset", None)
        if isinstance(row_filter, QuerySetRequestMixin) and field and isinstance(queryset, QuerySet):
            values[name] = values_from_database(
                lambda queryset=queryset, field=field: sorted(
                    {str(value) for value in queryset.values_list(field, flat=True) if value}
                )
            )
    return values


def values_from_database(read: Callable[[], list[str]]) -> list[str]:
    """Values the schema lists from the rows present when it is drawn. Where there is no
    database yet (`check --deploy` draws the schema on a new machine before any migration),
    nothing is listed and the parameter keeps its plain type."""
    try:
        return read()
    except DatabaseError:
        return []


def _operations(result):
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method in {"get", "put", "post", "patch", "delete", "head", "options", "trace"}:
                yield path, method, operation


def _views(generator) -> dict[tuple[str, str], object]:
    """(path as in the schema, method) -> the view instance behind that operation."""
    views = {}
    for path, _regex, method, callback in generator.endpoints:
        view = generator.create_view(callback, method)
        views[(generator.coerce_path(path, method, view), method.lower())] = view
    return views


def _permission_classes(view) -> list[type]:
    return [permission.__class__ for permission in view.get_permissions()]


def declare_idempotency_key(result, generator, request, public):
    """The optional `Idempotency-Key` header on creates (config.idempotency), and its 422."""
    from config.idempotency import HEADER, IdempotentCreateMixin

    views = _views(generator)
    for path, method, operation in _operations(result):
        view = views.get((path, method))
        if method != "post" or not isinstance(view, IdempotentCreateMixin) or getattr(view, "action", None) != "create":
            continue
        parameters = operation.setdefault("parameters", [])
        if not any(p["in"] == "header" and p["name"] == HEADER for p in parameters):
            parameters.append({
                "in": "header", "name": HEADER, "required": False,
                "schema": {"type": "string", "minLength": 1, "maxLength": 128, "pattern": "^[\\x21-\\x7e]+$"},
                "description": "Makes a retry safe: the same key, from the same user, with the same body, "
                               "creates nothing and answers the first response again (status and body). "
                               "Only a successful create is remembered; keys are kept three days.",
            })
        operation.setdefault("responses", {}).setdefault(
            "422", _error("This Idempotency-Key was already used with another body or on another endpoint."),
        )
    return result


# What a CSV answer is (recommendations.api.renderers.CSVRenderer): text, not the JSON page.
CSV_SCHEMA = {
    "type": "string",
    "description": "CSV text (UTF-8): a header row, then one row per item.",
}


# An Excel workbook (entities.api.exports): bytes.
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_SCHEMA = {"type": "string", "format": "binary", "description": "An Excel workbook (.xlsx): a header row, then one row per item."}


def describe_csv(result, generator, request, public):
    """A `text/csv` answer is a string, an XLSX one bytes. drf-spectacular gives every media type
    of an operation the serializer's schema, so generated clients would otherwise type a file
    download as the JSON object (the page)."""
    for _path, _method, operation in _operations(result):
        for response in operation.get("responses", {}).values():
            content = response.get("content", {})
            if "text/csv" in content:
                content["text/csv"] = {"schema": dict(CSV_SCHEMA)}
            if XLSX_MEDIA_TYPE in content:
                content[XLSX_MEDIA_TYPE] = {"schema": dict(XLSX_SCHEMA)}
    return result


PAGINATION_TEXT = {
    "cursor": "Paginated by cursor: follow `next` until it is null (take `cursor` only from the links of a page). "
              "No `count`; a `page` parameter is refused (400).",
    "page": "Paginated by page number: `page` from 1, with the `count` of all items; follow `next` until it is "
            "null. A page past the last is a 404.",
}


def declare_pagination(result, generator, request, public):
    """Says, on each paginated list, how it pages: `x-pagination` (`style`: `cursor` or `page`,
    the page sizes) and a sentence in the description, so that a client need not read prose to
    know which lists carry a `count`."""
    from config.pagination import (
        DEFAULT_PAGE_SIZE,
        MAX_PAGE_SIZE,
        CursorPagination,
        PageNumberPagination,
    )

    schemas = result.get("components", {}).get("schemas", {})
    views = _views(generator)
    for path, method, operation in _operations(result):
        view = views.get((path, method))
        paginator = getattr(view, "paginator", None) if method == "get" and view is not None else None
        if isinstance(paginator, CursorPagination):
            style = "cursor"
        elif isinstance(paginator, PageNumberPagination):
            style = "page"
        else:
            continue
        json_body = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
        component = schemas.get(json_body.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1], {})
        if "results" not in component.get("properties", {}):
            continue  # a detail of a paginated collection
        operation["x-pagination"] = {
            "style": style, "page_size_default": DEFAULT_PAGE_SIZE, "page_size_maximum": MAX_PAGE_SIZE,
            "has_count": style == "page",
        }
        operation["description"] = f"{operation.get('description', '')}\n\n{PAGINATION_TEXT[style]}".strip()
        component.setdefault("description", PAGINATION_TEXT[style])
    return result
