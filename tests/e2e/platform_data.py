"""Set-up in the served app's own Django, through the Platform's services: what a journey needs
to exist before it starts (another State's private entry to be refused)."""

from .server import ServedApp

_PRIVATE_ENTRY = """
from django.contrib.auth import get_user_model
from entities.access import actor_for
from partnerships.services.entries import entry_submit
user = get_user_model().objects.get(username={username!r})
entry = entry_submit(actor=actor_for(user), user=user, side="need", data={{
    "kind": "expertise", "area": "mine_clearance", "title": {title!r},
    "description": "Confidential: shared with the secretariat only.", "visibility": "secretariat",
}})
print(entry.pk)
"""


def private_need(app: ServedApp, *, username: str, title: str) -> int:
    """A need visible to its own State and the ISU only; returns its id."""
    return int(app.shell(_PRIVATE_ENTRY.format(username=username, title=title)).splitlines()[-1])
