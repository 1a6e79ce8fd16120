"""Who sits in a mechanism, and since when: staff add members, date them, change their role and
end their membership. Each change is a history row of the membership (django-simple-history).

Rules, whoever calls (page, API, task):
- only ISU staff;
- a new member is a UN entity that exists today (not DPKO, which became DPO), a State or an
  organisation;
- "until" is not before "from", both within the product's date bounds (config/dates.py);
- one party holds at most one membership of a mechanism at a time: two periods of the same
  party may follow each other but not overlap (an open end runs forever).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from config.dates import DateBoundsValidator
from config.services import NotAllowed
from entities.access import Actor
from taskforce.access import can_record_meeting
from taskforce.models import Mechanism, Membership, PartyRole

from .meetings import PartyChoice

__all__ = ["MembershipData", "membership_add", "membership_end", "membership_update"]


@dataclass
class MembershipData:
    role: str = PartyRole.MEMBER
    since: dt.date | None = None
    until: dt.date | None = None
    note: str = ""


def _require_staff(actor: Actor) -> None:
    # Maintaining a mechanism's records is the secretariat's job, like recording its meetings.
    if not can_record_meeting(actor):
        raise NotAllowed(_("Only ISU staff change the members of a mechanism."))


def _check_dates(data: MembershipData) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for name in ("since", "until"):
        try:
            DateBoundsValidator()(getattr(data, name))
        except ValidationError as error:
            errors.setdefault(name, []).extend(error.messages)
    if data.since and data.until and data.until < data.since:
        errors.setdefault("until", []).append(_("The end of a membership cannot be before its start."))
    if data.role not in PartyRole.values:
        errors.setdefault("role", []).append(_("Choose a role from the list."))
    return errors


def _overlapping(*, mechanism: Mechanism, party: dict, data: MembershipData, exclude: int | None) -> Membership | None:
    """The first other membership of the same party whose period meets this one."""
    others = Membership.objects.filter(mechanism=mechanism, **party).exclude(pk=exclude).order_by("since", "pk")
    for other in others:
        starts_before_other_ends = other.until is None or data.since is None or data.since <= other.until
        other_starts_before_this_ends = data.until is None or other.since is None or other.since <= data.until
        if starts_before_other_ends and other_starts_before_this_ends:
            return other
    return None


def _period(membership: Membership) -> str:
    since = formats.date_format(membership.since) if membership.since else _("an unknown date")
    if membership.until:
        return _("from %(since)s until %(until)s") % {"since": since, "until": formats.date_format(membership.until)}
    return _("from %(since)s, with no end") % {"since": since}


def _validate(*, mechanism: Mechanism, party: dict, data: MembershipData, exclude: int | None = None) -> None:
    errors = _check_dates(data)
    if not errors:
        other = _overlapping(mechanism=mechanism, party=party, data=data, exclude=exclude)
        if other is not None:
            errors["since"] = [_(
                "%(party)s is already a member of %(mechanism)s %(period)s; the two periods may not overlap."
            ) % {"party": other.party, "mechanism": mechanism.short, "period": _period(other)}]
    if errors:
        raise ValidationError(errors)


def _save(membership: Membership, user) -> Membership:
    membership.full_clean()
    membership._history_user = user
    membership.save()
    return membership


@transaction.atomic
def membership_add(*, mechanism: Mechanism, party: PartyChoice, data: MembershipData, actor: Actor, user) -> Membership:
    _require_staff(actor)
    if party.key is None:
        raise ValidationError({"party": _("Choose a UN entity, a State or an organisation.")})
    if party.entity is not None and not party.entity.is_active:
        raise ValidationError({"party": _("%(entity)s no longer exists; add the entity it became.") % {"entity": party.entity}})
    # Serialises concurrent additions to one mechanism, so the overlap check sees the other.
    Mechanism.objects.select_for_update().filter(pk=mechanism.pk).first()
    _validate(mechanism=mechanism, party=party.as_fields(), data=data)
    membership = Membership(
        mechanism=mechanism, role=data.role, since=data.since, until=data.until, note=data.note.strip(), **party.as_fields()
    )
    return _save(membership, user)


@transaction.atomic
def membership_update(*, membership: Membership, data: MembershipData, actor: Actor, user) -> Membership:
    """Changes the role, the dates and the note; the party stays (another party is another membership)."""
    _require_staff(actor)
    Mechanism.objects.select_for_update().filter(pk=membership.mechanism_id).first()
    current = Membership.objects.select_related("mechanism").get(pk=membership.pk)
    party = {"entity": current.entity, "state": current.state, "organisation": current.organisation}
    _validate(mechanism=current.mechanism, party=party, data=data, exclude=current.pk)
    current.role, current.since, current.until, current.note = data.role, data.since, data.until, data.note.strip()
    return _save(current, user)


@transaction.atomic
def membership_end(*, membership: Membership, until: dt.date | None, actor: Actor, user) -> Membership:
    """Ends a membership on `until` (its last day as a member)."""
    _require_staff(actor)
    if until is None:
        raise ValidationError({"until": _("Give the last day of the membership.")})
    current = Membership.objects.get(pk=membership.pk)
    if current.until is not None:
        raise ValidationError({"until": _("This membership already ended on %(date)s.") % {"date": formats.date_format(current.until)}})
    data = MembershipData(role=current.role, since=current.since, until=until, note=current.note)
    return membership_update(membership=current, data=data, actor=actor, user=user)
