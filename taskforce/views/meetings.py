from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from entities.access.taskforce import can_record_meeting
from taskforce import selectors
from taskforce.filters import MeetingFilter
from taskforce.forms import (
    ActionItemFormSetFactory,
    DocumentFormSetFactory,
    MeetingForm,
    ParticipantFormSetFactory,
    meeting_data_from,
    party_choices,
)
from taskforce.models import Mechanism
from taskforce.services.meetings import meeting_record

from .common import actor_of, apply_errors, paginate, signed_in


def meeting_list(request):
    filterset = MeetingFilter(request.GET, queryset=selectors.meetings(actor_of(request)))
    page, query_string = paginate(request, filterset.qs)
    return render(request, "taskforce/meeting_list.html", {"filter": filterset, "page_obj": page, "query_string": query_string})


def meeting_detail(request, pk):
    meeting = selectors.meeting_detail(pk=pk, actor=actor_of(request))
    return render(request, "taskforce/meeting_detail.html", {"meeting": meeting})


@signed_in(can_record_meeting)
@submitted_once
def meeting_record_view(request, slug):
    """Staff record a meeting in one pass: details, participants, decisions, action items, documents."""
    mechanism = get_object_or_404(Mechanism, slug=slug)
    choices = party_choices()
    owner_choices = party_choices(organisations=False)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = MeetingForm(data)
    participants = ParticipantFormSetFactory(data, prefix="participants", form_kwargs={"party_choices": choices})
    action_items = ActionItemFormSetFactory(
        data, prefix="actions", form_kwargs={"party_choices": owner_choices, "mechanism": mechanism}
    )
    documents = DocumentFormSetFactory(data, files, prefix="documents")
    if request.method == "POST":
        valid = all([form.is_valid(), participants.is_valid(), action_items.is_valid(), documents.is_valid()])
        if valid:
            try:
                with transaction.atomic():
                    meeting = meeting_record(
                        mechanism=mechanism, data=meeting_data_from(form, participants, action_items, documents), user=request.user,
                    )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The meeting is recorded."))
                return redirect(meeting)
    return render(request, "taskforce/meeting_form.html", {
        "mechanism": mechanism, "form": form, "participants": participants, "action_items": action_items, "documents": documents,
    }, status=400 if request.method == "POST" else 200)
