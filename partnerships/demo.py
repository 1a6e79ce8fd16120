"""DEMO needs, offers and challenges, so the public Platform is not empty on a first run.

Every row is flagged `is_demo=True` and its title starts with "DEMO —". The States are among
those entities/demo.py marks as APMBC parties for the demo (Mexico and Uganda have demo logins).
Nothing here comes from the seed documents. Idempotent.
"""

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from partnerships.access import party_states

from .choices import Area, ChallengeNature, ChallengeSource, Kind, Obligation, Side, Visibility
from .models import Challenge, Entry
from .services import strong_matches_record

# (side, state, kind, area, title, amount USD or None, visibility, months since confirmed)
ENTRIES = [
    (Side.NEED, "UG", Kind.FINANCIAL, Area.VICTIM_ASSISTANCE, "Physical rehabilitation services in the north", 350000, Visibility.PUBLIC, 1),
    (Side.NEED, "UG", Kind.EXPERTISE, Area.VICTIM_ASSISTANCE, "Prosthetics and orthotics technicians (training)", None, Visibility.PARTIES, 2),
    (Side.NEED, "UG", Kind.EQUIPMENT, Area.MINE_CLEARANCE, "Mine detectors for residual contamination", 80000, Visibility.PUBLIC, 14),
    (Side.NEED, "MX", Kind.EXPERIENCE, Area.RISK_EDUCATION, "Exchange on risk education in schools", None, Visibility.PUBLIC, 0),
    (Side.NEED, "MX", Kind.FINANCIAL, Area.STOCKPILE_DESTRUCTION, "Destruction of mines retained for training", 60000, Visibility.SECRETARIAT, 3),
    (Side.NEED, "KH", Kind.FINANCIAL, Area.MINE_CLEARANCE, "Land release in the north-west provinces", 1500000, Visibility.PUBLIC, 1),
    (Side.NEED, "AO", Kind.EQUIPMENT, Area.MINE_CLEARANCE, "Mechanical demining equipment", 400000, Visibility.PUBLIC, 5),
    (Side.NEED, "CO", Kind.EXPERTISE, Area.MINE_CLEARANCE, "Non-technical survey capacity", None, Visibility.PUBLIC, 2),
    (Side.OFFER, "NO", Kind.FINANCIAL, Area.MINE_CLEARANCE, "Multi-year funding for land release", 2000000, Visibility.PUBLIC, 1),
    (Side.OFFER, "CH", Kind.EXPERTISE, Area.VICTIM_ASSISTANCE, "Rehabilitation specialists on secondment", None, Visibility.PUBLIC, 0),
    (Side.OFFER, "DE", Kind.FINANCIAL, Area.VICTIM_ASSISTANCE, "Fund for victim assistance projects", 500000, Visibility.PUBLIC, 2),
    (Side.OFFER, "NL", Kind.EQUIPMENT, Area.MINE_CLEARANCE, "Detectors and personal protective equipment", 100000, Visibility.PARTIES, 4),
    (Side.OFFER, "CA", Kind.EXPERIENCE, Area.RISK_EDUCATION, "Risk education materials and methods", None, Visibility.PUBLIC, 6),
    (Side.OFFER, "MX", Kind.EXPERIENCE, Area.VICTIM_ASSISTANCE, "Experience with community-based rehabilitation", None, Visibility.PUBLIC, 1),
]

CHALLENGES = [
    ("UG", Obligation.VICTIM_ASSISTANCE, ChallengeNature.FINANCIAL, ChallengeSource.ARTICLE_7, True,
     "Rehabilitation services are far from where most survivors live."),
    ("KH", Obligation.ARTICLE_5, ChallengeNature.TECHNICAL, ChallengeSource.EXTENSION_REQUEST, True,
     "Remaining contaminated areas are in difficult terrain."),
    ("MX", Obligation.ARTICLE_4, ChallengeNature.POLITICAL, ChallengeSource.BILATERAL, False,
     "The decision to destroy mines retained for training is pending."),
]


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def load(*, stdout, **options) -> None:
    parties = {state.code.code: state for state in party_states()}
    now = timezone.now()
    submitters = {"MX": _user("mexico"), "UG": _user("uganda")}
    made = []
    for side, code, kind, area, title, amount, visibility, months in ENTRIES:
        state = parties.get(code)
        if state is None:
            continue
        entry, _ = Entry.objects.update_or_create(
            state=state, title=f"DEMO — {title}", is_demo=True,
            defaults={
                "side": side, "kind": kind, "area": area, "visibility": visibility,
                "description": f"DEMO DATA, not a real {side}. {title}.",
                "amount": Decimal(amount) if amount is not None else None, "currency": "USD" if amount is not None else "",
                "period_start": dt.date(now.year, 1, 1), "period_end": dt.date(now.year + 1, 12, 31),
                "confirmed_at": now - dt.timedelta(days=30 * months), "submitted_by": submitters.get(code),
            },
        )
        made.append(entry)
    for code, obligation, nature, source, consent, text in CHALLENGES:
        if code in parties:
            Challenge.objects.update_or_create(
                state=parties[code], obligation=obligation, is_demo=True,
                defaults={"nature": nature, "source": source, "consent_to_share": consent, "description": f"DEMO — {text}"},
            )
    suggestions = sum(strong_matches_record(entry_id=entry.pk) for entry in made if entry.side == Side.NEED)
    stdout.write(f"partnerships: {len(made)} DEMO needs and offers, {suggestions} suggested strong matches — DEMO DATA\n")
