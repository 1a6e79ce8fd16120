"""The `served_app` fixture, shared by the browser journeys and the API fuzzing (each suite's
conftest imports it, so each gets its own server and database)."""

import pytest

from . import server


@pytest.fixture(scope="session")
def served_app():
    app = server.prepare()
    try:
        server.serve(app)
        yield app
    finally:
        server.cleanup(app)
