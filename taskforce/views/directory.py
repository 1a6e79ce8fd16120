from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from taskforce.access import can_record_meeting
from taskforce.filters import CapabilityFilter, GlossaryTermFilter
from taskforce.forms import CapabilityForm
from taskforce.models import Capability, Declaration, GlossaryTerm
from taskforce.services.directory import capability_add

from .common import paginate, signed_in


def capability_list(request):
    """The "UN toolbox": which entity offers which capability."""
    filterset = CapabilityFilter(request.GET, queryset=Capability.objects.select_related("entity", "mechanism"))
    page, query_string = paginate(request, filterset.qs, per_page=50)
    return render(request, "taskforce/capability_list.html", {
        "filter": filterset, "page_obj": page, "query_string": query_string, "may_add": can_record_meeting(request.actor),
    })


@signed_in(can_record_meeting)
@submitted_once
def capability_create(request):
    form = CapabilityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        capability_add(**form.cleaned_data, actor=request.actor, user=request.user)
        messages.success(request, _("The capability is added."))
        return redirect("taskforce:capability-list")
    return render(request, "taskforce/capability_form.html", {"form": form}, status=400 if request.method == "POST" else 200)


def glossary(request):
    """The shared glossary, in English, French and Spanish side by side."""
    filterset = GlossaryTermFilter(request.GET, queryset=GlossaryTerm.objects.select_related("mechanism"))
    page, query_string = paginate(request, filterset.qs, per_page=50)
    language = request.GET.get("lang") if request.GET.get("lang") in ("en", "fr", "es") else ""
    return render(request, "taskforce/glossary.html", {
        "filter": filterset, "page_obj": page, "query_string": query_string, "language": language,
    })


def declaration_detail(request, slug):
    declaration = get_object_or_404(Declaration.objects.select_related("mechanism"), slug=slug)
    return render(request, "taskforce/declaration_detail.html", {
        "declaration": declaration,
        "counts": declaration.counts.all(),
        "endorsements": declaration.endorsements.select_related("state", "organisation", "entity"),
    })
