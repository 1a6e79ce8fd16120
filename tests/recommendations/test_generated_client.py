"""A client generated from the published OpenAPI schema by an off-the-shelf generator
(openapi-python-client) lists recommendations and reads their status from a live server."""

import importlib
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import requests

from entities.access import actor_for
from recommendations.services import status_update_post

GENERATOR = shutil.which("openapi-python-client") or str(Path(sys.executable).with_name("openapi-python-client"))

pytestmark = [
    pytest.mark.skipif(not Path(GENERATOR).exists(), reason="openapi-python-client is not installed"),
    pytest.mark.django_db(transaction=True),
]


def test_a_generated_client_lists_recommendations_and_reads_their_status(live_server, annex, api_token, isu_staff, tmp_path):
    status_update_post(action=annex["studies"], actor=actor_for(isu_staff), user=isu_staff, status="completed")
    schema = requests.get(
        f"{live_server.url}/api/v1/schema/", headers={"Authorization": f"Token {api_token.key}"}, timeout=30
    )
    assert schema.status_code == 200
    schema_file = tmp_path / "schema.yaml"
    schema_file.write_bytes(schema.content)
    package = f"tracker_client_{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [GENERATOR, "generate", "--path", str(schema_file), "--output-path", str(tmp_path / package), "--meta", "none"],
        check=True, capture_output=True, timeout=300,
    )
    sys.path.insert(0, str(tmp_path))
    try:
        client_module = importlib.import_module(package)
        listing = importlib.import_module(f"{package}.api.recommendations.recommendations_list")
        history = importlib.import_module(f"{package}.api.actions.actions_history_list")
        client = client_module.AuthenticatedClient(base_url=live_server.url, token=api_token.key, prefix="Token")
        page = listing.sync(client=client, page_size=10)
        statuses = {
            item.references[0].report: str(getattr(item.status, "value", item.status)) for item in page.results
        }
        assert statuses == {"S/2015/289": "not_started", "S/2008/258": "completed"}
        actions = [a for item in page.results for a in item.actions]
        assert {a.id: str(getattr(a.status, "value", a.status)) for a in actions}[annex["studies"].pk] == "completed"
        updates = history.sync(client=client, id=annex["studies"].pk)
        assert [str(getattr(u.status, "value", u.status)) for u in updates.results] == ["completed"]
    finally:
        sys.path.remove(str(tmp_path))


def _generate(live_server, token: str, tmp_path) -> str:
    """Generates a client from the schema the server publishes; returns its package name."""
    schema = requests.get(f"{live_server.url}/api/v1/schema/", headers={"Authorization": f"Token {token}"}, timeout=30)
    assert schema.status_code == 200
    schema_file = tmp_path / "schema.yaml"
    schema_file.write_bytes(schema.content)
    package = f"tracker_client_{uuid.uuid4().hex[:8]}"
    subprocess.run(
        [GENERATOR, "generate", "--path", str(schema_file), "--output-path", str(tmp_path / package), "--meta", "none"],
        check=True, capture_output=True, timeout=300,
    )
    return package


def test_a_generated_client_walks_the_root_pages_both_ways_and_writes_as_its_token_may(
    live_server, annex, api_token, entity_user, tmp_path,
):
    from urllib.parse import parse_qs, urlsplit

    from rest_framework.authtoken.models import Token

    from entities.models import State
    from recommendations.models import StatusUpdate
    from tests.factories import StateFactory

    for code in ("FR", "KE", "PE"):
        StateFactory(code=code)
    entity_token = Token.objects.create(user=entity_user)
    package = _generate(live_server, api_token.key, tmp_path)
    sys.path.insert(0, str(tmp_path))
    try:
        client_module = importlib.import_module(package)
        root = importlib.import_module(f"{package}.api.default.api_root")
        recommendations = importlib.import_module(f"{package}.api.recommendations.recommendations_list")
        states = importlib.import_module(f"{package}.api.states.states_list")
        post_update = importlib.import_module(f"{package}.api.actions.actions_status_updates_create")
        models = importlib.import_module(f"{package}.models")
        body_model, status = models.StatusUpdateCreateRequest, models.ActionStatusEnum
        reader = client_module.AuthenticatedClient(base_url=live_server.url, token=api_token.key, prefix="Token")
        entity = client_module.AuthenticatedClient(base_url=live_server.url, token=entity_token.key, prefix="Token")

        # The root names every resource and how it pages.
        resources = {resource.name: resource for resource in root.sync(client=reader).resources}
        assert str(getattr(resources["recommendations"].pagination, "value", resources["recommendations"].pagination)) == "cursor"
        assert str(getattr(resources["states"].pagination, "value", resources["states"].pagination)) == "page"
        assert {"declarations", "surveys", "capabilities", "glossary", "compliance"} <= resources.keys()

        # A cursor list: follow `next` one item at a time, no count.
        seen, cursor = [], None
        while True:
            page = recommendations.sync(client=reader, page_size=1, **({"cursor": cursor} if cursor else {}))
            seen.extend(item.id for item in page.results)
            if not page.next_:
                break
            cursor = parse_qs(urlsplit(page.next_).query)["cursor"][0]
        assert seen == [annex["first"].pk, annex["second"].pk]

        # A numbered list: pages with a count.
        first = states.sync(client=reader, page=1, page_size=2)
        second = states.sync(client=reader, page=2, page_size=2)
        assert first.count == State.objects.count() >= 3
        assert len(first.results) == 2 and first.next_ and second.previous
        assert not {s.code for s in first.results} & {s.code for s in second.results}

        # The entity's token posts a status update on its own action; the read-only token is refused.
        action_id = annex["briefing"].pk
        posted = post_update.sync_detailed(action_id=action_id, client=entity,
                                           body=body_model(status=status("in_progress"), note="Briefing planned."))
        assert posted.status_code == 201
        assert StatusUpdate.objects.filter(action_id=action_id, note="Briefing planned.").exists()
        refused = post_update.sync_detailed(action_id=action_id, client=reader, body=body_model(status=status("completed")))
        assert refused.status_code == 403
        assert StatusUpdate.objects.filter(action_id=action_id).count() == 1
    finally:
        sys.path.remove(str(tmp_path))
