"""Two-factor sign-in (TOTP): required for ISU staff, optional for focal points, and once a
focal point has enrolled, asked at every sign-in. Codes are computed from the device key as an
authenticator app would."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from entities.models import Role, SecurityEvent, SecurityEventKind
from tests.conftest import make_user

from .helpers import current_code, sign_in_with_password

pytestmark = pytest.mark.django_db

STATES = reverse("entities:state-list")
TWO_FACTOR = reverse("two-factor")


@pytest.fixture
def isu():
    return make_user("isu", Role.ISU_STAFF)


@pytest.fixture
def mexico(state_a):
    return make_user("mexico", Role.STATE_FOCAL_POINT, state=state_a)


def _enrol(client, user) -> TOTPDevice:
    assert client.get(TWO_FACTOR).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(TWO_FACTOR, {"token": current_code(device), "next": "/"})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_staff_sign_in_leads_to_the_two_factor_step(isu):
    response = sign_in_with_password(Client(), "isu")
    assert response.status_code == 302
    assert response["Location"].startswith(TWO_FACTOR + "?next=")


def test_staff_without_authenticator_is_shown_the_key_to_enrol(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    response = client.get(TWO_FACTOR)
    assert response.context["enrolling"] and not response.context["optional"]
    assert b"ISU staff must use two-factor sign-in" in response.content
    assert response.context["secret"]


def test_unverified_staff_is_sent_to_the_two_factor_step_from_any_page(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    for path in (STATES, reverse("security-log"), reverse("admin:index")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(TWO_FACTOR), path


def test_unverified_staff_api_call_with_session_gets_json_403(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    response = client.get("/api/v1/")
    assert response.status_code == 403
    assert response.json() == {"detail": "Two-factor sign-in required."}


def test_staff_enrols_with_a_real_code_and_then_reaches_pages(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    _enrol(client, isu)
    assert client.get(STATES).status_code == 200
    assert client.get(reverse("security-log")).status_code == 200


def test_enrolled_staff_must_give_a_code_at_every_sign_in(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    device = _enrol(client, isu)
    client.post(reverse("logout"))

    with time_machine.travel(timezone.now() + timedelta(seconds=60)):
        client = Client()
        sign_in_with_password(client, "isu")
        response = client.get(TWO_FACTOR)
        assert not response.context["enrolling"]
        assert client.get(STATES).status_code == 302
        response = client.post(TWO_FACTOR, {"token": current_code(device), "next": STATES})
        assert response.status_code == 302 and response["Location"] == STATES
        assert client.get(STATES).status_code == 200


def test_wrong_code_is_refused_with_a_message_naming_the_field(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    device = _enrol(client, isu)
    client.post(reverse("logout"))
    with time_machine.travel(timezone.now() + timedelta(seconds=60)):
        client = Client()
        sign_in_with_password(client, "isu")
        wrong = f"{(int(current_code(device)) + 1) % 1_000_000:06d}"
        response = client.post(TWO_FACTOR, {"token": wrong})
    assert response.status_code == 200
    assert "token" in response.context["form"].errors
    assert client.get(STATES).status_code == 302
    assert SecurityEvent.objects.filter(kind=SecurityEventKind.TWO_FACTOR_FAILED, username="isu").exists()


def test_malformed_code_is_refused_before_checking(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    response = client.post(TWO_FACTOR, {"token": "12ab56"})
    assert response.context["form"].errors["token"] == ["Enter the six digits shown by your authenticator app."]


def test_a_code_cannot_be_used_twice(isu):
    client = Client()
    sign_in_with_password(client, "isu")
    device = _enrol(client, isu)
    code = current_code(device)
    client.post(reverse("logout"))
    client = Client()
    sign_in_with_password(client, "isu")
    response = client.post(TWO_FACTOR, {"token": code})
    assert response.status_code == 200
    assert client.get(STATES).status_code == 302


def test_focal_point_signs_in_without_a_code_by_default(mexico):
    client = Client()
    response = sign_in_with_password(client, "mexico")
    assert response["Location"] == reverse("start")
    assert client.get(STATES).status_code == 200


def test_focal_point_may_enrol_and_is_told_it_is_optional(mexico):
    client = Client()
    sign_in_with_password(client, "mexico")
    response = client.get(TWO_FACTOR)
    assert response.context["optional"]
    assert b"optional for focal points" in response.content
    _enrol(client, mexico)
    assert SecurityEvent.objects.filter(kind=SecurityEventKind.TWO_FACTOR_ENROLLED, username="mexico").exists()


def test_enrolled_focal_point_must_give_a_code_at_sign_in(mexico):
    client = Client()
    sign_in_with_password(client, "mexico")
    device = _enrol(client, mexico)
    client.post(reverse("logout"))

    with time_machine.travel(timezone.now() + timedelta(seconds=60)):
        client = Client()
        response = sign_in_with_password(client, "mexico")
        assert response["Location"].startswith(TWO_FACTOR)
        assert client.get(STATES).status_code == 302
        assert client.get("/api/v1/").status_code == 403
        client.post(TWO_FACTOR, {"token": current_code(device)})
        assert client.get(STATES).status_code == 200


def test_two_factor_page_needs_a_signed_in_user():
    response = Client().get(TWO_FACTOR)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_two_factor_step_never_redirects_to_another_site(mexico):
    client = Client()
    sign_in_with_password(client, "mexico")
    device = TOTPDevice.objects.create(user=mexico, name="default", confirmed=True)
    response = client.post(TWO_FACTOR, {"token": current_code(device), "next": "https://evil.example.com/"})
    assert response["Location"] == reverse("start")


def test_an_admin_user_without_a_product_role_must_pass_the_two_factor_step_too():
    user = make_user("admin-only", None)
    user.is_staff = True
    user.save()
    client = Client()
    response = sign_in_with_password(client, "admin-only")
    assert response["Location"].startswith(TWO_FACTOR)
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_admin_sign_in_page_is_the_site_sign_in_page():
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("login") + "?next=/admin/"
