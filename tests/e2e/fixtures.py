"""The `served_app` fixture, shared by the browser journeys and the API fuzzing (each suite's
conftest imports it, so each gets its own server and database).

With SERVED_APP=<state file> the tests use a server kept running by
`python -m tests.e2e.server <state file>` instead (for working on a journey)."""

import os

import pytest

from . import server


@pytest.fixture(scope="session")
def served_app():
    if os.environ.get("SERVED_APP"):
        yield server.attach(os.environ["SERVED_APP"])
        return
    app = server.prepare()
    try:
        server.serve(app)
        yield app
    finally:
        server.cleanup(app)
