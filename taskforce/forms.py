"""Forms of the task-force pages. Rules live in services; forms check shapes and name fields."""

from __future__ import annotations

import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.dates import DateBoundsFormMixin
from config.forms import IdsMultipleChoiceField
from entities.models import Entity, Organisation, State

from .models import (
    ActionItemStatus,
    CapabilityKind,
    MeetingLevel,
    Objective,
    ParticipantCapacity,
    ParticipantRole,
    QuestionKind,
    ReportVenue,
)
from .models.meetings import time_zone_choices
from .services.meetings import (
    ActionItemData,
    DocumentData,
    MeetingData,
    ParticipantData,
    PartyChoice,
)


def party_choices(*, organisations: bool = True) -> list:
    """Grouped choices "entity:12", "state:34", "organisation:5": three queries."""
    groups = [
        (_("UN entities"), [(f"entity:{pk}", f"{acronym} — {name}") for pk, acronym, name in Entity.objects.values_list("pk", "acronym", "name")]),
        (_("States"), sorted(((f"state:{s.pk}", s.name) for s in State.objects.only("pk", "code")), key=lambda c: c[1])),
    ]
    if organisations:
        groups.append((_("Organisations"), [(f"organisation:{o.pk}", str(o)) for o in Organisation.objects.only("pk", "name", "acronym")]))
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
    time_zone = forms.ChoiceField(label=_("Time zone"), initial="UTC")
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].choices = time_zone_choices()

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

    def __init__(self, *args, party_choices=None, mechanism=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = party_choices or []
        if mechanism is not None:
            self.fields["objective"].queryset = mechanism.objectives.all()

    def clean(self):
        data = super().clean()
        text = (data.get("text") or "").strip()
        owner = data.get("owner")
        has_owner = owner is not None and owner.key is not None
        if text and not has_owner and "owner" not in self.errors:
            self.add_error("owner", _("Every action item needs an owner."))
        if (has_owner or data.get("due_on")) and not text:
            self.add_error("text", _("Say what is to be done."))
        return data

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("text") or "").strip() and not (data.get("owner") and data["owner"].key)


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


def meeting_data_from(form: MeetingForm, participants, action_items, documents) -> MeetingData:
    data = form.cleaned_data
    starts_at = data["starts_at"]
    tz = zoneinfo.ZoneInfo(data["time_zone"])
    return MeetingData(
        title=data["title"],
        date=starts_at.astimezone(tz).date(),
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
                objective=f.cleaned_data.get("objective"),
            )
            for f in action_items.forms if not f.is_blank
        ],
        documents=[
            DocumentData(title=f.cleaned_data["title"], url=f.cleaned_data.get("url") or "", file=f.cleaned_data.get("file"))
            for f in documents.forms if f.cleaned_data.get("title")
        ],
    )


class ActionItemStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ActionItemStatus.choices, initial=ActionItemStatus.DONE)
    note = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000)

    def __init__(self, *args, allow_reopen: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_reopen:
            self.fields["status"].choices = [c for c in ActionItemStatus.choices if c[0] != ActionItemStatus.OPEN]


class IndividualisedApproachRequestForm(DateBoundsFormMixin, forms.Form):
    state = forms.ModelChoiceField(label=_("Requesting State Party"), queryset=State.objects.all())
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
