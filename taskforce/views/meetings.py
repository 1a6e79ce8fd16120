from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from config.services import Conflict
from taskforce.access import can_record_meeting
from taskforce import selectors
from taskforce.filters import MeetingFilter
from taskforce.forms import (
    ActionItemFormSetFactory,
    DocumentFormSetFactory,
    MeetingEditForm,
    MeetingForm,
    ParticipantFormSetFactory,
    meeting_data_from,
    objective_choices_of,
    party_choices,
    row_requested,
    typed_values,
    with_one_more_row,
)
from taskforce.models import Mechanism, Meeting
from taskforce.services.meetings import meeting_record, meeting_update

from .common import apply_errors, paginate, signed_in

# Empty rows shown when editing: the recorded rows come first, these are for additions.
EDIT_EXTRA_ROWS = 2


def meeting_list(request):
    filterset = MeetingFilter(request.GET, queryset=selectors.meetings(request.actor))
    page, query_string = paginate(request, filterset.qs)
    return render(request, "taskforce/meeting_list.html", {"filter": filterset, "page_obj": page, "query_string": query_string})


def meeting_detail(request, pk):
    meeting = selectors.meeting_detail(pk=pk, actor=request.actor)
    return render(request, "taskforce/meeting_detail.html", {"meeting": meeting})


class MeetingPage:
    """The forms of the record and edit pages: the meeting, its participants, action items and
    documents, bound to what was posted, or shown again with one more row (no-script "Add a row")."""

    def __init__(self, request, *, mechanism, meeting=None):
        self.mechanism, self.meeting = mechanism, meeting
        posted = request.method == "POST"
        data, files = (request.POST, request.FILES) if posted else (None, None)
        keep_participants, keep_owners = self._recorded_parties()
        self.kwargs = {
            "participants": {"form_kwargs": {"party_choices": party_choices(keep=keep_participants)}},
            "actions": {"form_kwargs": {
                "party_choices": party_choices(organisations=False, keep=keep_owners), "mechanism": mechanism,
                "objective_choices": objective_choices_of(mechanism),
            }},
            "documents": {},
        }
        # Rows start from the record only when the page is first shown: bound to a post, a row
        # left as it was would count as an untouched extra row and be skipped.
        initial = {"participants": None, "actions": None}
        if meeting is None:
            self.form = MeetingForm(data)
        else:
            self.form = MeetingEditForm(data, meeting=meeting, initial=MeetingEditForm.initial_for(meeting))
            if not posted:
                initial = {"participants": self._participant_rows(), "actions": self._action_rows()}
        self.participants = ParticipantFormSetFactory(data, prefix="participants", initial=initial["participants"], **self.kwargs["participants"])
        self.action_items = ActionItemFormSetFactory(data, prefix="actions", initial=initial["actions"], **self.kwargs["actions"])
        self.documents = DocumentFormSetFactory(data, files, prefix="documents", **self.kwargs["documents"])
        if meeting is not None and not posted:
            for formset in (self.participants, self.action_items, self.documents):
                formset.extra = EDIT_EXTRA_ROWS

    def _recorded_parties(self):
        if self.meeting is None:
            return (), ()
        return (
            [p.party for p in self.meeting.participants.all()],
            [item.party for item in self.meeting.action_items.all()],
        )

    def _participant_rows(self) -> list[dict]:
        return [
            {"party": f"{p.party_kind}:{getattr(p, p.party_kind + '_id')}", "role": p.role}
            for p in self.meeting.participants.all()
        ]

    def _action_rows(self) -> list[dict]:
        return [
            {
                "text": item.text, "owner": f"{item.party_kind}:{getattr(item, item.party_kind + '_id')}",
                "due_on": item.due_on, "objective": item.objective_id, "item": item.pk,
            }
            for item in self.meeting.action_items.all()
        ]

    def add_row(self, prefix: str) -> None:
        """Replaces the bound forms by unbound copies as typed, with one more row under `prefix`."""
        form_class = MeetingForm if self.meeting is None else MeetingEditForm
        extra = {} if self.meeting is None else {"meeting": self.meeting}
        self.form = form_class(initial=typed_values(self.form), **extra)
        self.participants = with_one_more_row(
            ParticipantFormSetFactory, self.participants, add=prefix == "participants", **self.kwargs["participants"])
        self.action_items = with_one_more_row(
            ActionItemFormSetFactory, self.action_items, add=prefix == "actions", **self.kwargs["actions"])
        self.documents = with_one_more_row(DocumentFormSetFactory, self.documents, add=prefix == "documents")

    def is_valid(self) -> bool:
        return all([self.form.is_valid(), self.participants.is_valid(), self.action_items.is_valid(), self.documents.is_valid()])

    def data(self):
        return meeting_data_from(self.form, self.participants, self.action_items, self.documents, meeting=self.meeting)

    def context(self) -> dict:
        return {
            "mechanism": self.mechanism, "meeting": self.meeting, "form": self.form, "participants": self.participants,
            "action_items": self.action_items, "documents": self.documents,
        }


@signed_in(can_record_meeting)
@submitted_once
def meeting_record_view(request, slug):
    """Staff record a meeting in one pass: details, participants, decisions, action items, documents."""
    mechanism = get_object_or_404(Mechanism, slug=slug)
    page = MeetingPage(request, mechanism=mechanism)
    status = 200
    if prefix := row_requested(request):
        page.add_row(prefix)
    elif request.method == "POST":
        status = 400
        if page.is_valid():
            try:
                meeting = meeting_record(mechanism=mechanism, data=page.data(), actor=request.actor, user=request.user)
            except ValidationError as error:
                apply_errors(page.form, error)
            else:
                messages.success(request, _("The meeting is recorded."))
                return redirect(meeting)
    return render(request, "taskforce/meeting_form.html", page.context(), status=status)


@signed_in(can_record_meeting)
def meeting_edit_view(request, pk):
    """Staff change a recorded meeting by the same rules; the history keeps every version."""
    meeting = get_object_or_404(
        Meeting.objects.select_related("mechanism").prefetch_related(
            "agenda_items", "decisions", "documents", "participants__entity__successor", "participants__state",
            "participants__organisation", "action_items__entity", "action_items__state", "action_items__organisation",
        ),
        pk=pk,
    )
    page = MeetingPage(request, mechanism=meeting.mechanism, meeting=meeting)
    status = 200
    if prefix := row_requested(request):
        page.add_row(prefix)
    elif request.method == "POST":
        status = 400
        if page.is_valid():
            try:
                meeting_update(
                    meeting=meeting, data=page.data(), actor=request.actor, user=request.user,
                    expected_updated_at=page.form.cleaned_data.get("last_updated"),
                )
            except Conflict as conflict:
                status = 409
                page.form.add_error(None, conflict.message)
            except ValidationError as error:
                apply_errors(page.form, error)
            else:
                messages.success(request, _("The meeting is updated."))
                return redirect(meeting)
    return render(request, "taskforce/meeting_form.html", page.context(), status=status)
