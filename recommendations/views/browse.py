from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from recommendations.access import can_export, can_import, can_update_action, can_update_any_action

from .. import selectors
from ..filters import RecommendationFilter

PAGE_SIZE = 25


def filtered_recommendations(request):
    """The filterset over the visible recommendations; an invalid filter shows its error and
    an empty list rather than everything."""
    actor = request.actor
    filterset = RecommendationFilter(request.GET, queryset=selectors.recommendation_list(actor=actor))
    queryset = filterset.qs if filterset.is_valid() else filterset.queryset.none()
    return filterset, queryset


def index(request):
    """The list of recommendations with filters (the app's landing page)."""
    actor = request.actor
    filterset, queryset = filtered_recommendations(request)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "recommendations/list.html", {
        "filter": filterset,
        "page_obj": page,
        "recommendations": page.object_list,
        "query_string": query.urlencode(),
        "can_import": can_import(actor),
        "can_export": can_export(actor),
    })


def detail(request, pk: int):
    actor = request.actor
    recommendation = get_object_or_404(selectors.recommendation_detail_queryset(actor=actor), pk=pk)
    groups: dict = {}
    for action in recommendation.actions.all():
        action.may_update = can_update_any_action(actor) and can_update_action(actor, action)
        groups.setdefault(action.addressee, []).append(action)
    return render(request, "recommendations/detail.html", {
        "recommendation": recommendation,
        "groups": list(groups.items()),
    })
