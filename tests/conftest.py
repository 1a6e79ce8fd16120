"""One fixture per role: ISU staff, focal points of State A and State B, a UN entity focal
point, an API token and anonymous; `client_for(role)` gives a signed-in client for each."""

import os
from types import SimpleNamespace

import pytest
from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from entities.models import FocalPoint, Role, UserRole

from .factories import EntityFactory, StateFactory, UserFactory

ROLES = ["anonymous", "isu_staff", "state_a", "state_b", "entity_fp", "api_token"]


def pytest_configure(config):
    # Real hashing is deliberately slow; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each xdist worker its own keys in a shared cache (Redis in CI's second pass), so one
    # worker's test never changes what another's reads (the country-name corrections' version).
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.CACHES = {"default": {**settings.CACHES["default"], "KEY_PREFIX": f"tests-{worker}"}}


@pytest.fixture(autouse=True)
def _no_country_name_corrections_read():
    """Each test starts with no staff correction of a country name in memory and the cache
    agreeing with it, as a database with none read once: the memory is the process's, so
    without this a test's query count would depend on the test that ran before it."""
    from django.core.cache import cache

    from entities import country_corrections

    country_corrections.corrections_forget()
    country_corrections._memo = {"version": "tests", "table": {}}
    cache.set(country_corrections.VERSION_KEY, "tests", timeout=None)


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` or `redis` run where the service is configured. When
    REQUIRE_SERVICES is set (CI's second pass) a missing configuration is a failure."""
    required = os.environ.get("REQUIRE_SERVICES") == "1"
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    has_redis = bool(os.environ.get("REDIS_URL"))
    for item in items:
        for marker, available, variable in (
            ("postgres", on_postgres, "DATABASE_URL=postgres://..."),
            ("redis", has_redis, "REDIS_URL"),
        ):
            if item.get_closest_marker(marker) and not available:
                if required:
                    item.fixturenames.insert(0, "_service_missing")
                else:
                    item.add_marker(pytest.mark.skip(reason=f"needs {variable}"))


@pytest.fixture
def _service_missing():
    pytest.fail("a required service (PostgreSQL or Redis) is not configured in this run")


@pytest.fixture(autouse=True)
def _no_filter_rows_kept():
    """Each test starts with no cluster, report or addressee group kept by the filters: the
    memory is the process's, and each test's database has its own rows."""
    from recommendations.filters import ReferenceRowField

    ReferenceRowField.found.clear()


@pytest.fixture(autouse=True)
def _celery_mode(request):
    """Tasks (letters, invitations, notifications) are handed to Celery after commit. In-process
    (eager) for ordinary tests, even when REDIS_URL is set (CI's second pass), so nothing is left
    on the shared broker; the real-worker tests (marked `redis`) publish to Redis for their
    worker process."""
    from config.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = request.node.get_closest_marker("redis") is None
    yield
    app.conf.task_always_eager = before


def make_user(username: str, kind: str | None, *, state=None, entity=None, **contact):
    """A user with a role; a focal point also gets its contact record (FocalPoint), which is
    what binds it to `state` or `entity`. `contact` sets that record's name, e-mail, language..."""
    user = UserFactory(username=username)
    if kind:
        UserRole.objects.update_or_create(user=user, defaults={"kind": kind})
        user.is_staff = kind == Role.ISU_STAFF
        user.save(update_fields=["is_staff"])
    if state is not None or entity is not None:
        FocalPoint.objects.update_or_create(user=user, defaults={
            "name": username, "email": user.email, **contact, "state": state, "entity": entity,
        })
    return user


def sign_in(client, user):
    """Logs the client in, completing two-factor sign-in as a real staff member would."""
    client.force_login(user)
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="test", defaults={"confirmed": True})
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def state_a(db):
    return StateFactory(code="MX", region="Americas")


@pytest.fixture
def state_b(db):
    return StateFactory(code="UG", region="Africa")


@pytest.fixture
def entity(db):
    return EntityFactory(acronym="UNMAS", name="United Nations Mine Action Service")


@pytest.fixture
def other_entity(db):
    return EntityFactory(acronym="UNIDIR", name="United Nations Institute for Disarmament Research")


@pytest.fixture
def isu_staff(db):
    return make_user("isu", Role.ISU_STAFF)


@pytest.fixture
def state_a_user(db, state_a):
    return make_user(
        "focal-a", Role.STATE_FOCAL_POINT, state=state_a, name="Ana Focal", email="focal-a@example.org", language="es",
    )


@pytest.fixture
def state_b_user(db, state_b):
    return make_user(
        "focal-b", Role.STATE_FOCAL_POINT, state=state_b, name="Ben Focal", email="focal-b@example.org", language="en",
    )


@pytest.fixture
def entity_user(db, entity):
    return make_user(
        "focal-unmas", Role.ENTITY_FOCAL_POINT, entity=entity, name="Eve Entity", email="focal-unmas@example.org",
    )


@pytest.fixture
def api_user(db):
    return make_user("api-client", Role.API_CLIENT)


@pytest.fixture
def api_token(api_user):
    return Token.objects.create(user=api_user)


@pytest.fixture
def client_for(db, isu_staff, state_a_user, state_b_user, entity_user, api_token):
    """client_for("state_a") -> an APIClient signed in as that role (works for HTML too)."""

    def build(role: str) -> APIClient:
        client = APIClient()
        if role == "anonymous":
            return client
        if role == "api_token":
            client.credentials(HTTP_AUTHORIZATION=f"Token {api_token.key}")
            return client
        user = {"isu_staff": isu_staff, "state_a": state_a_user, "state_b": state_b_user, "entity_fp": entity_user}[role]
        return sign_in(client, user)

    return build


@pytest.fixture
def world(db, state_a, state_b, entity, other_entity, isu_staff, state_a_user, state_b_user, entity_user, api_user):
    """Every role's records in one namespace, for the route tables of tests/<app>/routes.py."""
    return SimpleNamespace(
        state_a=state_a, state_b=state_b, entity=entity, other_entity=other_entity, isu_staff=isu_staff,
        state_a_user=state_a_user, state_b_user=state_b_user, entity_user=entity_user, api_user=api_user,
    )


@pytest.fixture
def staff_client(client_for):
    return client_for("isu_staff")


@pytest.fixture
def anon_client():
    return APIClient()
