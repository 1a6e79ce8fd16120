from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from config.idempotency import submitted_once
from taskforce.access import can_record_meeting, can_request_individualised_approach
from entities.models import State
from taskforce import selectors
from taskforce.forms import (
    BaseRowFormSet,
    IndividualisedApproachRequestForm,
    IndividualisedParticipantForm,
    party_choices,
)
from taskforce.models import MeetingStatus
from taskforce.services.individualised import (
    individualised_approach_request,
    individualised_approach_update,
)

from .common import apply_errors, signed_in
from .individualised_report import individualised_approach_report

ParticipantRows = forms.formset_factory(IndividualisedParticipantForm, formset=BaseRowFormSet, extra=4, max_num=50, validate_max=True)


class ProcessForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Status"), choices=MeetingStatus.choices)

    def __init__(self, *args, checks=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.checks = list(checks)
        for check in self.checks:
            self.fields[f"done_{check.step}"] = forms.BooleanField(label=check.get_step_display(), required=False, initial=check.done)
            self.fields[f"note_{check.step}"] = forms.CharField(
                label=gettext_lazy("Note"), required=False, initial=check.note, widget=forms.Textarea(attrs={"rows": 2}),
            )


@signed_in(can_request_individualised_approach)
@submitted_once
def request_view(request):
    actor = request.actor
    fixed = State.objects.get(pk=actor.state_id) if actor.is_state_focal_point else None
    form = IndividualisedApproachRequestForm(request.POST or None, fixed_state=fixed)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = individualised_approach_request(
                state=form.cleaned_data["state"], preferred_date=form.cleaned_data["preferred_date"],
                report_for=form.cleaned_data["report_for"], place=form.cleaned_data["place"],
                challenges=form.cleaned_data["challenges"], actor=request.actor, user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The request is recorded; the Committee will be in touch."))
            return redirect(meeting)
    return render(request, "taskforce/ia_request.html", {"form": form}, status=400 if request.method == "POST" else 200)


def _ia_meeting(request, pk):
    meeting = selectors.meeting_detail(pk=pk, actor=request.actor)
    if not meeting.is_individualised_approach:
        raise Http404
    return meeting


@signed_in(can_record_meeting)
def process_view(request, pk):
    meeting = _ia_meeting(request, pk)
    checks = list(meeting.process_checks.all())
    data = request.POST if request.method == "POST" else None
    form = ProcessForm(data, checks=checks, initial={"status": meeting.status})
    rows = ParticipantRows(data, prefix="participants", form_kwargs={"party_choices": party_choices()})
    if request.method == "POST" and form.is_valid() and rows.is_valid():
        new = [(f.cleaned_data["party"], f.cleaned_data["capacity"]) for f in rows.forms
               if f.cleaned_data.get("party") and f.cleaned_data["party"].key]
        try:
            individualised_approach_update(
                meeting=meeting, status=form.cleaned_data["status"], new_participants=new, actor=request.actor, user=request.user,
                checks={c.step: (form.cleaned_data[f"done_{c.step}"], form.cleaned_data[f"note_{c.step}"].strip()) for c in checks},
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The meeting record is updated."))
            return redirect(meeting)
    return render(request, "taskforce/ia_process.html", {"meeting": meeting, "form": form, "rows": rows},
                  status=400 if request.method == "POST" else 200)


def report_view(request, pk):
    meeting = _ia_meeting(request, pk)
    response = HttpResponse(individualised_approach_report(meeting), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="individualised-approach-{meeting.pk}.pdf"'
    return response
