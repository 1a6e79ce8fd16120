"""Reports received (one at a time, or a whole file), the compliance page and analytics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from config.forms import document_content_type, document_extension
from config.idempotency import submitted_once
from config.table_import import TableImport
from config.tabular import table_response
from letters.access import can_record_report
from entities.models import State
from letters import selectors
from letters.filters import ReportSubmissionFilter
from letters.forms import (
    REGION_LABELS,
    VERDICT_LABELS,
    ComplianceFilterForm,
    ReportForm,
    ReportImportForm,
)
from letters.services.reporting import (
    REPORT_COLUMNS,
    report_file_rows,
    report_record,
    reports_import,
    reports_import_plan,
)

from .common import apply_errors, paginate, signed_in, staff_required

NO_OBLIGATION = gettext_noop("No article 7 reporting obligation is set up yet (load the seed data).")


def _years(request, today) -> list[int]:
    try:
        last = int(request.GET.get("until") or today.year - 1)
    except ValueError:
        last = today.year - 1
    return list(range(last - 5, last + 1))


@signed_in()
def report_list(request):
    actor = request.actor
    filterset = ReportSubmissionFilter(request.GET, queryset=selectors.reports_for(actor))
    page, query_string = paginate(request, filterset.qs, per_page=50)
    return render(request, "letters/report_list.html", {
        "filter": filterset, "page_obj": page, "reports": page.object_list, "query_string": query_string,
        "can_record": can_record_report(actor),
    })


@signed_in()
@submitted_once
def report_create(request):
    actor = request.actor
    if not can_record_report(actor):
        raise PermissionDenied
    own_state = State.objects.get(pk=actor.state_id) if actor.is_state_focal_point else None
    form = ReportForm(request.POST or None, request.FILES or None, state=own_state)
    obligation = selectors.article7()
    no_obligation = _(NO_OBLIGATION)
    if obligation is None and request.method == "GET":
        messages.error(request, no_obligation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if obligation is None:
                raise ValidationError(no_obligation)
            report_record(
                actor=actor, obligation=obligation, state=own_state or data["state"], kind=data["kind"],
                period=data["period"], received_on=data["received_on"], link=data["link"], file=data["file"],
                user=request.user,
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("The report was recorded."))
            return redirect("letters:report-list")
    return render(request, "letters/form.html", {
        "form": form, "title": _("Record a report received"), "multipart": True,
        "subtitle": str(own_state) if own_state else "",
    }, status=400 if request.method == "POST" else 200)


@signed_in()
def report_file(request, pk: int):
    """A report's attached file, to whoever may see the report (ReportSubmission.visible_to: staff, API
    clients, the State's own focal points; anyone else gets 404). Always a download, named after
    the report, never the name it was uploaded with; read through the storage API, so the files
    may be on the local disk or in an object store."""
    reports = selectors.reports_for(request.actor).exclude(file="")
    report = get_object_or_404(reports, pk=pk)
    try:
        handle = default_storage.open(report.file.name, "rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    extension = document_extension(report.file.name)
    name = slugify(f"{report.state.name} {report.get_kind_display()} {report.period}") or "report"
    return FileResponse(
        handle, as_attachment=True, filename=f"{name}.{extension}" if extension.isalnum() else name,
        content_type=document_content_type(report.file.name),
    )


def _format(request) -> str | None:
    fmt = request.GET.get("format")
    return fmt if fmt in ("csv", "xlsx") else None


def _reports_done(result) -> str:
    return _(
        "Reports imported: %(created)s recorded, %(changed)s corrected, %(unchanged)s unchanged."
    ) % {"created": result.created, "changed": result.changed, "unchanged": result.unchanged}


REPORTS_IMPORT = TableImport(
    form_class=ReportImportForm,
    template="letters/report_import.html",
    upload_url="letters:report-import",
    confirm_url="letters:report-import-confirm",
    done_url="letters:compliance",
    preview=lambda request, **given: reports_import_plan(**given).preview(),
    apply=lambda request, **given: reports_import(actor=request.actor, user=request.user, **given),
    done_message=_reports_done,
    needs=lambda request: {"obligation": selectors.article7()},
    missing_message=NO_OBLIGATION,
    context={"columns": REPORT_COLUMNS},
)


@staff_required
def report_import(request):
    """Step one: upload a file; see every problem, or what the import will do."""
    return REPORTS_IMPORT.upload(request)


@staff_required
@require_POST
def report_import_confirm(request):
    """Step two: write the previewed file, all of it or nothing."""
    return REPORTS_IMPORT.confirm(request)


@staff_required
def report_import_template(request):
    """An empty file with the columns an import reads."""
    return table_response(rows=[], header=REPORT_COLUMNS, filename="reports-received-template", fmt=_format(request) or "csv")


@staff_required
def report_export(request):
    """The article 7 reports recorded (filtered as the list is), in the columns an import reads."""
    obligation = selectors.article7()
    reports = selectors.reports_for(request.actor).filter(obligation=obligation).order_by("state__code", "kind", "period")
    filterset = ReportSubmissionFilter(request.GET, queryset=reports)
    return table_response(
        rows=report_file_rows(filterset.qs), header=REPORT_COLUMNS, filename="reports-received", fmt=_format(request) or "csv",
    )


def _default_years(today) -> list[int]:
    return list(range(today.year - 6, today.year))


@staff_required
def compliance(request):
    today = timezone.localdate()
    obligation = selectors.article7()
    form = ComplianceFilterForm(request.GET)
    data = form.cleaned_data if form.is_valid() else {"region": "", "status": "", "years": _default_years(today)}
    years = data["years"]
    rows = selectors.compliance(
        obligation=obligation, years=years, today=today, region=data["region"], status=data["status"],
    ) if obligation else []
    fmt = _format(request)
    if fmt:
        return table_response(
            rows=[
                [row.state.name, REGION_LABELS.get(row.state.region, row.state.region), VERDICT_LABELS[row.initial]]
                + [VERDICT_LABELS[verdict] for _year, verdict in row.years]
                + [row.on_time_rate]
                for row in rows
            ],
            header=[_("State"), _("Region"), _("Initial report"), *years, _("On time (%)")],
            filename=f"compliance-{years[0]}-{years[-1]}", fmt=fmt,
        )
    query = request.GET.copy()
    query.pop("format", None)
    return render(request, "letters/compliance.html", {
        "obligation": obligation, "years": years, "rows": rows, "form": form, "query_string": query.urlencode(),
    })


@staff_required
def analytics(request):
    today = timezone.localdate()
    obligation = selectors.article7()
    years = _years(request, today)
    stages, data = selectors.reminder_analytics(obligation=obligation, years=years) if obligation else ([], [])
    # Per year, the two figures of each stage in the order of the headings.
    cells = [
        (row, [(row.reports_after_stage.get(stage, ""), row.letters_by_stage.get(stage, "")) for stage in stages])
        for row in data
    ]
    headings = [_stage_headings(stage) for stage in stages]
    return render(request, "letters/analytics.html", {"obligation": obligation, "data": data, "headings": headings, "rows": cells})


def _stage_headings(stage: str) -> tuple[str, str]:
    """The two column headings of a stage, in words: reports received after it, letters it sent."""
    if stage == "overdue":
        return _("After the overdue letter"), _("Overdue letters sent")
    days = {"days": stage.removeprefix("reminder-")}
    return _("After the %(days)s-day reminder") % days, _("%(days)s-day reminders sent") % days
