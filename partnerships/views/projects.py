from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from config.ui import signed_in
from taskforce.forms import row_requested, with_one_more_row

from ..forms import BudgetLineFormSetFactory, PledgeForm
from ..models import Pledge, Project
from ..selectors import funding
from ..services.projects import (
    BudgetLineData,
    budget_lines_set,
    can_edit_project,
    pledge_add,
    pledge_remove,
    pledge_update,
)
from .common import apply_errors, paginate


def project_list(request):
    page, query_string = paginate(request, funding.projects_list())
    return render(request, "partnerships/project_list.html", {"page_obj": page, "projects": page.object_list, "query_string": query_string})


def project_detail(request, pk: int):
    try:
        project = funding.project_detail(pk)
    except Project.DoesNotExist:
        raise Http404 from None
    return render(request, "partnerships/project_detail.html", {
        "project": project, "can_edit": can_edit_project(request.actor),
    })


def _funding_of(project: Project) -> str:
    return reverse("partnerships:project-detail", args=[project.pk]) + "#funding"


@signed_in(can_edit_project)
def project_budget_edit(request, pk: int):
    """The budget lines of a project, all on one form: change, add, remove, in order."""
    project = get_object_or_404(Project, pk=pk)
    initial = [{"label": line.label, "amount": line.amount, "line": line.pk} for line in project.budget_lines.all()]
    # Bound to a post, the rows come from it alone (see taskforce.views.meetings.MeetingPage).
    lines = BudgetLineFormSetFactory(request.POST or None, prefix="lines", initial=None if request.method == "POST" else initial)
    status, problems = 200, []
    if prefix := row_requested(request):
        lines = with_one_more_row(BudgetLineFormSetFactory, lines, add=prefix == "lines")
    elif request.method == "POST":
        status = 400
        if lines.is_valid():
            rows = [
                BudgetLineData(label=form.cleaned_data["label"], amount=form.cleaned_data["amount"], pk=form.cleaned_data.get("line"))
                for form in lines.forms if not form.cleaned_data.get("DELETE") and not form.is_blank
            ]
            try:
                budget_lines_set(project=project, lines=rows, actor=request.actor, user=request.user)
            except ValidationError as error:
                problems = error.messages
            else:
                messages.success(request, _("The budget is updated."))
                return redirect(_funding_of(project))
    return render(request, "partnerships/project_budget_form.html", {"project": project, "lines": lines, "problems": problems}, status=status)


@signed_in(can_edit_project)
@submitted_once
def pledge_add_view(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    form = PledgeForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            pledge_add(project=project, data=form.pledge_data(), actor=request.actor, user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The pledge is recorded."))
            return redirect(_funding_of(project))
    return render(request, "partnerships/project_pledge_form.html", {
        "project": project, "form": form, "pledge": None,
    }, status=400 if request.method == "POST" else 200)


@signed_in(can_edit_project)
def pledge_edit_view(request, pk: int, pledge_pk: int):
    """Changes a pledge (its status as money is confirmed and received), or removes one
    recorded by mistake (a POST with `remove`)."""
    pledge = get_object_or_404(
        Pledge.objects.select_related("project", "donor_entity", "donor_state", "donor_organisation"), pk=pledge_pk, project_id=pk,
    )
    project = pledge.project
    if request.method == "POST" and "remove" in request.POST:
        pledge_remove(pledge=pledge, actor=request.actor, user=request.user)
        messages.success(request, _("The pledge is removed."))
        return redirect(_funding_of(project))
    form = PledgeForm(request.POST or None, project=project, pledge=pledge, initial=PledgeForm.initial_for(pledge))
    if request.method == "POST" and form.is_valid():
        try:
            pledge_update(pledge=pledge, data=form.pledge_data(), actor=request.actor, user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The pledge is updated."))
            return redirect(_funding_of(project))
    return render(request, "partnerships/project_pledge_form.html", {
        "project": project, "form": form, "pledge": pledge,
    }, status=400 if request.method == "POST" else 200)
