from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from config.services import Conflict, NotAllowed
from entities.access import Actor
from entities.models import State
from partnerships.access import can_change_challenge, can_record_challenge

from ..models import Challenge
from .entries import ENTRY_CHANGED, _submitting_state

FIELDS = ("obligation", "description", "nature", "source", "consent_to_share")


@transaction.atomic
def challenge_record(*, actor: Actor, user, data: dict[str, Any], state: State | None = None) -> Challenge:
    if not can_record_challenge(actor):
        raise NotAllowed(_("Only focal points of States Parties and the secretariat record challenges."))
    challenge = Challenge(state=_submitting_state(actor, state), recorded_by=user)
    for field in FIELDS:
        if field in data:
            setattr(challenge, field, data[field])
    challenge.full_clean()
    challenge._history_user = user
    challenge.save()
    return challenge


@transaction.atomic
def challenge_update(*, actor: Actor, user, challenge: Challenge, data: dict[str, Any], expected_version: int | None) -> Challenge:
    if not can_change_challenge(actor, challenge):
        raise NotAllowed(_("You may only change your own State's challenges."))
    current = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if expected_version is not None and current.version != expected_version:
        raise Conflict(ENTRY_CHANGED)
    for field in FIELDS:
        if field in data:
            setattr(current, field, data[field])
    current.full_clean()
    current.version += 1
    current._history_user = user
    current.save()
    return current
