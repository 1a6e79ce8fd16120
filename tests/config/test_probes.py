"""/healthz answers without touching the database; /readyz checks the database and Redis."""

import socket

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _unused_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_healthz_is_small_json_and_touches_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_a_signed_in_staff_member_too(staff_client):
    assert staff_client.get("/healthz").json() == {"status": "ok"}


def test_readyz_reports_the_database(settings):
    settings.REDIS_URL = None
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok"}}


def test_readyz_is_503_json_when_redis_is_unreachable(settings):
    settings.REDIS_URL = f"redis://127.0.0.1:{_unused_loopback_port()}/0"
    response = Client().get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["redis"].startswith("error: ")


@pytest.mark.redis
def test_readyz_reports_redis_when_configured():
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok"}


def test_probes_refuse_writes():
    assert Client().post("/healthz").status_code == 405
    assert Client().post("/readyz").status_code == 405
