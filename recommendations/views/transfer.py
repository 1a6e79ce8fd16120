from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from recommendations.access import can_export, can_import

from ..forms import ImportForm
from ..transfer import (
    COLUMNS,
    UnreadableFile,
    export_rows,
    import_plan,
    plan_import,
    read_upload,
    to_csv,
    to_xlsx,
)
from .browse import filtered_recommendations

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_response(rows, *, kind: str, stem: str) -> HttpResponse:
    if kind == "xlsx":
        response = HttpResponse(to_xlsx(rows), content_type=XLSX_TYPE)
    else:
        kind = "csv"
        response = HttpResponse(to_csv(rows), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{stem}.{kind}"'
    return response


@login_required
def export(request):
    """The filtered list (same filters as the list page) as CSV or XLSX (?as=xlsx)."""
    if not can_export(request.actor):
        raise PermissionDenied
    _filterset, queryset = filtered_recommendations(request)
    rows = export_rows(queryset.prefetch_related("actions__tags"))
    stamp = timezone.now().strftime("%Y%m%d-%H%M")
    return _file_response(rows, kind=request.GET.get("as", "csv"), stem=f"recommendations-{stamp}")


@login_required
def import_template(request):
    if not can_import(request.actor):
        raise PermissionDenied
    return _file_response([list(COLUMNS)], kind=request.GET.get("as", "csv"), stem="recommendations-template")


@login_required
def import_file(request):
    """Upload, validate every row, and import only if all rows are good."""
    if not can_import(request.actor):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_import(read_upload(form.cleaned_data["file"]))
        except UnreadableFile as exc:
            form.add_error("file", str(exc))
        else:
            if plan.is_valid:
                counts = import_plan(plan=plan, user=request.user)
                messages.success(request, _(
                    "Imported: %(recommendations_created)s recommendations created, %(recommendations_updated)s "
                    "updated, %(actions_created)s actions created, %(status_updates)s status updates."
                ) % counts)
                return redirect("recommendations:index")
            errors = plan.errors
    return render(request, "recommendations/import.html", {"form": form, "errors": errors, "columns": COLUMNS})
