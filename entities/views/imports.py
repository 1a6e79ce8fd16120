"""Staff upload of the depositary's list of States Parties (CSV or XLSX), and its template."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from config.tabular import TableRejected, table_response
from entities.forms import TreatyPartyImportForm
from entities.services import TEMPLATE_ROWS, treaty_parties_import

from .history import isu_staff_required


@isu_staff_required
def treaty_party_import(request):
    problems = []
    if request.method == "POST":
        form = TreatyPartyImportForm(request.POST, request.FILES)
        if form.is_valid():
            treaty = form.cleaned_data["treaty"]
            content, filename = form.cleaned_data["file"]
            try:
                result = treaty_parties_import(
                    treaty=treaty, content=content, filename=filename, remove_demo=form.cleaned_data["remove_demo"],
                )
            except TableRejected as rejected:
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
    header, *example = TEMPLATE_ROWS
    return table_response(rows=example, header=header, filename="states-parties-template", fmt="csv")
