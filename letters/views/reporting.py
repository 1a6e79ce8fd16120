from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from entities.access import actor_for
from entities.access.letters import can_record_report, visible_reports
from entities.models import State
from letters import selectors
from letters.filters import ReportSubmissionFilter
from letters.forms import ReportForm
from letters.services.reporting import report_record

from .common import apply_errors, paginate, signed_in, staff_required


def _years(request, today) -> list[int]:
    try:
        last = int(request.GET.get("until") or today.year - 1)
    except ValueError:
        last = today.year - 1
    return list(range(last - 5, last + 1))


@signed_in()
def report_list(request):
    actor = actor_for(request.user)
    filterset = ReportSubmissionFilter(request.GET, queryset=visible_reports(actor, selectors.reports_list()))
    page, query_string = paginate(request, filterset.qs, per_page=50)
    return render(request, "letters/report_list.html", {
        "filter": filterset, "page_obj": page, "reports": page.object_list, "query_string": query_string,
        "can_record": can_record_report(actor),
    })


@signed_in()
def report_create(request):
    actor = actor_for(request.user)
    if not can_record_report(actor):
        raise PermissionDenied
    own_state = State.objects.get(pk=actor.state_id) if actor.is_state_focal_point else None
    form = ReportForm(request.POST or None, request.FILES or None, state=own_state)
    obligation = selectors.article7()
    no_obligation = _("No article 7 reporting obligation is set up yet (load the seed data).")
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


@staff_required
def compliance(request):
    today = timezone.localdate()
    obligation = selectors.article7()
    years = _years(request, today)
    rows = selectors.compliance(obligation=obligation, years=years, today=today) if obligation else []
    return render(request, "letters/compliance.html", {"obligation": obligation, "years": years, "rows": rows})


@staff_required
def analytics(request):
    today = timezone.localdate()
    obligation = selectors.article7()
    years = _years(request, today)
    stages, data = selectors.reminder_analytics(obligation=obligation, years=years) if obligation else ([], [])
    return render(request, "letters/analytics.html", {"obligation": obligation, "stages": stages, "data": data})
