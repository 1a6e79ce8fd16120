"""Forms of the task-force pages. Rules live in services; forms check shapes and name fields."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.dates import DateBoundsFormMixin
from config.forms import IdsMultipleChoiceField, StateChoiceField, collation_key
from entities.models import Entity, Organisation, State

from .models import (
    ActionItemStatus,
    CapabilityKind,
    DatePrecision,
    MeetingLevel,
    Objective,
    ParticipantCapacity,
    ParticipantRole,
    PartyRole,
    QuestionKind,
    ReportVenue,
)
from .services.meetings import (
    ActionItemData,
    DocumentData,
    MeetingData,
    ParticipantData,
    PartyChoice,
)
from .services.memberships import MembershipData
from .timezones import time_zone_choices


def party_choices(*, organisations: bool = True, keep=()) -> list:
    """Grouped choices "entity:12", "state:34", "organisation:5": four queries.

    Only today's UN entities are offered, each with the acronyms it had before ("DPO —
    Department of Peace Operations (formerly DPKO)"), so that nobody records a meeting of a
    body that no longer exists. `keep` lists parties a record already has (an old meeting's
    DPKO): they stay choosable, marked with what they became, so editing keeps them."""
    former: dict[int, list[str]] = {}
    for successor_id, acronym in Entity.objects.filter(successor__isnull=False).values_list("successor_id", "acronym"):
        former.setdefault(successor_id, []).append(acronym)
    kept_entities = {party.pk for party in keep if isinstance(party, Entity)}
    entities = []
    for entity in Entity.objects.filter(Q(is_active=True) | Q(pk__in=kept_entities)).select_related("successor"):
        label = f"{entity.acronym} — {entity.name}"
        if former.get(entity.pk):
            label += " " + str(_("(formerly %(names)s)") % {"names": ", ".join(sorted(former[entity.pk]))})
        elif entity.successor_id:
            label += " " + str(_("(now %(name)s)") % {"name": entity.successor})
        elif not entity.is_active:
            label += " " + str(_("(no longer exists)"))
        entities.append((f"entity:{entity.pk}", label))
    groups = [
        (_("UN entities"), entities),
        (_("States"), sorted(((f"state:{s.pk}", s.name) for s in State.objects.only("pk", "code")), key=lambda c: collation_key(c[1]))),
    ]
    kept_organisations = [party.pk for party in keep if isinstance(party, Organisation)]
    if organisations or kept_organisations:
        found = Organisation.objects.only("pk", "name", "acronym")
        found = found if organisations else found.filter(pk__in=kept_organisations)
        groups.append((_("Organisations"), [(f"organisation:{o.pk}", str(o)) for o in found]))
    return [("", "—")] + groups


class PartyField(forms.ChoiceField):
    """Picks an entity, a State or an organisation from the registry; cleans to a PartyChoice."""

    MODELS = {"entity": Entity, "state": State, "organisation": Organisation}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        return value

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return PartyChoice()
        kind, _sep, pk = value.partition(":")
        model = self.MODELS.get(kind)
        obj = model.objects.filter(pk=pk).first() if model and pk.isdigit() else None
        if obj is None:
            raise ValidationError(_("Choose a party from the registry."), code="invalid_choice")
        return PartyChoice(**{kind: obj})


class MeetingForm(DateBoundsFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    level = forms.ChoiceField(label=_("Level"), choices=MeetingLevel.choices)
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    ends_at = forms.DateTimeField(label=_("Ends at"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"))
    time_zone = forms.ChoiceField(
        label=_("Time zone"), initial="UTC",
        help_text=_("The times above are read in this zone. The usual meeting places come first; type a city to find another."),
    )
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    on_the_margins_of = forms.CharField(label=_("On the margins of"), max_length=255, required=False)
    is_online = forms.BooleanField(label=_("Online"), required=False)
    online_url = forms.URLField(label=_("Online link"), required=False)
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea, required=False)
    agenda = forms.CharField(label=_("Agenda items"), widget=forms.Textarea, required=False, help_text=_("One item a line."))
    decisions = forms.CharField(label=_("Decisions"), widget=forms.Textarea, required=False, help_text=_("One decision a line."))
    is_confidential = forms.BooleanField(
        label=_("Confidential"), required=False,
        help_text=_("Seen only by ISU staff and the focal points of the participants."),
    )

    def __init__(self, *args, keep_time_zone: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices(keep=keep_time_zone)

    def clean(self):
        data = super().clean()
        tz_name = data.get("time_zone")
        if not tz_name:
            return data
        tz = zoneinfo.ZoneInfo(tz_name)
        for name in ("starts_at", "ends_at"):
            value = data.get(name)
            if value is not None:
                # The form reads the typed wall-clock time in the meeting's own time zone.
                data[name] = timezone.make_aware(timezone.make_naive(value), tz) if timezone.is_aware(value) else timezone.make_aware(value, tz)
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The meeting cannot end before it starts."))
        return data


class MeetingEditForm(MeetingForm):
    """Editing a recorded meeting: the same fields and rules, plus when the meeting was last
    changed as the editor saw it (a change made by someone else meanwhile is not overwritten).
    A meeting recorded without a time (the source gives only "late January 2020") keeps its
    date when no time is typed: the form does not make a day up."""

    last_updated = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, keep_time_zone=meeting.time_zone, **kwargs)
        self.meeting = meeting
        if meeting.starts_at is None:
            self.fields["starts_at"].required = False
            self.fields["starts_at"].help_text = _("No time was recorded (%(date)s); leave empty to keep the date as it is.") % {
                "date": meeting.date_display,
            }

    def clean_last_updated(self):
        """Read back exactly as rendered (ISO 8601 with microseconds); unreadable means unknown."""
        try:
            return dt.datetime.fromisoformat(self.cleaned_data["last_updated"])
        except ValueError:
            return None

    @classmethod
    def initial_for(cls, meeting) -> dict:
        tz = zoneinfo.ZoneInfo(meeting.time_zone) if meeting.time_zone else dt.UTC

        def local(value):
            return value.astimezone(tz).replace(tzinfo=None) if value else None

        return {
            "title": meeting.title, "level": meeting.level, "starts_at": local(meeting.starts_at), "ends_at": local(meeting.ends_at),
            "time_zone": meeting.time_zone, "place": meeting.place, "on_the_margins_of": meeting.on_the_margins_of,
            "is_online": meeting.is_online, "online_url": meeting.online_url, "summary": meeting.summary,
            "agenda": "\n".join(item.title for item in meeting.agenda_items.all()),
            "decisions": "\n".join(decision.text for decision in meeting.decisions.all()),
            "is_confidential": meeting.is_confidential, "last_updated": meeting.updated_at.isoformat(),
        }


class ParticipantForm(forms.Form):
    party = PartyField(label=_("Participant"), required=False)
    role = forms.ChoiceField(label=_("Role"), choices=ParticipantRole.choices, initial=ParticipantRole.PARTICIPANT)

    def __init__(self, *args, party_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = party_choices or []


class ActionItemForm(DateBoundsFormMixin, forms.Form):
    text = forms.CharField(label=_("Action"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    owner = PartyField(label=_("Owner"), required=False)
    due_on = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the due date as YYYY-MM-DD.")},
    )
    objective = forms.ModelChoiceField(label=_("Serves objective"), queryset=Objective.objects.none(), required=False)
    # The item this row shows, when editing a meeting; empty for a new item.
    item = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def __init__(self, *args, party_choices=None, mechanism=None, objective_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = party_choices or []
        if mechanism is not None:
            self.fields["objective"].queryset = mechanism.objectives.all()
        if objective_choices is not None:
            # Listed once for every row of the page (objective_choices_of), not one query a row.
            self.fields["objective"].choices = objective_choices

    def clean(self):
        data = super().clean()
        text = (data.get("text") or "").strip()
        owner = data.get("owner")
        has_owner = owner is not None and owner.key is not None
        if text and not has_owner and "owner" not in self.errors:
            self.add_error("owner", _("Every action item needs an owner."))
        if (has_owner or data.get("due_on")) and not text:
            self.add_error("text", _("Say what is to be done."))
        if data.get("item") and not text and not has_owner and "text" not in self.errors:
            self.add_error("text", _("A recorded action item cannot be emptied here; to drop it, close it as dropped on its own page."))
        return data

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("text") or "").strip() and not (data.get("owner") and data["owner"].key)


def objective_choices_of(mechanism) -> list[tuple]:
    return [("", "---------")] + [(objective.pk, str(objective)) for objective in mechanism.objectives.all()]


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Document title"), max_length=300, required=False)
    url = forms.URLField(label=_("Link"), required=False)
    file = forms.FileField(label=_("File"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("title") and not (data.get("url") or data.get("file")):
            self.add_error("url", _("Give a link or upload a file."))
        if (data.get("url") or data.get("file")) and not data.get("title"):
            self.add_error("title", _("Give the document a title."))
        return data


class BaseRowFormSet(forms.BaseFormSet):
    def __init__(self, *args, form_kwargs=None, **kwargs):
        super().__init__(*args, form_kwargs=form_kwargs or {}, **kwargs)


class ParticipantFormSet(BaseRowFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            party = form.cleaned_data.get("party")
            if party is None or party.key is None:
                continue
            if party.key in seen:
                form.add_error("party", _("This participant is already listed."))
            seen.add(party.key)


ParticipantFormSetFactory = forms.formset_factory(ParticipantForm, formset=ParticipantFormSet, extra=6, max_num=200, validate_max=True)
ActionItemFormSetFactory = forms.formset_factory(ActionItemForm, formset=BaseRowFormSet, extra=3, max_num=100, validate_max=True)
DocumentFormSetFactory = forms.formset_factory(DocumentForm, formset=BaseRowFormSet, extra=2, max_num=20, validate_max=True)


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def meeting_data_from(form: MeetingForm, participants, action_items, documents, *, meeting=None) -> MeetingData:
    """The service's input from the validated forms. `meeting` is the meeting being edited:
    without a typed time, its date (and how precise the source is about it) stays."""
    data = form.cleaned_data
    starts_at = data.get("starts_at")
    tz = zoneinfo.ZoneInfo(data["time_zone"])
    if starts_at is None and meeting is not None:
        date, precision = meeting.date, meeting.date_precision
    else:
        date, precision = starts_at.astimezone(tz).date(), DatePrecision.DAY
    return MeetingData(
        title=data["title"],
        date=date,
        date_precision=precision,
        date_note=meeting.date_note if meeting is not None else "",
        level=data["level"],
        starts_at=starts_at,
        ends_at=data.get("ends_at"),
        time_zone=data["time_zone"],
        place=data.get("place", ""),
        on_the_margins_of=data.get("on_the_margins_of", ""),
        is_online=data.get("is_online", False),
        online_url=data.get("online_url", ""),
        summary=data.get("summary", ""),
        is_confidential=data.get("is_confidential", False),
        agenda=lines(data.get("agenda")),
        decisions=lines(data.get("decisions")),
        participants=[
            ParticipantData(party=f.cleaned_data["party"], role=f.cleaned_data["role"])
            for f in participants.forms if f.cleaned_data.get("party") and f.cleaned_data["party"].key
        ],
        action_items=[
            ActionItemData(
                text=f.cleaned_data["text"].strip(), owner=f.cleaned_data["owner"], due_on=f.cleaned_data.get("due_on"),
                objective=f.cleaned_data.get("objective"), pk=f.cleaned_data.get("item"),
            )
            for f in action_items.forms if not f.is_blank
        ],
        documents=[
            DocumentData(title=f.cleaned_data["title"], url=f.cleaned_data.get("url") or "", file=f.cleaned_data.get("file"))
            for f in documents.forms if f.cleaned_data.get("title")
        ],
    )


# --- "Add a row" without script -------------------------------------------------------------
# formset.js adds a row in the page. Without script the same button posts the whole form; the
# view then shows it again, as typed, with one more empty row of that formset and no error
# messages (the person has not finished yet). Uploaded files cannot be kept across that round.

ADD_ROW = "add_row"


def row_requested(request) -> str | None:
    """The prefix of the formset whose "Add a row" button was pressed, if one was."""
    return request.POST.get(ADD_ROW) if request.method == "POST" else None


def typed_values(form: forms.Form) -> dict:
    """What a bound form was posted with, as the initial values of an unbound copy."""
    return {
        name: field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
        for name, field in form.fields.items() if not isinstance(field, forms.FileField)
    }


def with_one_more_row(formset_class, bound: forms.BaseFormSet, *, add: bool, **kwargs) -> forms.BaseFormSet:
    """An unbound copy of a posted formset holding its rows as typed, plus one empty row if `add`."""
    rows = [typed_values(form) for form in bound.forms]
    copy = formset_class(initial=rows, prefix=bound.prefix, **kwargs)
    copy.extra = 1 if add else 0
    return copy


class MembershipForm(DateBoundsFormMixin, forms.Form):
    """A member of a mechanism over time. Without `party_choices` (editing) the party is fixed."""

    party = PartyField(label=_("Member"), help_text=_("UN entities as they are today; the acronyms they had before are shown."))
    role = forms.ChoiceField(label=_("Role"), choices=PartyRole.choices, initial=PartyRole.MEMBER)
    since = forms.DateField(
        label=_("Member from"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")}, help_text=_("Leave empty if the source does not say."),
    )
    until = forms.DateField(
        label=_("Member until"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")}, help_text=_("The last day as a member; empty while it lasts."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, party_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if party_choices is None:
            del self.fields["party"]
        else:
            self.fields["party"].choices = party_choices

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("The end of a membership cannot be before its start."))
        return data

    def membership_data(self) -> MembershipData:
        data = self.cleaned_data
        return MembershipData(role=data["role"], since=data.get("since"), until=data.get("until"), note=data.get("note", ""))


class MembershipEndForm(DateBoundsFormMixin, forms.Form):
    until = forms.DateField(
        label=_("Last day as a member"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD."), "required": _("Give the last day of the membership.")},
    )


class ActionItemStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ActionItemStatus.choices, initial=ActionItemStatus.DONE)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)

    def __init__(self, *args, allow_reopen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_reopen:
            self.fields["status"].choices = [c for c in ActionItemStatus.choices if c[0] != ActionItemStatus.OPEN]


class IndividualisedApproachRequestForm(DateBoundsFormMixin, forms.Form):
    state = StateChoiceField(label=_("Requesting State Party"), queryset=State.objects.all())
    preferred_date = forms.DateField(
        label=_("Preferred date"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    report_for = forms.ChoiceField(label=_("Report to be presented at"), choices=ReportVenue.choices)
    place = forms.CharField(label=_("Place"), max_length=255, required=False)
    challenges = forms.CharField(
        label=_("Challenges to discuss"), widget=forms.Textarea, required=False,
        help_text=_("What the State wishes to present: current status of implementation and challenges to meeting 2025."),
    )

    def __init__(self, *args, fixed_state=None, **kwargs):
        super().__init__(*args, **kwargs)
        if fixed_state is not None:
            self.fields["state"].queryset = State.objects.filter(pk=fixed_state.pk)
            self.fields["state"].initial = fixed_state.pk


class IndividualisedParticipantForm(forms.Form):
    party = PartyField(label=_("Participant"), required=False)
    capacity = forms.ChoiceField(label=_("Capacity"), choices=ParticipantCapacity.choices)

    def __init__(self, *args, party_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = party_choices or []


class CapabilityForm(forms.Form):
    entity = forms.ModelChoiceField(label=_("UN entity"), queryset=Entity.objects.all())
    kind = forms.ChoiceField(label=_("Kind"), choices=CapabilityKind.choices)
    title = forms.CharField(label=_("Capability"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)


class SurveySendForm(forms.Form):
    entities = IdsMultipleChoiceField(
        label=_("Send to these UN entities"), queryset=Entity.objects.filter(is_active=True),
        widget=forms.CheckboxSelectMultiple,
    )


def survey_answer_form(survey, questions, *, data=None, initial=None) -> forms.Form:
    """A form built from the survey's questions, one field per question (`q<id>`)."""
    fields = {}
    for question in questions:
        name = f"q{question.pk}"
        common = {"label": question.text, "required": question.required}
        choices = [(c, c) for c in question.choices]
        if question.kind == QuestionKind.CHOICE:
            fields[name] = forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        elif question.kind == QuestionKind.MULTIPLE:
            fields[name] = forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)
        elif question.kind == QuestionKind.SCALE:
            fields[name] = forms.IntegerField(min_value=question.scale_min, max_value=question.scale_max, **common)
        else:
            fields[name] = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000, **common)
    form_class = type("SurveyAnswerForm", (forms.Form,), fields)
    return form_class(data=data, initial=initial)
