"""Signing in: the lockout per (username, address), passwords, new session, expiry."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from entities.models import Role
from tests.conftest import make_user

from .helpers import PASSWORD, sign_in_with_password

pytestmark = pytest.mark.django_db

OFFICE = "203.0.113.10"  # one government office, many people behind it
ELSEWHERE = "198.51.100.7"


@pytest.fixture
def mexico():
    return make_user("mexico", None)


@pytest.fixture
def colleague():
    return make_user("mexico-colleague", None)


def _fail(client, username, times, address=OFFICE):
    for _ in range(times):
        response = sign_in_with_password(client, username, "wrong-password-typed", address=address)
    return response


def test_correct_password_signs_in_and_lands_on_the_start_page(mexico):
    client = Client()
    response = sign_in_with_password(client, "mexico")
    assert response.status_code == 302
    assert response["Location"] == reverse("start")
    assert client.get(reverse("start")).context["user"] == mexico


def test_wrong_password_shows_the_form_again_without_saying_which_part_was_wrong(mexico):
    response = sign_in_with_password(Client(), "mexico", "not-the-password")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert "_auth_user_id" not in Client().session


def test_five_failures_lock_that_username_from_that_address(mexico):
    client = Client()
    _fail(client, "mexico", 5)
    response = sign_in_with_password(client, "mexico", PASSWORD, address=OFFICE)
    assert response.status_code == 429
    assert b"Too many failed sign-ins" in response.content
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock(mexico):
    client = Client()
    _fail(client, "mexico", 4)
    assert sign_in_with_password(client, "mexico", address=OFFICE).status_code == 302


def test_locked_username_still_signs_in_from_another_address(mexico):
    _fail(Client(), "mexico", 5)
    assert sign_in_with_password(Client(), "mexico", address=ELSEWHERE).status_code == 302


def test_lockout_of_one_user_does_not_lock_colleagues_behind_the_same_address(mexico, colleague):
    _fail(Client(), "mexico", 5)
    assert sign_in_with_password(Client(), "mexico-colleague", address=OFFICE).status_code == 302


def test_failures_spread_over_many_usernames_do_not_lock_the_address(mexico):
    for n in range(10):
        _fail(Client(), f"guess-{n}", 1)
    assert sign_in_with_password(Client(), "mexico", address=OFFICE).status_code == 302


def test_lockout_still_holds_after_fourteen_minutes(mexico):
    _fail(Client(), "mexico", 5)
    with time_machine.travel(timezone.now() + timedelta(minutes=14)):
        assert sign_in_with_password(Client(), "mexico", address=OFFICE).status_code == 429


def test_lockout_ends_after_fifteen_minutes(mexico):
    _fail(Client(), "mexico", 5)
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        assert sign_in_with_password(Client(), "mexico", address=OFFICE).status_code == 302


def test_a_successful_sign_in_resets_the_failure_count(mexico):
    _fail(Client(), "mexico", 4)
    assert sign_in_with_password(Client(), "mexico", address=OFFICE).status_code == 302
    _fail(Client(), "mexico", 4)
    assert sign_in_with_password(Client(), "mexico", address=OFFICE).status_code == 302


def test_lockout_page_names_the_limit_and_the_wait(mexico):
    response = _fail(Client(), "mexico", 5)
    assert response.status_code == 429
    text = response.content.decode()
    assert "After 5 failed attempts" in text
    assert "15 minutes" in text


def test_sign_in_starts_a_new_session():
    make_user("uganda", None)
    client = Client()
    session = client.session
    session["visited"] = True
    session.save()
    before = client.cookies[settings.SESSION_COOKIE_NAME].value
    sign_in_with_password(client, "uganda")
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not session.exists(before)


def test_session_cookie_ends_with_the_browser_and_is_http_only():
    make_user("uganda", None)
    response = sign_in_with_password(Client(), "uganda")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_session_expires_after_the_configured_age():
    make_user("uganda", None)
    client = Client()
    sign_in_with_password(client, "uganda")
    two_factor = reverse("two-factor")
    assert client.get(two_factor).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60)):
        response = client.get(two_factor)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_sign_out_ends_the_session():
    make_user("uganda", None)
    client = Client()
    sign_in_with_password(client, "uganda")
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_sign_in_refuses_a_redirect_to_another_site():
    make_user("uganda", None)
    response = Client().post(
        reverse("login") + "?next=https://evil.example.com/",
        {"username": "uganda", "password": PASSWORD, "next": "https://evil.example.com/"},
    )
    assert response.status_code == 302
    assert "evil.example.com" not in response["Location"]


# --- passwords ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short-pw1", "too short"),
        ("password1234", "too common"),
        ("483920174635", "entirely numeric"),
        ("ana.focal.mexico", "too similar"),
    ],
)
def test_weak_passwords_are_refused(password, reason):
    user = get_user_model()(username="ana.focal.mexico", email="ana.focal.mexico@example.org")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert any(reason in message for message in refused.value.messages)


def test_a_long_passphrase_is_accepted_and_signs_in():
    passphrase = "mine clearance under article 5 needs patience " * 4 + "and coffee"
    assert len(passphrase) > 190
    validate_password(passphrase)
    user = make_user("long-passphrase", None)
    user.set_password(passphrase)
    user.save()
    assert sign_in_with_password(Client(), "long-passphrase", passphrase).status_code == 302
    # Nothing truncates it: the same passphrase with its last character changed is refused.
    assert sign_in_with_password(Client(), "long-passphrase", passphrase[:-1] + "X").status_code == 200


def test_production_hasher_keeps_every_character_of_a_long_password(settings):
    import config.settings as project_settings
    from django.conf import global_settings

    # The project uses Django's default hashers (PBKDF2 first), which do not truncate.
    assert not hasattr(project_settings, "PASSWORD_HASHERS")
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    passphrase = "x" * 100 + "y" * 100
    encoded = make_password(passphrase)
    assert encoded.startswith("pbkdf2_sha256$")
    assert check_password(passphrase, encoded)
    assert not check_password("x" * 100 + "y" * 99 + "z", encoded)


def test_focal_point_role_does_not_change_the_lockout_key(state_a):
    make_user("focal", Role.STATE_FOCAL_POINT, state=state_a)
    _fail(Client(), "focal", 5)
    assert sign_in_with_password(Client(), "focal", address=ELSEWHERE).status_code == 302
