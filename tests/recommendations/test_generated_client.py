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

from recommendations.services import status_update_post

GENERATOR = shutil.which("openapi-python-client") or str(Path(sys.executable).with_name("openapi-python-client"))

pytestmark = [
    pytest.mark.skipif(not Path(GENERATOR).exists(), reason="openapi-python-client is not installed"),
    pytest.mark.django_db(transaction=True),
]


def test_a_generated_client_lists_recommendations_and_reads_their_status(live_server, annex, api_token, isu_staff, tmp_path):
    status_update_post(action=annex["studies"], user=isu_staff, status="completed")
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
