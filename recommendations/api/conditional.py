"""Conditional GET for list and detail endpoints: ETag and Last-Modified, 304 when unchanged.

A list's validator is computed with one aggregate query over the filtered queryset (how many
rows, the newest `updated_at`), plus the full query string and the negotiated format, so any
change, addition or deletion under the filters gives a new ETag. The same count is handed to
the paginator, so the conditional check costs no extra query.
"""

import hashlib

from django.db.models import Count, Max
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag


def make_etag(*parts) -> str:
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return quote_etag(digest)


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
        stats = queryset.order_by().aggregate(count=Count("pk"), last=Max(self.stamp_field))
        etag = make_etag(request.get_full_path(), request.accepted_media_type, stats["count"],
                     stats["last"].isoformat() if stats["last"] else "")
        last = stats["last"]
        not_modified = get_conditional_response(request, etag=etag, last_modified=int(last.timestamp()) if last else None)
        if not_modified is not None:
            return finish(not_modified, etag, last)
        page = self.paginator.paginate_queryset(self.page_queryset(queryset), request, view=self, count=stats["count"])
        return finish(self.get_paginated_response(self.page_data(page)), etag, last)

    def page_queryset(self, queryset):
        return queryset

    def page_data(self, page) -> list:
        return self.get_serializer(page, many=True).data

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
