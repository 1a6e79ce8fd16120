"""The demo data: one login per role, labelled as demo, and a second run changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from entities import demo, seed
from entities.models import FocalPoint, Role, TreatyParty, UserRole


@pytest.fixture
def demo_loaded(db):
    seed.load(stdout=io.StringIO())
    out = io.StringIO()
    demo.load(stdout=out)
    return out.getvalue()


def test_every_demo_login_signs_in_with_the_demo_password(demo_loaded):
    for username in ("isu", "mexico", "uganda", "unmas", "api-client"):
        assert get_user_model().objects.get(username=username).check_password(demo.DEMO_PASSWORD)


def test_demo_roles_are_bound_as_the_team_brief_says(demo_loaded):
    assert UserRole.objects.get(user__username="mexico").kind == Role.STATE_FOCAL_POINT
    assert FocalPoint.objects.get(user__username="mexico").state.code == "MX"
    assert FocalPoint.objects.get(user__username="mexico").language == "es"
    assert FocalPoint.objects.get(user__username="uganda").language == "en"
    assert FocalPoint.objects.get(user__username="unmas").entity.acronym == "UNMAS"
    isu = UserRole.objects.get(user__username="isu")
    assert isu.kind == Role.ISU_STAFF and isu.user.is_staff
    assert isu.user.has_perm("entities.change_entity")


def test_isu_totp_device_accepts_codes_from_the_printed_key(demo_loaded):
    device = TOTPDevice.objects.get(user__username="isu")
    assert device.verify_token(f"{totp(device.bin_key):06d}")
    assert "otpauth://totp/" in demo_loaded


def test_the_printed_block_labels_the_data_as_demo(demo_loaded):
    token = Token.objects.get(user__username="api-client")
    assert "Demo logins (DEMO DATA, not real)" in demo_loaded
    assert token.key in demo_loaded
    assert len(token.key) == 40


def test_demo_states_parties_are_flagged(demo_loaded):
    parties = TreatyParty.objects.filter(treaty__short_name="APMBC")
    assert parties.count() == len(demo.DEMO_PARTY_CODES)
    assert not parties.filter(is_demo=False).exists()
    assert all(p.entry_into_force > p.consent_to_be_bound for p in parties)


def test_running_the_demo_twice_changes_nothing(demo_loaded):
    rows = TreatyParty.history.count() + FocalPoint.history.count() + UserRole.history.count()
    out = io.StringIO()
    demo.load(stdout=out)
    assert TreatyParty.history.count() + FocalPoint.history.count() + UserRole.history.count() == rows
    assert "0 created, 0 updated" in out.getvalue()
