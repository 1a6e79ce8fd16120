from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from config.services import NotAllowed
from entities.access import Actor
from partnerships.access import can_give_feedback

from ..models import Feedback


@transaction.atomic
def feedback_give(*, actor: Actor, user, data: dict[str, Any]) -> Feedback:
    if not can_give_feedback(actor):
        raise NotAllowed(_("Feedback comes from focal points of States."))
    feedback = Feedback(
        state_id=actor.state_id, user=user, usefulness=data.get("usefulness"),
        what_works=data.get("what_works", ""), what_to_improve=data.get("what_to_improve", ""),
    )
    feedback.full_clean()
    feedback.save()
    return feedback
