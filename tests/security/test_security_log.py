"""The security log: who, when, from where, what, outcome; staff read it at /accounts/audit/."""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import HttpResponse, HttpResponseForbidden
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entities.audit import log_refused_access
from entities.middleware import RefusedAccessLogMiddleware
from entities.models import SecurityEvent, SecurityEventKind
from tests.conftest import make_user

from .helpers import sign_in_with_password

pytestmark = pytest.mark.django_db

LOG = reverse("security-log")


def _events(kind):
    return SecurityEvent.objects.filter(kind=kind)


def test_a_sign_in_is_logged_with_user_address_and_path():
    user = make_user("uganda", None)
    sign_in_with_password(Client(), "uganda", address="198.51.100.20")
    event = _events(SecurityEventKind.SIGNED_IN).get()
    assert (event.user, event.username, event.ip_address, event.path) == (
        user, "uganda", "198.51.100.20", reverse("login"),
    )
    assert event.at is not None


def test_a_failed_sign_in_is_logged_with_the_name_typed():
    sign_in_with_password(Client(), "nobody-here", "whatever-was-typed", address="198.51.100.21")
    event = _events(SecurityEventKind.SIGN_IN_FAILED).get()
    assert (event.user, event.username, event.ip_address) == (None, "nobody-here", "198.51.100.21")
    assert "whatever-was-typed" not in str(SecurityEvent.objects.values_list())


def test_a_lockout_is_logged():
    make_user("uganda", None)
    for _ in range(5):
        sign_in_with_password(Client(), "uganda", "wrong-password-typed", address="198.51.100.22")
    event = _events(SecurityEventKind.LOCKED_OUT).get()
    assert (event.username, event.ip_address) == ("uganda", "198.51.100.22")


def test_a_sign_out_is_logged():
    make_user("uganda", None)
    client = Client()
    sign_in_with_password(client, "uganda")
    client.post(reverse("logout"))
    assert _events(SecurityEventKind.SIGNED_OUT).get().username == "uganda"


def test_a_refused_page_is_logged_with_who_and_what(client_for, state_a_user):
    client_for("state_a").get(LOG)
    event = _events(SecurityEventKind.ACCESS_REFUSED).get()
    assert (event.user, event.status, event.method, event.path) == (state_a_user, 403, "GET", LOG)


def test_a_refused_api_call_is_logged(client_for, api_user):
    client = client_for("api_token")
    # Tokens are read-only everywhere: the permission refuses before the method is looked at.
    response = client.post("/api/v1/entities/", {}, format="json")
    assert response.status_code == 403
    event = _events(SecurityEventKind.ACCESS_REFUSED).get()
    assert (event.user, event.username, event.status) == (api_user, "api-client", 403)


def test_an_anonymous_api_call_refused_with_401_is_logged():
    Client().get("/api/v1/entities/")
    event = _events(SecurityEventKind.ACCESS_REFUSED).get()
    assert (event.username, event.status) == ("", 401)


def test_a_form_posted_without_csrf_token_is_refused_and_logged():
    make_user("uganda", None)
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "uganda", "password": "x"}, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 403
    event = _events(SecurityEventKind.ACCESS_REFUSED).get()
    assert (event.ip_address, event.status, event.path) == ("192.0.2.9", 403, reverse("login"))


def test_other_apps_can_log_a_refusal_answered_with_404_once():
    request = RequestFactory().get("/platform/entries/42/", REMOTE_ADDR="192.0.2.1")
    request.user = AnonymousUser()
    log_refused_access(request, "another State's confidential need")
    log_refused_access(request, "logged twice by mistake")
    RefusedAccessLogMiddleware(lambda r: HttpResponseForbidden())(request)
    event = _events(SecurityEventKind.ACCESS_REFUSED).get()
    assert (event.detail, event.path, event.ip_address) == ("another State's confidential need", "/platform/entries/42/", "192.0.2.1")


def test_successful_answers_are_not_logged_as_refusals():
    request = RequestFactory().get("/")
    RefusedAccessLogMiddleware(lambda r: HttpResponse("ok"))(request)
    assert not SecurityEvent.objects.exists()


def test_events_also_go_to_the_security_logger(caplog):
    with caplog.at_level(logging.INFO, logger="security"):
        sign_in_with_password(Client(), "nobody-here", "wrong", address="192.0.2.3")
    assert any(
        record.name == "security" and "sign_in_failed" in record.getMessage() and "192.0.2.3" in record.getMessage()
        for record in caplog.records
    )


def test_the_address_behind_a_trusted_proxy_is_the_forwarded_one(settings):
    settings.PROXY_COUNT = 1
    sign_in_with_password(
        Client(), "nobody-here", "wrong", address="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.30"
    )
    assert _events(SecurityEventKind.SIGN_IN_FAILED).get().ip_address == "198.51.100.30"


def test_forwarded_header_is_ignored_without_a_trusted_proxy():
    sign_in_with_password(Client(), "nobody-here", "wrong", address="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert _events(SecurityEventKind.SIGN_IN_FAILED).get().ip_address == "10.0.0.2"


# --- the staff page -------------------------------------------------------------------------

def test_staff_see_the_log_newest_first(staff_client):
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="older")
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="newer")
    events = list(staff_client.get(LOG).context["events"])
    names = [event.username for event in events if event.username in ("older", "newer")]
    assert names == ["newer", "older"]


def test_focal_points_cannot_read_the_log(client_for):
    assert client_for("state_a").get(LOG).status_code == 403
    assert client_for("entity_fp").get(LOG).status_code == 403


def test_the_log_filters_by_event_and_name(staff_client):
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="mexico")
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGNED_IN, username="mexico")
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="uganda")
    events = staff_client.get(LOG, {"kind": "sign_in_failed", "q": "mex"}).context["events"]
    assert [(e.kind, e.username) for e in events] == [("sign_in_failed", "mexico")]


def test_the_log_filters_by_address(staff_client):
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="a", ip_address="203.0.113.5")
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="b", ip_address="198.51.100.5")
    events = staff_client.get(LOG, {"q": "203.0.113"}).context["events"]
    assert [e.username for e in events] == ["a"]


def test_a_typed_username_is_shown_escaped(staff_client):
    SecurityEvent.objects.create(kind=SecurityEventKind.SIGN_IN_FAILED, username="<script>alert(1)</script>")
    content = staff_client.get(LOG).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_an_unknown_event_filter_is_ignored_not_an_error(staff_client):
    response = staff_client.get(LOG, {"kind": "nonsense"})
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors


def test_the_log_page_query_count_does_not_grow_with_the_page_size(staff_client):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(LOG).status_code == 200
        return len(queries)

    SecurityEvent.objects.bulk_create(
        SecurityEvent(kind=SecurityEventKind.SIGN_IN_FAILED, username=f"u{n}") for n in range(3)
    )
    few = count_queries()
    SecurityEvent.objects.bulk_create(
        SecurityEvent(kind=SecurityEventKind.SIGN_IN_FAILED, username=f"v{n}") for n in range(60)
    )
    assert count_queries() == few
