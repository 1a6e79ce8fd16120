"""Recording a meeting with its participants, agenda, decisions, documents and action items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from config.services import Conflict, NotAllowed
from entities.access import Actor
from taskforce.access import can_record_meeting
from taskforce.models import (
    ActionItem,
    AgendaItem,
    DatePrecision,
    Decision,
    Mechanism,
    Meeting,
    MeetingDocument,
    Participant,
)

MEETING_FIELDS = (
    "title", "date", "date_precision", "date_note", "starts_at", "ends_at", "time_zone", "level", "place",
    "on_the_margins_of", "is_online", "online_url", "summary", "is_confidential",
)


# The meeting changed since the form was opened: nothing is overwritten.
MEETING_CHANGED = _("Someone else changed this meeting while you were editing it. Nothing was saved: "
                    "reload the page to see their changes, then make yours again.")


@dataclass
class PartyChoice:
    """A participant or an owner: exactly one of entity, state, organisation."""

    entity: object | None = None
    state: object | None = None
    organisation: object | None = None

    @property
    def key(self) -> tuple[str, int] | None:
        for kind in ("entity", "state", "organisation"):
            value = getattr(self, kind)
            if value is not None:
                return kind, value.pk
        return None

    def as_fields(self) -> dict:
        return {"entity": self.entity, "state": self.state, "organisation": self.organisation}


@dataclass
class ParticipantData:
    party: PartyChoice
    role: str
    capacity: str = ""
    note: str = ""


@dataclass
class ActionItemData:
    text: str
    owner: PartyChoice
    due_on: dt.date | None = None
    objective: object | None = None
    pk: int | None = None  # set when the item was recorded before (editing a meeting)


@dataclass
class DocumentData:
    title: str
    url: str = ""
    file: object | None = None


@dataclass
class MeetingData:
    title: str
    date: dt.date
    level: str
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    time_zone: str = "UTC"
    date_precision: str = DatePrecision.DAY
    date_note: str = ""
    place: str = ""
    on_the_margins_of: str = ""
    is_online: bool = False
    online_url: str = ""
    summary: str = ""
    is_confidential: bool = False
    agenda: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    participants: list[ParticipantData] = field(default_factory=list)
    action_items: list[ActionItemData] = field(default_factory=list)
    documents: list[DocumentData] = field(default_factory=list)


def meeting_validate(data: MeetingData) -> None:
    """The rules a form or the API may not skip; raises ValidationError naming the field."""
    errors: dict[str, list[str]] = {}
    if data.starts_at and data.ends_at and data.ends_at < data.starts_at:
        errors.setdefault("ends_at", []).append(_("The meeting cannot end before it starts."))
    seen: set = set()
    for participant in data.participants:
        key = participant.party.key
        if key is None:
            errors.setdefault("participants", []).append(_("Choose a UN entity, a State or an organisation for each participant."))
        elif key in seen:
            errors.setdefault("participants", []).append(
                _("%(party)s is listed twice as a participant.") % {"party": participant.party.entity or participant.party.state or participant.party.organisation}
            )
        seen.add(key)
    for item in data.action_items:
        if item.owner.key is None:
            errors.setdefault("action_items", []).append(_("Every action item needs an owner."))
        if not item.text.strip():
            errors.setdefault("action_items", []).append(_("Every action item needs a text."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_record(*, mechanism: Mechanism, data: MeetingData, actor: Actor, user) -> Meeting:
    """Creates a meeting and everything recorded with it, all or nothing (ISU staff only)."""
    if not can_record_meeting(actor):
        raise NotAllowed
    meeting_validate(data)
    meeting = Meeting(
        mechanism=mechanism,
        title=data.title,
        date=data.date,
        date_precision=data.date_precision,
        date_note=data.date_note,
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        time_zone=data.time_zone,
        level=data.level,
        place=data.place,
        on_the_margins_of=data.on_the_margins_of,
        is_online=data.is_online,
        online_url=data.online_url,
        summary=data.summary,
        is_confidential=data.is_confidential,
    )
    meeting.full_clean()
    meeting.save()
    AgendaItem.objects.bulk_create(AgendaItem(meeting=meeting, order=i, title=t) for i, t in enumerate(data.agenda, 1))
    Decision.objects.bulk_create(Decision(meeting=meeting, order=i, text=t) for i, t in enumerate(data.decisions, 1))
    for participant in data.participants:
        Participant.objects.create(
            meeting=meeting, role=participant.role, capacity=participant.capacity, note=participant.note,
            **participant.party.as_fields(),
        )
    for item in data.action_items:
        ActionItem.objects.create(
            mechanism=mechanism, meeting=meeting, text=item.text, due_on=item.due_on, objective=item.objective,
            **item.owner.as_fields(),
        )
    for document in data.documents:
        MeetingDocument.objects.create(meeting=meeting, title=document.title, url=document.url, file=document.file or "")
    return meeting


def _sync_lines(queryset, model, field: str, texts: list[str], user, **parent) -> None:
    """Makes the numbered lines (agenda items, decisions) read `texts`, changing only what
    changed, so that the history shows which line was edited rather than everything anew."""
    existing = list(queryset.order_by("order", "pk"))
    for order, text in enumerate(texts, 1):
        row = existing[order - 1] if order <= len(existing) else model(order=order, **parent)
        if row.pk and getattr(row, field) == text and row.order == order:
            continue
        setattr(row, field, text)
        row.order = order
        row._history_user = user
        row.save()
    for row in existing[len(texts):]:
        row._history_user = user
        row.delete()


def _sync_participants(meeting: Meeting, participants: list[ParticipantData], user) -> None:
    """Keeps a party that stays (its capacity and note with it), changes its role if asked,
    removes those no longer listed and adds the new ones."""
    wanted = {p.party.key: p for p in participants}
    for participant in meeting.participants.all():
        key = (participant.party_kind, getattr(participant, f"{participant.party_kind}_id"))
        if key not in wanted:
            participant._history_user = user
            participant.delete()
            continue
        data = wanted.pop(key)
        if participant.role != data.role:
            participant.role = data.role
            participant._history_user = user
            participant.save()
    for data in wanted.values():
        participant = Participant(meeting=meeting, role=data.role, capacity=data.capacity, note=data.note, **data.party.as_fields())
        participant._history_user = user
        participant.save()


def _sync_action_items(meeting: Meeting, items: list[ActionItemData], user) -> None:
    """Changes the items recorded before and adds the new ones. An item is never removed here:
    it has a life of its own (its owner closes it, done or dropped, on its page)."""
    recorded = {item.pk: item for item in meeting.action_items.all()}
    for data in items:
        item = recorded.get(data.pk) if data.pk else None
        if data.pk and item is None:
            raise ValidationError({"action_items": _("An action item of this form no longer belongs to the meeting; reload the page.")})
        if item is None:
            item = ActionItem(mechanism=meeting.mechanism, meeting=meeting)
        fields = {"text": data.text, "due_on": data.due_on, "objective": data.objective, **data.owner.as_fields()}
        if item.pk and all(getattr(item, name) == value for name, value in fields.items()):
            continue
        for name, value in fields.items():
            setattr(item, name, value)
        item.full_clean()
        item._history_user = user
        item.save()


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, data: MeetingData, actor: Actor, user, expected_updated_at: dt.datetime | None = None,
) -> Meeting:
    """Changes a recorded meeting by the rules of recording it (ISU staff only), all or nothing.
    `expected_updated_at` is when the meeting was last changed as the editor saw it: if it was
    changed since, nothing is saved (Conflict)."""
    if not can_record_meeting(actor):
        raise NotAllowed
    meeting_validate(data)
    current = Meeting.objects.select_for_update().select_related("mechanism").get(pk=meeting.pk)
    if expected_updated_at is not None and current.updated_at != expected_updated_at:
        raise Conflict(MEETING_CHANGED)
    for name in MEETING_FIELDS:
        setattr(current, name, getattr(data, name))
    current.full_clean()
    current._history_user = user
    current.save()
    _sync_lines(current.agenda_items.all(), AgendaItem, "title", data.agenda, user, meeting=current)
    _sync_lines(current.decisions.all(), Decision, "text", data.decisions, user, meeting=current)
    _sync_participants(current, data.participants, user)
    _sync_action_items(current, data.action_items, user)
    for document in data.documents:
        added = MeetingDocument(meeting=current, title=document.title, url=document.url, file=document.file or "")
        added._history_user = user
        added.save()
    return current
