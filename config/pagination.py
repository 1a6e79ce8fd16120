"""The API's two paginations and the one rule for `page_size` they share.

- Page numbers (`?page=`), with a `count`: the default, for collections of modest size.
- Cursors (`?cursor=`), without a count: for the large collections clients pull in bulk
  (recommendations, suggested actions). Each page starts where the previous one ended (a
  keyset condition on the view's ordering), so a page deep in the list costs what the first
  does, and rows added meanwhile do not shift the pages a client is walking through.
"""

import base64
import binascii
import json

from django.db.models import Q
from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def page_size_from(request, *, default: int = DEFAULT_PAGE_SIZE, maximum: int = MAX_PAGE_SIZE) -> int:
    """`?page_size=` as asked, or a 400 naming it: a client asking for 500 must learn it gets
    at most 200 rather than silently receive a default it did not ask for."""
    raw = request.query_params.get("page_size")
    if raw in (None, ""):
        return default
    try:
        size = int(raw)
    except ValueError:
        raise ValidationError({"page_size": [_("Enter a whole number.")]}) from None
    if not 1 <= size <= maximum:
        raise ValidationError({"page_size": [_("Enter a number from 1 to %(maximum)d.") % {"maximum": maximum}]})
    return size


def cursor_token(key: list[int], backwards: bool = False) -> str:
    """The opaque `cursor` value for a page starting after `key` (before it, if backwards)."""
    payload = json.dumps({"k": key, "b": int(backwards)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def _page_size_parameter(maximum: int) -> dict:
    return {
        "name": "page_size", "required": False, "in": "query",
        "description": f"Items per page, 1 to {maximum} (default {DEFAULT_PAGE_SIZE}).",
        "schema": {"type": "integer", "minimum": 1, "maximum": maximum},
    }


class PageNumberPagination(pagination.PageNumberPagination):
    """Page-number pagination; clients may ask for up to 200 items a page with ?page_size=."""

    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_from(request, default=self.page_size or DEFAULT_PAGE_SIZE, maximum=self.max_page_size)

    def get_schema_operation_parameters(self, view):
        page = {
            "name": self.page_query_param, "required": False, "in": "query",
            "description": "A page number within the paginated result set.",
            "schema": {"type": "integer", "minimum": 1},
        }
        return [page, _page_size_parameter(self.max_page_size)]


class CursorPagination(pagination.BasePagination):
    """Keyset pagination on the view's `keyset_ordering`: ascending integer fields, the last one
    unique (the id). The cursor is opaque to clients: follow `next` / `previous` as given."""

    cursor_query_param = "cursor"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.ordering = tuple(view.keyset_ordering)
        if "page" in request.query_params:
            # A client counting pages up to a 404 would otherwise get the first page forever.
            raise ValidationError({"page": [_("This list is paginated by cursor: follow the next link of a page.")]})
        size = page_size_from(request, maximum=self.max_page_size)
        key, backwards = self._decode(request.query_params.get(self.cursor_query_param))
        if backwards:
            queryset = queryset.order_by(*(f"-{field}" for field in self.ordering))
        else:
            queryset = queryset.order_by(*self.ordering)
        if key is not None:
            queryset = queryset.filter(self._beyond(key, backwards))
        rows = list(queryset[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
        first_key = self._key(rows[0]) if rows else key
        last_key = self._key(rows[-1]) if rows else key
        # Walking backwards, the page we came from lies ahead; walking forwards from a cursor,
        # the rows before it lie behind.
        self.next_key = last_key if (more if not backwards else key is not None) else None
        self.previous_key = first_key if (more if backwards else key is not None) else None
        return rows

    def get_paginated_response(self, data):
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_next_link(self):
        return self._link(self.next_key, backwards=False)

    def get_previous_link(self):
        return self._link(self.previous_key, backwards=True)

    def get_paginated_response_schema(self, schema):
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }

    def get_schema_operation_parameters(self, view):
        cursor = {
            "name": self.cursor_query_param, "required": False, "in": "query",
            "description": "Where the page starts: take it from the `next` or `previous` link of a page.",
            "schema": {"type": "string"},
        }
        return [cursor, _page_size_parameter(self.max_page_size)]

    def _key(self, row) -> list[int]:
        if isinstance(row, dict):
            return [row[field] for field in self.ordering]
        return [getattr(row, field) for field in self.ordering]

    def _beyond(self, key: list[int], backwards: bool):
        """Rows strictly after `key` in the ordering (before it, walking backwards). The leading
        `>=` on the first field lets the database start its index scan at the key."""
        strict, loose = ("lt", "lte") if backwards else ("gt", "gte")
        condition = Q()
        for depth, field in enumerate(self.ordering):
            equal = {name: value for name, value in zip(self.ordering[:depth], key, strict=False)}
            condition |= Q(**equal, **{f"{field}__{strict}": key[depth]})
        return Q(**{f"{self.ordering[0]}__{loose}": key[0]}) & condition

    def _link(self, key, *, backwards: bool) -> str | None:
        if key is None:
            return None
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, cursor_token(key, backwards))

    def _decode(self, token: str | None) -> tuple[list[int] | None, bool]:
        if not token:
            return None, False
        try:
            payload = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
            key, backwards = payload["k"], payload["b"]
            if (
                isinstance(key, list) and len(key) == len(self.ordering) and backwards in (0, 1)
                and all(type(value) is int for value in key)
            ):
                return key, bool(backwards)
        except (ValueError, TypeError, KeyError, binascii.Error, UnicodeDecodeError):
            pass
        # As for a page number past the end: the position asked for does not exist.
        raise NotFound(_("Invalid cursor: follow the next or previous link of a page as given."))

