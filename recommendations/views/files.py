"""The recommendations file: export of the filtered list, the empty template, and the import."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from config.tabular import MAX_BYTES, TableRejected, table_response
from recommendations.access import can_export, can_import

from ..forms import ImportForm
from ..services import RECOMMENDATION_COLUMNS, recommendations_export_rows, recommendations_import
from .browse import filtered_recommendations


def _format(request) -> str:
    return "xlsx" if request.GET.get("as") == "xlsx" else "csv"


@login_required
def export(request):
    """The filtered list (same filters as the list page) as CSV or XLSX (?as=xlsx)."""
    if not can_export(request.actor):
        raise PermissionDenied
    _filterset, queryset = filtered_recommendations(request)
    rows = recommendations_export_rows(queryset.prefetch_related("actions__tags"))
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    return table_response(rows=rows, header=RECOMMENDATION_COLUMNS, filename=f"recommendations-{stamp}", fmt=_format(request))


@login_required
def import_template(request):
    if not can_import(request.actor):
        raise PermissionDenied
    return table_response(rows=[], header=RECOMMENDATION_COLUMNS, filename="recommendations-template", fmt=_format(request))


@login_required
def import_file(request):
    """Upload, check every row, and import only if all rows are good, in one step: the page
    lists every problem with its row and column, or the import is done."""
    # The page itself is staff's; the service decides again for the import it makes.
    if not can_import(request.actor):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = recommendations_import(
                actor=request.actor, user=request.user,
                content=upload.read(MAX_BYTES + 1), filename=upload.name,  # read_table refuses anything larger
            )
        except TableRejected as rejected:
            problems = rejected.problems
        else:
            if result.changed_anything:
                messages.success(request, _(
                    "Imported: %(recommendations_created)s recommendations created, %(recommendations_updated)s "
                    "updated, %(actions_created)s actions created, %(actions_updated)s actions updated, "
                    "%(status_updates)s status updates."
                ) % vars(result))
            else:
                messages.info(request, _("No change: the file holds what is already recorded."))
            return redirect("recommendations:index")
    return render(request, "recommendations/import.html", {"form": form, "errors": problems, "columns": RECOMMENDATION_COLUMNS})
