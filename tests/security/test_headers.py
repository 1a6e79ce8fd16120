"""Security headers on every answer: a strict, nonce-based Content-Security-Policy (Django's
own), no sniffing, a referrer policy, no framing, no server banner; CSRF on every form."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import make_user

from .helpers import sign_in_with_password

pytestmark = pytest.mark.django_db

NONCE = re.compile(r"script-src 'self' 'nonce-([A-Za-z0-9+/=_-]+)'")


def _directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


def _html_pages(client_for):
    """Pages of every kind: public, signed-in, staff-only, refused, missing, locked, failed."""
    make_user("locked", None)
    for _ in range(5):
        sign_in_with_password(Client(), "locked", "wrong-password-typed")
    anonymous, staff, focal = Client(), client_for("isu_staff"), client_for("state_a")
    return {
        "home": anonymous.get(reverse("home")),
        "login": anonymous.get(reverse("login")),
        "states": anonymous.get(reverse("entities:state-list")),
        "UN entities": anonymous.get(reverse("entities:entity-list")),
        "two-factor": focal.get(reverse("two-factor")),
        "security log": staff.get(reverse("security-log")),
        "refused (403)": focal.get(reverse("security-log")),
        "not found (404)": anonymous.get("/no-such-page/"),
        "locked out (429)": sign_in_with_password(Client(), "locked"),
    }


def test_every_html_page_carries_the_strict_policy(client_for):
    for name, response in _html_pages(client_for).items():
        assert response["Content-Type"].startswith("text/html"), name
        directives = _directives(response)
        assert NONCE.fullmatch(directives["script-src"]), (name, directives["script-src"])
        assert directives["object-src"] == "object-src 'none'", name
        assert directives["base-uri"] == "base-uri 'none'", name
        assert directives["frame-ancestors"] == "frame-ancestors 'none'", name
        assert directives["default-src"] == "default-src 'self'", name
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], name
        assert "'unsafe-eval'" not in response["Content-Security-Policy"], name


def test_the_page_scripts_carry_the_nonce_of_the_header_and_it_changes_every_time():
    first = Client().get(reverse("home"))
    second = Client().get(reverse("home"))
    nonce = NONCE.fullmatch(_directives(first)["script-src"]).group(1)
    assert f'nonce="{nonce}"' in first.content.decode()
    assert nonce != NONCE.fullmatch(_directives(second)["script-src"]).group(1)


def test_pages_have_no_inline_script_or_style_without_nonce():
    content = Client().get(reverse("login")).content.decode()
    for tag in re.findall(r"<script[^>]*>", content):
        assert "nonce=" in tag, tag
    assert " style=" not in content
    assert "<style" not in content


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/healthz", "/api/v1/entities/", "/no-such-page/"])
def test_every_answer_has_the_protective_headers(path):
    response = Client().get(path)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response
    assert "Server" not in response


def test_a_form_posted_without_its_csrf_token_is_refused():
    make_user("uganda", None)
    response = Client(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "uganda", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 403
    assert b"The form had expired or was not sent from this site, so nothing was saved." in response.content
    assert "Content-Security-Policy" in response


def test_the_sign_in_form_carries_a_csrf_token():
    assert b'name="csrfmiddlewaretoken"' in Client().get(reverse("login")).content


def test_pages_about_the_signed_in_user_are_never_cached(client_for):
    for client, name in ((client_for("state_a"), "two-factor"), (client_for("isu_staff"), "security-log")):
        cache_control = client.get(reverse(name))["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, name
