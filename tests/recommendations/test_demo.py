"""The demo loader: labelled status updates through the normal service, loaded once."""

import io

from entities.models import Role
from recommendations.demo import load
from recommendations.models import StatusUpdate
from tests.conftest import make_user


def test_demo_status_updates_are_labelled_and_loaded_once(annex, entity):
    make_user("unmas", Role.ENTITY_FOCAL_POINT, entity=entity)
    make_user("isu", Role.ISU_STAFF)
    load(stdout=io.StringIO())
    load(stdout=io.StringIO())
    updates = StatusUpdate.objects.all()
    assert updates.count() == 2  # the briefing (UNMAS) and the UNIDIR study of the test annex
    assert all(update.note.startswith("[Demo]") for update in updates)
