"""Recording a meeting with its participants, agenda, decisions, documents and action items."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from entities.access import actor_for
from entities.access.taskforce import can_record_meeting
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
def meeting_record(*, mechanism: Mechanism, data: MeetingData, user) -> Meeting:
    """Creates a meeting and everything recorded with it, all or nothing (ISU staff only)."""
    if not can_record_meeting(actor_for(user)):
        raise PermissionDenied
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
