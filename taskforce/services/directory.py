"""The capabilities directory ("UN toolbox") as kept by staff."""

from __future__ import annotations

from django.db import transaction

from config.services import NotAllowed
from entities.access import Actor
from taskforce.access import can_record_meeting
from taskforce.models import Capability, CapabilitySource


@transaction.atomic
def capability_add(*, entity, kind: str, title: str, description: str = "", actor: Actor, user, mechanism=None) -> Capability:
    if not can_record_meeting(actor):
        raise NotAllowed
    capability, _created = Capability.objects.update_or_create(
        entity=entity, kind=kind, title=title.strip(),
        defaults={"description": description.strip(), "source": CapabilitySource.STAFF, "mechanism": mechanism},
    )
    return capability
