from django.core.paginator import Paginator

from config.pagination import PageNumberPagination


class _CountedPaginator(Paginator):
    """A paginator told the row count in advance (the conditional-GET aggregate has it)."""

    def __init__(self, *args, known_count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if known_count is not None:
            self.__dict__["count"] = known_count


class CountedPageNumberPagination(PageNumberPagination):
    """The project's page-number pagination, reusing a count already computed."""

    _known_count: int | None = None

    def django_paginator_class(self, *args, **kwargs):
        return _CountedPaginator(*args, known_count=self._known_count, **kwargs)

    def paginate_queryset(self, queryset, request, view=None, count: int | None = None):
        self._known_count = count
        return super().paginate_queryset(queryset, request, view=view)
