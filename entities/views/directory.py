"""The public directory: UN entities, States and organisations, with search and filters.

Focal points and the change history are shown to ISU staff only (entities.access.entities).
"""

from __future__ import annotations

import unicodedata

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from entities import selectors
from entities.access.entities import (
    can_correct_country_names,
    can_import_treaty_parties,
    can_see_focal_points,
    can_see_history,
)
from entities.filters import EntityFilter, OrganisationFilter, StateFilter
from entities.models import Organisation, Treaty

PAGE_SIZE = 25


def by_name(state) -> str:
    """Sort key for States: names come from django-countries (translated), not the database."""
    return unicodedata.normalize("NFKD", state.name).encode("ascii", "ignore").decode().casefold()


def filtered_page(request, filterset_class, queryset, *, sort_key=None) -> dict:
    """The filter form, one page of results and the query string to keep across pages."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    results = filterset.qs if filterset.is_bound and filterset.is_valid() else queryset
    if filterset.is_bound and not filterset.is_valid():
        results = queryset.none()
    if sort_key is not None:
        results = sorted(results, key=sort_key)
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {"filter": filterset, "page_obj": page, "query_string": query.urlencode()}


def staff_context(request) -> dict:
    actor = request.actor
    return {"show_focal_points": can_see_focal_points(actor), "show_history": can_see_history(actor)}


def index(request):
    return render(request, "entities/index.html", {"treaties": selectors.treaty_list()})


def entity_list(request):
    return render(request, "entities/entity_list.html", filtered_page(request, EntityFilter, selectors.entity_list()))


def entity_detail(request, acronym: str):
    entity = get_object_or_404(selectors.entity_detail(actor=request.actor), acronym=acronym)
    return render(request, "entities/entity_detail.html", {"entity": entity, **staff_context(request)})


def state_list(request):
    context = filtered_page(request, StateFilter, selectors.state_list(), sort_key=by_name)
    context["treaties"] = Treaty.objects.order_by("short_name")
    return render(request, "entities/state_list.html", context)


def state_detail(request, code: str):
    if len(code) != 2:
        raise Http404
    state = get_object_or_404(selectors.state_detail(actor=request.actor), code=code.upper())
    actor = request.actor
    return render(request, "entities/state_detail.html", {
        "state": state, "can_import": can_import_treaty_parties(actor), "can_correct_names": can_correct_country_names(actor),
        **staff_context(request),
    })


def organisation_list(request):
    return render(
        request, "entities/organisation_list.html", filtered_page(request, OrganisationFilter, selectors.organisation_list())
    )


def organisation_detail(request, pk: int):
    organisation = get_object_or_404(Organisation, pk=pk)
    return render(request, "entities/organisation_detail.html", {"organisation": organisation, **staff_context(request)})
