from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.services import Conflict, NotAllowed
from entities.access import Actor
from entities.models import State
from partnerships.access import can_change_entry, can_submit_entry, is_state_party

from ..choices import EntryStatus, Side
from ..models import Entry
from ..tasks import find_strong_matches

EDITABLE_FIELDS = (
    "kind", "area", "title", "description", "amount", "currency", "period_start", "period_end",
    "geographic_focus", "target_state", "target_region", "visibility", "status",
)


# The entry changed since the form was opened (or the API client read its `version`).
ENTRY_CHANGED = _("Someone else changed this entry while you were editing it. Nothing was saved: "
                  "reload the page to see their changes, then make yours again.")


def _queue_strong_matches(entry: Entry) -> None:
    find_strong_matches.delay_on_commit(entry.pk)


def _submitting_state(actor: Actor, state: State | None) -> State:
    if actor.is_isu_staff:
        if state is None:
            raise ValidationError({"state": _("Choose the State this entry is for.")})
        if not is_state_party(state.pk):
            raise ValidationError({"state": _("%(state)s is not a State Party.") % {"state": state}})
        return state
    if state is not None and state.pk != actor.state_id:
        raise ValidationError({"state": _("You may only submit entries for your own State.")})
    return State.objects.get(pk=actor.state_id)


@transaction.atomic
def entry_submit(*, actor: Actor, user, side: str, data: dict[str, Any], state: State | None = None) -> Entry:
    if not can_submit_entry(actor):
        raise NotAllowed(_("Only focal points of States Parties may submit needs and offers."))
    if side not in Side.values:
        raise ValidationError({"side": _("Choose need or offer.")})
    entry = Entry(side=side, state=_submitting_state(actor, state), submitted_by=user, confirmed_at=timezone.now())
    for field in EDITABLE_FIELDS:
        if field in data and field != "status":
            setattr(entry, field, data[field])
    if side == Side.NEED:
        entry.target_state, entry.target_region = None, ""
    entry.full_clean()
    entry._history_user = user
    entry.save()
    _queue_strong_matches(entry)
    return entry


@transaction.atomic
def entry_update(*, actor: Actor, user, entry: Entry, data: dict[str, Any], expected_version: int | None) -> Entry:
    """Saves the changes; an update also confirms that the entry is current."""
    if not can_change_entry(actor, entry):
        raise NotAllowed(_("You may only change your own State's entries."))
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    if expected_version is not None and current.version != expected_version:
        raise Conflict(ENTRY_CHANGED)
    if data.get("status") == EntryStatus.WITHDRAWN and current.status != EntryStatus.WITHDRAWN:
        raise ValidationError({"status": _("Use “Withdraw” to withdraw an entry.")})
    for field in EDITABLE_FIELDS:
        if field in data:
            setattr(current, field, data[field])
    if current.side == Side.NEED:
        current.target_state, current.target_region = None, ""
    current.full_clean()
    current.version += 1
    current.confirmed_at = timezone.now()
    current.stale_request_sent_at = None
    current._history_user = user
    current.save()
    _queue_strong_matches(current)
    return current


@transaction.atomic
def entry_confirm(*, actor: Actor, user, entry: Entry) -> Entry:
    """The State says the entry is still current: it is no longer stale."""
    if not can_change_entry(actor, entry):
        raise NotAllowed(_("You may only change your own State's entries."))
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    if current.status == EntryStatus.WITHDRAWN:
        raise ValidationError(_("A withdrawn entry cannot be confirmed."))
    current.confirmed_at = timezone.now()
    current.stale_request_sent_at = None
    current.version += 1
    current._history_user = user
    current.save(update_fields=["confirmed_at", "stale_request_sent_at", "version", "updated_at"])
    return current


@transaction.atomic
def entry_withdraw(*, actor: Actor, user, entry: Entry) -> Entry:
    """Withdrawn entries stay in the record (and in the history); they are no longer matched."""
    if not can_change_entry(actor, entry):
        raise NotAllowed(_("You may only change your own State's entries."))
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    if current.status == EntryStatus.WITHDRAWN:
        return current
    current.status = EntryStatus.WITHDRAWN
    current.version += 1
    current._history_user = user
    current.save(update_fields=["status", "version", "updated_at"])
    current.suggestions_as_need.all().delete()
    current.suggestions_as_offer.all().delete()
    return current
