"""Staff upload of the depositary's list of States Parties (CSV), and its template."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from entities.forms import TreatyPartyImportForm
from entities.services import TEMPLATE_ROWS, ImportRejected, treaty_parties_import

from .history import isu_staff_required


@isu_staff_required
def treaty_party_import(request):
    problems = []
    if request.method == "POST":
        form = TreatyPartyImportForm(request.POST, request.FILES)
        if form.is_valid():
            treaty = form.cleaned_data["treaty"]
            try:
                result = treaty_parties_import(
                    treaty=treaty, content=form.cleaned_data["file"], remove_demo=form.cleaned_data["remove_demo"],
                )
            except ImportRejected as rejected:
                problems = rejected.problems
            else:
                messages.success(request, _(
                    "Imported the States Parties of %(treaty)s: %(created)d added, %(updated)d updated, "
                    "%(unchanged)d unchanged, %(removed)d demo rows removed."
                ) % {
                    "treaty": treaty.short_name, "created": result.created, "updated": result.updated,
                    "unchanged": result.unchanged, "removed": result.demo_removed,
                })
                return redirect(f"{reverse('entities:state-list')}?party_to={treaty.short_name}")
    else:
        form = TreatyPartyImportForm()
    status = 400 if request.method == "POST" else 200
    return render(request, "entities/treaty_party_import.html", {"form": form, "problems": problems}, status=status)


@isu_staff_required
def treaty_party_template(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="states-parties-template.csv"'
    csv.writer(response).writerows(TEMPLATE_ROWS)
    return response
