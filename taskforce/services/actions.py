"""Action items: closing (done or dropped, with a note) and the status history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from config.services import NotAllowed
from entities.access import Actor
from taskforce.access import can_close_action_item
from taskforce.models import ActionItem, ActionItemStatus, ActionItemUpdate

__all__ = ["action_item_change_check", "action_item_set_status"]


def action_item_change_check(*, item: ActionItem, actor: Actor) -> None:
    """Refuses an actor who may not change this item. The API asks before it reads the body, so
    another owner's item is a 403 whatever the body holds, as on the item's page, where the
    form is not shown to others."""
    if not can_close_action_item(actor, item):
        raise NotAllowed(_("Only the owner's focal point or ISU staff may change this action item."))


@transaction.atomic
def action_item_set_status(*, item: ActionItem, status: str, note: str = "", actor: Actor, user) -> ActionItem:
    """Moves an item to `status`. Owners' focal points may close their own items (done or
    dropped with a note); ISU staff may also reopen. A no-op change is refused."""
    action_item_change_check(item=item, actor=actor)
    if status not in ActionItemStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    if status == ActionItemStatus.OPEN and not actor.is_isu_staff:
        raise ValidationError({"status": _("Only ISU staff may reopen an action item.")})
    locked = ActionItem.objects.select_for_update().get(pk=item.pk)
    if locked.status == status:
        raise ValidationError({"status": _("The action item is already %(status)s.") % {"status": locked.get_status_display()}})
    if status == ActionItemStatus.DROPPED and not note.strip():
        raise ValidationError({"note": _("Say why the action item is dropped.")})
    ActionItemUpdate.objects.create(action_item=locked, from_status=locked.status, to_status=status, note=note.strip(), by=user)
    locked.status = status
    locked.save(update_fields=["status", "updated_at"])
    return locked
