from django.http import Http404
from django.shortcuts import render

from .. import funding
from ..models import Project
from .common import paginate


def project_list(request):
    page, query_string = paginate(request, funding.projects_list())
    return render(request, "partnerships/project_list.html", {"page_obj": page, "projects": page.object_list, "query_string": query_string})


def project_detail(request, pk: int):
    try:
        project = funding.project_detail(pk)
    except Project.DoesNotExist:
        raise Http404 from None
    return render(request, "partnerships/project_detail.html", {"project": project})
