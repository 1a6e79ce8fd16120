"""Conditional GET for list and detail endpoints: ETag and Last-Modified, 304 when unchanged.

A list page's ETag is a digest of the page's bytes as sent (items and links, JSON or CSV): any
change that shows on the page gives a new ETag, and nothing has to be kept in step with the
writes. Its Last-Modified is the newest `updated_at` on the page (items and the records nested
in them). A 304 saves the client the transfer and the parsing; the server builds the page
either way, which the cursor pagination keeps cheap.
"""

import datetime as dt
import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag


def make_etag(*parts) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return quote_etag(digest)


def newest_update(items: list[dict]) -> dt.datetime | None:
    """The newest `updated_at` among the items and the records listed inside them."""
    stamps = []
    for item in items:
        stamps.append(item.get("updated_at"))
        for value in item.values():
            if isinstance(value, list):
                stamps.extend(nested.get("updated_at") for nested in value if isinstance(nested, dict))
    parsed = [dt.datetime.fromisoformat(stamp) for stamp in stamps if isinstance(stamp, str)]
    return max(parsed, default=None)


def finish(response, etag: str, last_modified):
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Accept, Authorization, Cookie"
    return response


class ConditionalMixin:
    """For ReadOnlyModelViewSet subclasses whose model has `updated_at` (or `stamp_field`)."""

    stamp_field = "updated_at"

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(self.page_queryset(queryset))
        items = self.page_data(page)
        self.page_last_modified = self.newest_on_page(page, items)
        return self.get_paginated_response(items)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if getattr(self, "action", None) == "list" and request.method in ("GET", "HEAD") and response.status_code == 200:
            response.render()  # the ETag is a digest of the bytes sent (JSON or CSV)
            etag = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
            last = self.page_last_modified
            last_modified = int(last.timestamp()) if last else None
            response = finish(get_conditional_response(request, etag=etag, last_modified=last_modified) or response, etag, last)
        return response

    def page_queryset(self, queryset):
        return queryset

    def page_data(self, page) -> list:
        return self.get_serializer(page, many=True).data

    def newest_on_page(self, page, items) -> dt.datetime | None:
        return newest_update(items)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        stamp = getattr(instance, self.stamp_field)
        etag = make_etag(request.get_full_path(), request.accepted_media_type, instance.pk, stamp.isoformat())
        not_modified = get_conditional_response(request, etag=etag, last_modified=int(stamp.timestamp()))
        if not_modified is not None:
            return finish(not_modified, etag, stamp)
        return finish(self.get_serializer_response(instance), etag, stamp)

    def get_serializer_response(self, instance):
        from rest_framework.response import Response

        return Response(self.get_serializer(instance).data)
