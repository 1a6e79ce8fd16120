"""Status updates: who may post one, posting it, and the recommendation's status that follows."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from config.services import NotAllowed
from entities.access import Actor
from entities.models import Entity
from recommendations.access import can_update_action

from ..models import ActionStatus, Recommendation, StatusUpdate, SuggestedAction, derive_status

__all__ = ["recommendation_refresh_status", "status_update_check", "status_update_post"]


def status_update_check(*, action: SuggestedAction, actor: Actor) -> None:
    """Refuses an actor who may not post on this action. The API asks before it reads the
    body, so another entity's action is a 403 whatever the body holds, as in the browser,
    where the form is not even shown on another entity's action."""
    if not can_update_action(actor, action):
        raise NotAllowed(_("You may not update the status of this action."))


@transaction.atomic
def status_update_post(
    *,
    action: SuggestedAction,
    actor: Actor,
    user,
    status: str,
    date: dt.date | None = None,
    note: str = "",
    evidence_url: str = "",
    on_behalf_of: Entity | None = None,
    is_demo: bool = False,
) -> StatusUpdate:
    """Records a status update in the action's history and moves the action's status.

    The action takes the status of its latest update by date (a back-dated update enters the
    history without overriding a newer one). A focal point always posts on behalf of its own
    entity; ISU staff may name one of the action's entities or none.
    """
    action = SuggestedAction.objects.select_for_update().get(pk=action.pk)
    status_update_check(action=action, actor=actor)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Unknown status %(status)s.") % {"status": status}})
    today = timezone.localdate()
    date = date or today
    if date > today:
        raise ValidationError({"date": _("The date of a status update cannot be in the future.")})
    if actor.is_entity_focal_point:
        on_behalf_of = Entity.objects.get(pk=actor.entity_id)
    elif on_behalf_of is not None and not action.implementing_entities.filter(pk=on_behalf_of.pk).exists():
        raise ValidationError({"on_behalf_of": _("The entity must be one the action names.")})
    update = StatusUpdate.objects.create(
        action=action, status=status, date=date, note=note, evidence_url=evidence_url,
        author=user, on_behalf_of=on_behalf_of, is_demo=is_demo,
    )
    if is_demo:
        # Part of the demo data set: shown in the history, badged, never the action's status.
        return update
    latest = action.status_updates.filter(is_demo=False).order_by("-date", "-created_at", "-id").first()
    action.status = latest.status
    action.last_status_update_at = timezone.now()
    action.save(update_fields=["status", "last_status_update_at", "updated_at"])
    recommendation_refresh_status(recommendation=action.recommendation)
    return update


def recommendation_refresh_status(*, recommendation: Recommendation) -> Recommendation:
    """Derives the status from the actions and moves `updated_at`, so incremental pulls and
    ETags see that something under the recommendation changed."""
    statuses = list(recommendation.actions.values_list("status", flat=True))
    recommendation.status = derive_status(statuses)
    recommendation.save(update_fields=["status", "updated_at"])
    return recommendation
