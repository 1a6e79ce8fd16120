"""Hostile and careless input (issue 14): extreme dates in the calendar feeds, over-long
usernames, deeply nested and oversized bodies, edits without `version`, and the messages a
person gets back for each."""

import datetime as dt
import json
import re

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from entities.models import SecurityEvent
from partnerships.choices import Visibility
from partnerships.models import Challenge, Entry, Match
from tests.factories import (
    ActionItemFactory,
    ChallengeFactory,
    MatchFactory,
    MechanismFactory,
    MeetingFactory,
    NeedFactory,
    OfferFactory,
    TreatyPartyFactory,
)
from tests.factories.entities import TreatyFactory
from tests.permissions.test_matrix import ALL_ROUTES

from .helpers import sign_in_with_password

pytestmark = pytest.mark.django_db

LAST_DAY = dt.date(9999, 12, 31)


@pytest.fixture
def parties(state_a, state_b):
    treaty = TreatyFactory()
    for state in (state_a, state_b):
        TreatyPartyFactory(treaty=treaty, state=state)
    return state_a, state_b


@pytest.fixture
def need_a(parties, state_a):
    return NeedFactory(state=state_a, visibility=Visibility.PUBLIC, title="Original title")


@pytest.fixture
def offer_b(parties, state_b):
    return OfferFactory(state=state_b, visibility=Visibility.PUBLIC, title="Offer of B", target_state=None)


# --- Finding 1: the last representable day in the calendar feeds ----------------------------


@pytest.fixture
def last_day_meetings(entity):
    """What was stored before dates were bounded: a meeting, a timed meeting and a deadline
    on 31 December 9999 (an individualised-approach request is such a meeting)."""
    mechanism = MechanismFactory(slug="committee", acronym="", name="Committee", lead_entity=entity)
    MeetingFactory(mechanism=mechanism, title="All-day on the last day", date=LAST_DAY)
    MeetingFactory(
        mechanism=mechanism, title="Late on the last day", date=LAST_DAY,
        starts_at=dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC), ends_at=None,
    )
    ActionItemFactory(mechanism=mechanism, meeting=None, entity=entity, text="Due on the last day", due_on=LAST_DAY)
    return mechanism


@pytest.mark.parametrize("feed", ["overall", "mechanism"])
def test_calendar_feeds_hold_meetings_and_deadlines_on_the_last_representable_day(anon_client, last_day_meetings, feed):
    url = (reverse("taskforce:calendar") if feed == "overall"
           else reverse("taskforce:mechanism-calendar", args=[last_day_meetings.slug]))
    response = anon_client.get(url)
    assert response.status_code == 200
    events = {str(e["summary"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert set(events) == {
        "Committee: All-day on the last day", "Committee: Late on the last day", "Due (UNMAS): Due on the last day",
    }
    assert events["Committee: All-day on the last day"].decoded("dtstart") == LAST_DAY
    assert events["Committee: Late on the last day"].decoded("dtstart") == dt.datetime(9999, 12, 31, 23, 30, tzinfo=dt.UTC)


# --- Finding 2: a username longer than any account's ---------------------------------------


def test_an_over_long_username_gets_the_normal_sign_in_error_and_is_stored_nowhere(db):
    username = "u" * 300
    response = sign_in_with_password(Client(), username, "whatever-password")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    # django-axes keeps attempts in a varchar(255): the length is refused before it is written.
    assert not AccessAttempt.objects.exists()
    event = SecurityEvent.objects.get(kind="sign_in_failed")
    assert len(event.username) <= 150


def test_a_username_of_the_longest_allowed_length_is_still_checked_normally(db):
    response = sign_in_with_password(Client(), "u" * 150, "whatever-password")
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert AccessAttempt.objects.filter(username="u" * 150).exists()


# --- Finding 3: deep JSON and big bodies ----------------------------------------------------

DEEP_ARRAY = "[" * 2000 + "]" * 2000
DEEP_OBJECT = '{"a":' * 2000 + "1" + "}" * 2000


def _deep_targets(need_a, offer_b):
    match = MatchFactory(need=need_a, offer=offer_b)
    return [
        ("post", reverse("need-list")),
        ("post", reverse("partnership-match-list")),
        ("post", reverse("partnership-match-decide", args=[match.pk])),
        ("patch", reverse("need-detail", args=[need_a.pk])),
    ]


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["arrays", "objects"])
def test_deeply_nested_json_is_a_400_saying_so_and_changes_nothing(client_for, need_a, offer_b, body):
    client = client_for("state_a")
    for method, url in _deep_targets(need_a, offer_b):
        response = client.generic(method.upper(), url, body, content_type="application/json")
        assert response.status_code == 400, (method, url)
        assert response["Content-Type"] == "application/json"
        assert "nested too deeply" in response.json()["detail"]
    assert Entry.objects.count() == 2
    assert Match.objects.get().status == "proposed"
    need_a.refresh_from_db()
    assert need_a.title == "Original title"


def test_ordinary_nesting_is_still_parsed(client_for, parties):
    body = {"kind": "expertise", "area": "other", "title": "Nested but fine", "description": "x", "visibility": "public"}
    response = client_for("state_a").post(reverse("need-list"), body, format="json")
    assert response.status_code == 201
    # Brackets inside strings are text, not nesting.
    body["title"] = "[" * 150
    assert client_for("state_a").post(reverse("need-list"), body, format="json").status_code == 201


ELEVEN_MB = 11 * 1024 * 1024


def test_an_eleven_megabyte_api_body_is_a_413_in_json(client_for, parties):
    body = json.dumps({"kind": "expertise", "area": "other", "title": "Big", "description": "x" * ELEVEN_MB})
    response = client_for("state_a").generic("POST", reverse("need-list"), body, content_type="application/json")
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "too large" in response.json()["detail"]
    assert not Entry.objects.exists()


def test_an_eleven_megabyte_form_is_a_413_page_saying_so(client_for, parties):
    response = client_for("state_a").post(
        reverse("partnerships:entry-create", args=["need"]),
        {"kind": "expertise", "area": "other", "title": "Big", "description": "x" * ELEVEN_MB, "visibility": "public"},
    )
    assert response.status_code == 413
    assert response["Content-Type"].startswith("text/html")
    content = response.content.decode()
    assert "too large" in content and 'class="site-header"' in content
    assert not Entry.objects.exists()


def test_a_body_under_the_limit_is_not_refused_for_its_size(client_for, parties):
    body = json.dumps({"kind": "expertise", "area": "other", "title": "Long", "description": "x" * (9 * 1024 * 1024)})
    response = client_for("state_a").generic("POST", reverse("need-list"), body, content_type="application/json")
    assert response.status_code == 400  # the description is too long: the field says so
    assert "description" in response.json()["errors"]


# --- Finding 6: `version` is required on every edit ----------------------------------------


@pytest.mark.parametrize("method", ["patch", "put"])
def test_an_api_edit_without_version_is_refused_naming_the_field(client_for, need_a, method):
    body = {"kind": "expertise", "area": "other", "title": "Overwritten", "visibility": "public"}
    response = getattr(client_for("state_a"), method)(reverse("need-detail", args=[need_a.pk]), body, format="json")
    assert response.status_code == 400
    assert "version" in response.json()["errors"]["version"][0]
    need_a.refresh_from_db()
    assert (need_a.title, need_a.version) == ("Original title", 1)


def test_an_api_edit_with_the_version_read_is_saved(client_for, need_a):
    response = client_for("state_a").patch(reverse("need-detail", args=[need_a.pk]), {"title": "New", "version": 1}, format="json")
    assert response.status_code == 200
    assert response.json()["version"] == 2


ENTRY_FORM = {
    "kind": "financial", "area": "mine_clearance", "title": "Edited title", "description": "Survey.",
    "visibility": "public", "status": "open",
}


@pytest.mark.parametrize("version", [None, "", "abc", "-1"], ids=["absent", "empty", "not-a-number", "negative"])
def test_an_entry_form_without_a_valid_version_says_so_and_saves_nothing(client_for, need_a, version):
    data = dict(ENTRY_FORM) if version is None else {**ENTRY_FORM, "version": version}
    response = client_for("state_a").post(reverse("partnerships:entry-edit", args=[need_a.pk]), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "Reload the page" in content
    need_a.refresh_from_db()
    assert (need_a.title, need_a.version) == ("Original title", 1)


def test_a_challenge_form_without_version_says_so_and_saves_nothing(client_for, parties, state_a):
    challenge = ChallengeFactory(state=state_a, description="As recorded")
    data = {"obligation": challenge.obligation, "nature": challenge.nature, "source": challenge.source,
            "description": "Overwritten"}
    response = client_for("state_a").post(reverse("partnerships:challenge-edit", args=[challenge.pk]), data)
    assert "Reload the page" in response.content.decode()
    assert Challenge.objects.get().description == "As recorded"


def test_creating_an_entry_needs_no_version(client_for, parties):
    data = {k: v for k, v in ENTRY_FORM.items() if k != "status"}
    response = client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), data)
    assert response.status_code == 302
    assert Entry.objects.get().title == "Edited title"


# --- Finding 8: messages that say what is wrong ---------------------------------------------


def test_a_match_note_over_2000_characters_is_said_to_be_too_long(client_for, need_a, offer_b):
    client = client_for("state_a")
    response = client.post(
        reverse("partnerships:match-propose", args=[need_a.pk]), {"other": offer_b.pk, "note": "n" * 2001}, follow=True,
    )
    content = response.content.decode()
    assert "The note is too long" in content
    assert "Choose an entry to match with" not in content
    assert not Match.objects.exists()


def test_a_match_without_the_other_entry_still_asks_to_choose_one(client_for, need_a):
    response = client_for("state_a").post(reverse("partnerships:match-propose", args=[need_a.pk]), {"note": "hi"}, follow=True)
    assert "Choose an entry to match with" in response.content.decode()


@pytest.mark.parametrize("url", [
    lambda: reverse("partnerships:entry-create", args=["offer"]),
    lambda: reverse("taskforce:ia-request"),
], ids=["entry-form", "individualised-approach-request"])
def test_every_aria_describedby_points_to_an_element_of_the_page(client_for, parties, url):
    response = client_for("state_a").post(url(), {"title": "", "preferred_date": "not a date"})
    content = response.content.decode()
    described = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', content) for ref in refs.split()}
    assert described, "the form has help texts and errors to point to"
    ids = set(re.findall(r'\sid="([^"]+)"', content))
    assert described <= ids, f"missing: {sorted(described - ids)}"


PAGES = [r for r in ALL_ROUTES if r.method == "get" and not r.format and 200 in (r.expected["isu_staff"], r.expected["state_a"])]


@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.id)
def test_in_every_form_of_every_page_aria_describedby_points_to_an_element_of_the_page(world, client_for, route):  # noqa: F811
    url = reverse(route.name, kwargs=route.args(world) if route.args else None)
    for role in ("isu_staff", "state_a"):
        if route.expected[role] != 200:
            continue
        response = client_for(role).get(url)
        if "html" not in response.get("Content-Type", ""):
            continue
        content = response.content.decode()
        forms = " ".join(re.findall(r'<form[^>]*method="post".*?</form>', content, re.DOTALL | re.IGNORECASE))
        described = {ref for refs in re.findall(r'aria-describedby="([^"]+)"', forms) for ref in refs.split()}
        missing = described - set(re.findall(r'\sid="([^"]+)"', content))
        assert not missing, f"{role}: aria-describedby names no element: {sorted(missing)}"
