"""Obligations under the Convention: the secretariat's overview, one State's obligations (staff
and that State's focal points), recording the facts, and the calendar feeds of the deadlines."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from config.charts import Row, Series, bar_chart
from config.feeds import feed_language
from config.idempotency import submitted_once
from config.table_import import TableImport
from config.tabular import table_response
from entities.models import State
from letters import selectors
from letters.obligation_forms import (
    ClearanceReminderPlanForm,
    DestructionForm,
    ExtensionForm,
    ObligationImportForm,
    WithdrawalForm,
)
from letters.services.obligation_import import (
    OBLIGATION_COLUMNS,
    obligations_import,
    obligations_import_plan,
)
from letters.services.obligations import destruction_record, extension_record, withdrawal_record
from letters.services.scheduling import clearance_plan

from .common import apply_errors, signed_in, staff_required
from .ical import deadlines_feed

# Each kind of fact, as the URL names it: its form, service and title.
FACTS = {
    "declaration": (DestructionForm, destruction_record, gettext_lazy("Record stockpiles or mined areas")),
    "extension": (ExtensionForm, extension_record, gettext_lazy("Record an article 5 extension granted")),
    "withdrawal": (WithdrawalForm, withdrawal_record, gettext_lazy("Record a withdrawal")),
}


def _months(request) -> int:
    return 24 if request.GET.get("months") == "24" else 12


@staff_required
def obligations_overview(request):
    months = _months(request)
    overview = selectors.obligations_overview(actor=request.actor, today=timezone.localdate(), months=months)
    chart_data = {
        "years": [year for year, _a4, _a5 in overview.by_year],
        "series": [
            {"label": _("Article 4"), "counts": [a4 for _year, a4, _a5 in overview.by_year]},
            {"label": _("Article 5"), "counts": [a5 for _year, _a4, a5 in overview.by_year]},
        ],
    }
    # One stacked bar per year (article 4, article 5), drawn on the server as every dashboard's chart.
    chart = bar_chart(
        chart_id="obligations-by-year-chart", title=_("Open article 4 and article 5 deadlines by year"), stacked=True,
        series=[Series(series["label"], css) for series, css in zip(chart_data["series"], ("s4", "s1"))],
        rows=[Row(str(year), [series["counts"][index] for series in chart_data["series"]]) for index, year in enumerate(chart_data["years"])],
    )
    return render(request, "letters/obligations_overview.html", {
        "overview": overview, "months": months, "clearance_plan": clearance_plan(), "chart_data": chart_data, "chart": chart,
    })


@staff_required
def clearance_plan_edit(request):
    """The article 5 reminder plan, edited as the article 7 plans are (letters:plan-edit)."""
    form = ClearanceReminderPlanForm(request.POST or None, instance=clearance_plan())
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The reminder plan was saved."))
        return redirect("letters:obligations")
    return render(request, "letters/form.html", {"form": form, "title": _("Article 5 reminder plan")},
                  status=400 if request.method == "POST" else 200)


def _state_or_404(code: str) -> State:
    state = State.objects.filter(code=code.upper()).first() if len(code) == 2 else None
    if state is None:
        raise Http404
    return state


def _may_see_state(request, state: State) -> None:
    actor = request.actor
    if not (actor.is_isu_staff or (actor.is_state_focal_point and actor.state_id == state.pk)):
        raise PermissionDenied


@signed_in()
def state_obligations(request, code: str):
    state = _state_or_404(code)
    _may_see_state(request, state)
    actor = request.actor
    context = selectors.state_obligations(actor=actor, state=state, today=timezone.localdate())
    return render(request, "letters/obligations_state.html", {**context, "state": state, "is_staff": actor.is_isu_staff})


@staff_required
@submitted_once
def obligation_record(request, fact: str):
    if fact not in FACTS:
        raise Http404
    form_class, service, title = FACTS[fact]
    initial = {}
    if request.GET.get("state"):
        initial["state"] = State.objects.filter(code=request.GET["state"].upper()[:2]).first()
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        state = data.pop("state")
        try:
            service(actor=request.actor, state=state, user=request.user, **data)
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Recorded."))
            return redirect("letters:obligations-state", code=state.code.code)
    return render(request, "letters/form.html", {"form": form, "title": title}, status=400 if request.method == "POST" else 200)


def _obligations_done(result) -> str:
    return _(
        "Obligation facts imported: %(created)s recorded, %(changed)s corrected, %(unchanged)s unchanged."
    ) % {"created": result.created, "changed": result.changed, "unchanged": result.unchanged}


OBLIGATIONS_IMPORT = TableImport(
    form_class=ObligationImportForm,
    template="letters/obligation_import.html",
    upload_url="letters:obligation-import",
    confirm_url="letters:obligation-import-confirm",
    done_url="letters:obligations",
    preview=lambda request, **given: obligations_import_plan(actor=request.actor, **given).preview(),
    apply=lambda request, **given: obligations_import(actor=request.actor, user=request.user, **given),
    done_message=_obligations_done,
)


@staff_required
def obligation_import(request):
    """Step one: upload a file; see every problem, or what the import will record."""
    return OBLIGATIONS_IMPORT.upload(request)


@staff_required
@require_POST
def obligation_import_confirm(request):
    """Step two: record the previewed file, all of it or nothing."""
    return OBLIGATIONS_IMPORT.confirm(request)


@staff_required
def obligation_import_template(request):
    """An empty file with the columns an import reads."""
    fmt = request.GET.get("format")
    return table_response(rows=[], header=OBLIGATION_COLUMNS, filename="obligation-facts-template",
                          fmt=fmt if fmt in ("csv", "xlsx") else "csv")


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


@staff_required
def obligations_calendar(request):
    rows = selectors.deadlines_list(actor=request.actor, today=timezone.localdate())
    with translation.override(feed_language(request.GET.get("lang"))):
        feed = deadlines_feed(rows, name=_("Deadlines of the States Parties"), base_url=request.build_absolute_uri("/")[:-1])
    return _ics(feed, "deadlines")


@signed_in()
def state_obligations_calendar(request, code: str):
    state = _state_or_404(code)
    _may_see_state(request, state)
    rows = selectors.deadlines_list(actor=request.actor, today=timezone.localdate(), state_id=state.pk)
    with translation.override(feed_language(request.GET.get("lang"))):
        name = _("Deadlines of %(state)s") % {"state": state.name}
        feed = deadlines_feed(rows, name=name, base_url=request.build_absolute_uri("/")[:-1])
    return _ics(feed, f"deadlines-{state.code.code.lower()}")
