"""Each app owns who may see its records: a `visible_to(actor)` queryset method on its own
models, applied once, with the actor resolved once per request (docs/architecture.md, "Who may
see what")."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entities.access import Actor
from entities.models import Role

ROOT = Path(__file__).resolve().parents[2]

# The models whose records are not all public to everyone (or were once decided outside their app).
MODELS = [
    "letters.Letter", "letters.ReportSubmission", "recommendations.Recommendation",
    "recommendations.SuggestedAction", "entities.FocalPoint", "partnerships.Entry", "partnerships.Match",
    "partnerships.Challenge", "taskforce.Meeting", "taskforce.ActionItem", "taskforce.Survey",
]


@pytest.mark.parametrize("label", MODELS)
def test_every_model_with_a_rule_answers_visible_to(db, label):
    model = apps.get_model(label)
    anonymous = Actor(user_id=None, role=None)
    staff = Actor(user_id=1, role=Role.ISU_STAFF)
    assert list(model.objects.visible_to(staff)) == list(model.objects.all())
    # A query, not a list: what the actor may see is narrowed in the database.
    assert model.objects.visible_to(anonymous).query is not None


@pytest.mark.parametrize("app", ["partnerships", "taskforce", "recommendations", "letters"])
def test_the_rules_of_an_app_live_in_that_app(app):
    assert importlib.import_module(f"{app}.access").__name__ == f"{app}.access"
    assert not (ROOT / "entities" / "access" / f"{app}.py").exists()


def test_a_page_resolves_who_is_acting_once(client_for):
    client = client_for("state_a")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("partnerships:index")).status_code == 200
    role_reads = [q for q in queries.captured_queries if 'FROM "entities_userrole"' in q["sql"]]
    assert len(role_reads) == 1


def test_an_api_request_resolves_who_is_acting_once(client_for):
    client = client_for("state_a")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("need-list")).status_code == 200
    role_reads = [q for q in queries.captured_queries if 'FROM "entities_userrole"' in q["sql"]]
    assert len(role_reads) == 1
