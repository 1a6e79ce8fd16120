"""The "individualised approach" meeting (annex of the Committee's 2016 conclusions).

A State Party requests it; the Committee on the Enhancement of Cooperation and Assistance
facilitates. Participants take the annex's capacities and roles: the requesting State chairs,
the Convention's President co-chairs, the ISU is secretary, the Committee facilitates, then
other committees, States in a position to assist, international and regional organisations,
civil society and operators. The process is a checklist of the annex's six steps; the report
is produced from the meeting's record (see taskforce/views/individualised_report.py).
Meetings are confidential.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.services import NotAllowed
from entities.access import Actor
from entities.models import Organisation
from taskforce.access import can_record_meeting, can_request_individualised_approach
from taskforce.models import (
    DatePrecision,
    Mechanism,
    Meeting,
    MeetingKind,
    MeetingLevel,
    MeetingStatus,
    Participant,
    ParticipantCapacity,
    ParticipantRole,
    ProcessCheck,
    ProcessStep,
)

COMMITTEE_SLUG = "committee-cooperation-assistance"
C = ParticipantCapacity
# The annex's order of participants, and the role each capacity takes.
CAPACITY_ROLES = {
    C.REQUESTING_STATE: ParticipantRole.CHAIR,
    C.PRESIDENT: ParticipantRole.CO_CHAIR,
    C.ISU: ParticipantRole.SECRETARY,
    C.COMMITTEE: ParticipantRole.FACILITATOR,
    C.OTHER_COMMITTEE: ParticipantRole.PARTICIPANT,
    C.ASSISTING_STATE: ParticipantRole.PARTICIPANT,
    C.ORGANISATION: ParticipantRole.PARTICIPANT,
    C.CIVIL_SOCIETY: ParticipantRole.PARTICIPANT,
    C.OPERATOR: ParticipantRole.PARTICIPANT,
}
CAPACITY_ORDER = {capacity: i for i, capacity in enumerate(CAPACITY_ROLES)}


def committee() -> Mechanism:
    found = Mechanism.objects.filter(slug=COMMITTEE_SLUG).first()
    if found is None:
        raise ValidationError(_("The Committee on the Enhancement of Cooperation and Assistance is not recorded; load the seed data."))
    return found


@transaction.atomic
def individualised_approach_request(
    *, state, preferred_date: dt.date, report_for: str, place: str = "", challenges: str = "", actor: Actor, user,
) -> Meeting:
    if not can_request_individualised_approach(actor) or (actor.is_state_focal_point and actor.state_id != state.pk):
        raise NotAllowed
    mechanism = committee()
    meeting = Meeting.objects.create(
        mechanism=mechanism,
        title=_("Individualised approach: %(state)s") % {"state": state.name},
        kind=MeetingKind.INDIVIDUALISED_APPROACH,
        status=MeetingStatus.REQUESTED,
        date=preferred_date,
        date_precision=DatePrecision.DAY,
        level=MeetingLevel.INFORMAL,
        place=place,
        summary=challenges,
        is_confidential=True,
        requested_by=state,
        requested_on=timezone.localdate(),
        report_for=report_for,
    )
    Participant.objects.create(meeting=meeting, state=state, role=ParticipantRole.CHAIR, capacity=C.REQUESTING_STATE)
    isu = Organisation.objects.filter(acronym="ISU").first()
    if isu is not None:
        Participant.objects.create(meeting=meeting, organisation=isu, role=ParticipantRole.SECRETARY, capacity=C.ISU)
    for membership in mechanism.memberships.filter(state__isnull=False, until__isnull=True).exclude(state=state):
        Participant.objects.create(meeting=meeting, state=membership.state, role=ParticipantRole.FACILITATOR, capacity=C.COMMITTEE)
    ProcessCheck.objects.bulk_create(
        ProcessCheck(meeting=meeting, step=step, order=i) for i, step in enumerate(ProcessStep.values, 1)
    )
    return meeting


@transaction.atomic
def individualised_approach_update(
    *, meeting: Meeting, status: str, checks: dict[str, tuple[bool, str]], new_participants: list, actor: Actor, user,
) -> Meeting:
    """Staff tick process steps, move the status on and add participants in their capacities."""
    if not can_record_meeting(actor):
        raise NotAllowed
    if meeting.kind != MeetingKind.INDIVIDUALISED_APPROACH:
        raise ValidationError(_("This is not an individualised-approach meeting."))
    if status not in MeetingStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    present = {(p.party_kind, p.entity_id or p.state_id or p.organisation_id) for p in meeting.participants.all()}
    errors = []
    for party, capacity in new_participants:
        if party.key in present:
            errors.append(_("%(party)s is already a participant.") % {"party": party.entity or party.state or party.organisation})
        present.add(party.key)
    if errors:
        raise ValidationError({"participants": errors})
    for party, capacity in new_participants:
        Participant.objects.create(meeting=meeting, role=CAPACITY_ROLES[capacity], capacity=capacity, **party.as_fields())
    for check in meeting.process_checks.all():
        if check.step in checks:
            done, note = checks[check.step]
            if (check.done, check.note) != (done, note):
                check.done, check.note = done, note
                check.save(update_fields=["done", "note"])
    if meeting.status != status:
        meeting.status = status
        meeting.save(update_fields=["status", "updated_at"])
    return meeting

