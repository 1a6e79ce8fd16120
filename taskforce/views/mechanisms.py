from django.shortcuts import render

from taskforce import selectors
from taskforce.filters import MechanismFilter
from taskforce.models import ObjectiveKind

from .common import paginate


def index(request):
    """The landing page: every mechanism with its members, meetings and open items."""
    filterset = MechanismFilter(request.GET, queryset=selectors.mechanism_list())
    page, query_string = paginate(request, filterset.qs)
    return render(request, "taskforce/index.html", {"filter": filterset, "page_obj": page, "query_string": query_string})


def mechanism_detail(request, slug):
    mechanism = selectors.mechanism_detail(slug=slug, actor=request.actor)
    objectives_by_kind = {}
    for objective in mechanism.objectives.all():
        objectives_by_kind.setdefault(ObjectiveKind(objective.kind).label, []).append(objective)
    return render(request, "taskforce/mechanism_detail.html", {
        "mechanism": mechanism,
        "objectives_by_kind": objectives_by_kind,
        "declarations": mechanism.declarations.all(),
    })
