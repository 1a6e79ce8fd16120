"""DEMO data of the registry: NOT real.

Creates one login per role (the names the team's demo data and end-to-end tests use), their
focal-point records (which bind each focal-point login to its State or entity), the "ISU
staff" group for the admin, and marks a set of real UN Member
States as parties to the APMBC with made-up dates so the Platform and the letters have
something to work on. Every such row is flagged `is_demo=True`; the real list of States
Parties comes from the depositary via the CSV import (docs/entities.md).

Idempotent: a second run creates and changes nothing.
"""

from __future__ import annotations

import base64
import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from .models import Entity, FocalPoint, Role, State, Treaty, TreatyParty, UserRole
from .seed import Counter, upsert

DEMO_PASSWORD = "demo-password-2026"
# 20 fixed bytes, so the demo TOTP secret stays the same across machines and runs.
DEMO_TOTP_KEY_HEX = b"ct-demo-totp-key-026".hex()
DEMO_API_TOKEN = "demo0api0token0not0secret000000000000001"
ISU_STAFF_GROUP = "ISU staff"
DOMAIN_APPS = ("entities", "taskforce", "recommendations", "partnerships", "letters")

DEMO_LOGINS = [
    # (username, role, bound to ("state", ISO) / ("entity", acronym), focal-point language)
    ("isu", Role.ISU_STAFF, None, None),
    ("mexico", Role.STATE_FOCAL_POINT, ("state", "MX"), "es"),
    ("uganda", Role.STATE_FOCAL_POINT, ("state", "UG"), "en"),
    ("unmas", Role.ENTITY_FOCAL_POINT, ("entity", "UNMAS"), "en"),
    ("api-client", Role.API_CLIENT, None, None),
]

# Real UN Member States marked as APMBC parties FOR THE DEMO ONLY; the dates are invented.
DEMO_PARTY_CODES = (
    "MX", "UG", "NL", "CH", "CO", "KH", "AO", "AF", "BA", "CL", "MZ", "NO", "CA", "DE", "FR", "ES",
    "IQ", "LK", "UA", "ZW", "SN", "TH", "PE", "EC", "SD", "SS", "SO", "YE", "TD", "HR",
)


def first_day_of_sixth_month_after(day: dt.date) -> dt.date:
    month = day.month + 6
    return dt.date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def demo_party_dates(index: int) -> tuple[dt.date, dt.date]:
    consent = dt.date(1998, 3, 2) + dt.timedelta(days=97 * index)
    return consent, first_day_of_sixth_month_after(consent)


def isu_staff_group() -> Group:
    group, _ = Group.objects.get_or_create(name=ISU_STAFF_GROUP)
    wanted = set(Permission.objects.filter(content_type__app_label__in=DOMAIN_APPS).values_list("pk", flat=True))
    have = set(group.permissions.values_list("pk", flat=True))
    if wanted - have:
        group.permissions.add(*(wanted - have))
    return group


def ensure_user(username: str, role: str, bound, counter: Counter):
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    if user is None:
        user = User.objects.create_user(username=username, email=f"{username}@demo.invalid", password=DEMO_PASSWORD)
        counter.created += 1
    elif not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        counter.updated += 1
    is_staff = role == Role.ISU_STAFF
    if user.is_staff != is_staff:
        user.is_staff = is_staff
        user.save(update_fields=["is_staff"])
    state = entity = None
    if bound and bound[0] == "state":
        state = State.objects.get(code=bound[1])
    elif bound:
        entity = Entity.objects.get(acronym=bound[1])
    return user, state, entity


def load(*, stdout, **options) -> None:
    if not Entity.objects.filter(acronym="UNMAS").exists():
        raise RuntimeError("The demo data needs the real seed: run `manage.py load_seed_data` first.")

    counter = Counter()
    group = isu_staff_group()
    logins = {}
    for username, role, bound, language in DEMO_LOGINS:
        user, state, entity = ensure_user(username, role, bound, counter)
        logins[username] = user
        if role == Role.ISU_STAFF and not user.groups.filter(pk=group.pk).exists():
            user.groups.add(group)
        if language:
            where = state or entity
            upsert(
                FocalPoint, counter, {"user": user},
                {
                    "name": f"Demo focal point of {where}",
                    "title": "DEMO — not a real person",
                    "email": f"{username}@demo.invalid",
                    "language": language,
                    "state": state,
                    "entity": entity,
                },
            )
        # After the focal point record: that record, not the role, binds the login to its State
        # or entity, and a focal point's role needs it.
        upsert(UserRole, counter, {"user": user}, {"kind": role})

    device = TOTPDevice.objects.filter(user=logins["isu"], name="demo").first()
    if device is None:
        device = TOTPDevice.objects.create(user=logins["isu"], name="demo", key=DEMO_TOTP_KEY_HEX, confirmed=True)
    elif device.key != DEMO_TOTP_KEY_HEX or not device.confirmed:
        device.key, device.confirmed = DEMO_TOTP_KEY_HEX, True
        device.save(update_fields=["key", "confirmed"])
    token = Token.objects.filter(user=logins["api-client"]).first() or Token.objects.create(
        user=logins["api-client"], key=DEMO_API_TOKEN
    )
    stdout.write(f"entities: DEMO logins and focal points ({counter})\n")

    counter = Counter()
    treaty = Treaty.objects.get(short_name="APMBC")
    for index, code in enumerate(DEMO_PARTY_CODES):
        consent, in_force = demo_party_dates(index)
        state = State.objects.get(code=code)
        party = TreatyParty.objects.filter(treaty=treaty, state=state).first()
        if party is not None and not party.is_demo:
            counter.unchanged += 1  # a real imported row wins over demo data
            continue
        upsert(
            TreatyParty, counter, {"treaty": treaty, "state": state},
            {"consent_to_be_bound": consent, "entry_into_force": in_force, "is_demo": True},
        )
    stdout.write(
        f"entities: {len(DEMO_PARTY_CODES)} States marked as APMBC parties — DEMO DATA, invented dates, "
        f"not the depositary's list ({counter})\n"
        "entities: only Mexico and Uganda have focal points; letters to the other demo States Parties are "
        "recorded as 'no recipient' until their contacts are imported (staff page Contacts > Import contacts, "
        "or manage.py import_contacts FILE)\n"
    )

    secret = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()
    stdout.write(
        "\nDemo logins (DEMO DATA, not real)\n"
        "---------------------------------\n"
        f"password for every login: {DEMO_PASSWORD}\n"
        "  isu         ISU staff (two-factor sign-in required)\n"
        "  mexico      State focal point of Mexico (Spanish)\n"
        "  uganda      State focal point of Uganda (English)\n"
        "  unmas       UN entity focal point of UNMAS\n"
        "  api-client  API client (read-only)\n"
        f"TOTP secret of isu (base32): {secret}\n"
        f"TOTP URI of isu: {device.config_url}\n"
        f"API token of api-client: {token.key}   (header: Authorization: Token {token.key})\n"
    )
