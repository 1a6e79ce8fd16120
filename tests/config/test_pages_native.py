"""Every main page reads as a native text in French and in Spanish: no English interface word,
no date in an English-looking or hard-coded format, no machine timestamp shown to a person.
And a focal point's preferred language is the interface's at sign-in.

Pages come from the permission matrix (tests/<app>/routes.py), opened as ISU staff, a State focal
point and a UN entity focal point. English source text (recommendations, quoted documents) is
allowed where the page marks it `lang="en"`; data typed by people is what it is, so the words
checked are the interface's own. State names are the shipped table's (entities/countries.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from entities.countries import names_table
from entities.models import Role, State
from tests.conftest import make_user
from tests.factories.entities import PASSWORD
from tests.permissions.test_matrix import ALL_ROUTES

from .page_reading import read_page

# Reads pages only (no database-specific query): run on SQLite, left out of the PostgreSQL pass.
pytestmark = [pytest.mark.django_db, pytest.mark.route_walk]

ROLES = ("isu_staff", "state_a", "entity_fp")
LANGUAGES = ("fr", "es")
# Findings handed to the owning area and not fixed yet: reported (xfail), not hidden. Remove a
# line once fixed; the test then guards the fix.
KNOWN_FINDINGS: dict[str, str] = {}
PAGE_ROUTES = [
    pytest.param(r, marks=pytest.mark.xfail(reason=KNOWN_FINDINGS[r.id], strict=False)) if r.id in KNOWN_FINDINGS else r
    for r in ALL_ROUTES if r.method == "get"
]

MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December")
# Words of the interface, in English; none is also a French or Spanish word ("No" is Spanish;
# "Contacts", "Total", "Actions" and "Date" are French).
ENGLISH_WORDS = {
    "fr": ("Save", "Cancel", "Search", "Status", "Filter", "Download", "Edit", "History", "Previous", "Next",
           "Due", "Overdue", "overdue", "Yes", "No", "None", "Delete", "Submit", "Back", "Clear", "Open",
           "Closed", "Sign in", "Sign out", "Change history", "results", "result", "Recommendations",
           "Task forces", "Letters", "Settings", "Show", "Hide", *MONTHS),
    "es": ("Save", "Cancel", "Search", "Status", "Filter", "Download", "Edit", "History", "Previous", "Next",
           "Due", "Overdue", "overdue", "Yes", "None", "Delete", "Submit", "Back", "Clear", "Open",
           "Closed", "Sign in", "Sign out", "Change history", "results", "result", "Recommendations",
           "Task forces", "Letters", "Contacts", "Settings", "Show", "Hide", *MONTHS),
}
MONTH_NAMES = {
    "fr": "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    "es": "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
}
# Dates a hard-coded format gives: "2 Jui 2026", "1 Ene 2026" (j M Y), "Jun. 2, 2026" (N j, Y).
ABBREVIATED = re.compile(r"\b\d{1,2} [A-ZÉ][a-zéû]{2}\.? \d{4}\b|\b[A-Z][a-z]{2,3}\. \d{1,2}, \d{4}\b")
ISO_TIMESTAMP = re.compile(r"\b\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
# Spanish writes "2 de junio de 2026" and "junio de 2026", never "2 junio 2026" nor "junio 2026".
SPANISH_WITHOUT_DE = re.compile(rf"\b(?:\d{{1,2}} (?:{MONTH_NAMES['es']})|(?:{MONTH_NAMES['es']}) \d{{4}})\b")


def english_in(text: str, language: str) -> list[str]:
    found = []
    for word in ENGLISH_WORDS[language]:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
            found.append(word)
    found += ABBREVIATED.findall(text) + ISO_TIMESTAMP.findall(text)
    if language == "es":
        found += SPANISH_WITHOUT_DE.findall(text)
    return found


@functools.cache
def names_not_in_the_table(language: str) -> frozenset[str]:
    """django-countries' names that the shipped table (data/reference/country-names.csv) writes
    otherwise ("Îles Marshal", "Trinidad yTobago"): none may reach a page."""
    table = names_table()
    shipped = {forms[language].name for forms in table.values()}
    with translation.override(language):
        theirs = {code: str(name) for code, name in countries}
    return frozenset(name for code, name in theirs.items() if code in table and name not in shipped)


@functools.cache
def _shipped_names(language: str) -> re.Pattern:
    names = sorted({forms[language].name for forms in names_table().values()}, key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names))


# Cities whose name in the language is a State's name in English: "Mexico" is Mexico City in
# French (the time-zone picker, taskforce/timezones.py), not the English name of the State.
CITY_HOMONYMS = {"fr": ("Mexico (Mexique)",), "es": ()}


def country_names_off_the_table(text: str, language: str) -> list[str]:
    """A State's name on a page is the table's: no django-countries variant, and no English name
    of a State in the registry where the language writes it otherwise ("Uganda" on a French page)."""
    table = names_table()
    for city in CITY_HOMONYMS[language]:
        text = text.replace(city, "§")
    text = _shipped_names(language).sub("§", text)  # "El Salvador" holds django-countries' "Salvador"
    found = [name for name in names_not_in_the_table(language) if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    for code in State.objects.values_list("code", flat=True):
        forms = table.get(str(code))
        if forms and forms["en"].name != forms[language].name and re.search(rf"(?<!\w){re.escape(forms['en'].name)}(?!\w)", text):
            found.append(forms["en"].name)
    return found


def _context(text: str, needle: str) -> str:
    at = text.find(needle)
    return text[max(0, at - 60): at + len(needle) + 60] if at >= 0 else ""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("route", PAGE_ROUTES, ids=lambda r: r.id)
def test_every_main_page_reads_in_the_readers_language(route, language, world, client_for):
    url = reverse(route.name, kwargs=route.args(world) if route.args else None)
    problems = []
    for role in ROLES:
        if route.expected.get(role) != 200:
            continue
        client = client_for(role)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = read_page(response.content.decode())
        text = page.text
        for found in english_in(text, language):
            problems.append(f"{role} {url}: “{found}” in …{_context(text, found)}…")
        for found in country_names_off_the_table(text, language):
            problems.append(f"{role} {url}: the country name “{found}” is not the table's, in …{_context(text, found)}…")
        for found in english_in(page.title, language):
            problems.append(f"{role} {url}: “{found}” in the title “{page.title.strip()}”")
    assert not problems, "\n".join(sorted(set(problems))[:40])


def test_the_checks_catch_what_the_audit_found():
    assert english_in("Échéance : 2 Jui 2026", "fr") == ["2 Jui 2026"]
    assert english_in("1 Ene 2026", "es") == ["1 Ene 2026"]
    assert english_in("Modifié le 2026-06-02 14:30", "fr") == ["2026-06-02 14:30"]
    assert english_in("del 2 marzo 1998; septiembre 2009 – agosto 2010", "es") == ["2 marzo", "septiembre 2009", "agosto 2010"]
    assert english_in("Enregistrer — Save", "fr") == ["Save"]
    assert english_in("2 de marzo de 1998; septiembre de 2009 – agosto de 2010; No", "es") == []
    assert english_in("1er mars 2027, 2 juin 2026 à 14:30 UTC", "fr") == []


def test_the_country_check_knows_the_shipped_names(state_a, state_b):
    assert country_names_off_the_table("Rapport de l'Ouganda", "fr") == []
    assert country_names_off_the_table("Rapport de Uganda", "fr") == ["Uganda"]
    salvador = names_table()["SV"]["fr"].name
    assert country_names_off_the_table(f"{salvador} (America)", "fr") == []
    assert country_names_off_the_table("Mexico (Mexique) — 6 heures de retard sur l’UTC", "fr") == []
    assert country_names_off_the_table("Mexico City (America) — 6 heures de retard sur l’UTC", "fr") == ["Mexico"]


# --- the interface follows the person ---------------------------------------------------------

def _sign_in(client, username: str):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


@pytest.fixture
def mexico(db, state_a):
    return make_user("mexico", Role.STATE_FOCAL_POINT, state=state_a, name="María", email="maria@example.org", language="es")


def test_a_focal_point_sees_their_language_after_signing_in_with_an_english_browser(client, mexico):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    assert 'lang="en"' in client.get(reverse("login")).content.decode()
    response = _sign_in(client, "mexico")
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get(reverse("home"))
    assert '<html lang="es">' in page.content.decode()
    assert page["Content-Language"] == "es"


def test_their_own_choice_in_the_switcher_then_wins(client, mexico):
    _sign_in(client, "mexico")
    client.post(reverse("set_language"), {"language": "fr", "next": reverse("home")})
    page = client.get(reverse("home"))
    assert '<html lang="fr">' in page.content.decode()


def test_staff_without_a_contact_record_keep_the_browsers_language(client, db):
    make_user("isu-person", Role.ISU_STAFF)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    _sign_in(client, "isu-person")
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies


# --- dates by the locale ----------------------------------------------------------------------

@pytest.mark.parametrize(("language", "first", "last", "month", "short"), [
    ("fr", "1er mars 2027", "30 avril 2027", "septembre 2009", "02/06/2026"),
    ("es", "1 de marzo de 2027", "30 de abril de 2027", "septiembre de 2009", "02/06/2026"),
])
def test_dates_read_as_the_locale_writes_them(language, first, last, month, short):
    from django.template import Context, Template

    template = Template(
        '{% load locale_dates %}{{ first|long_date }}|{{ last|long_date }}|{{ month|date:"YEAR_MONTH_FORMAT" }}'
        '|{{ short|date:"SHORT_DATE_FORMAT" }}|{{ moment|local_datetime }}'
    )
    values = {
        "first": dt.date(2027, 3, 1), "last": dt.date(2027, 4, 30), "month": dt.date(2009, 9, 1),
        "short": dt.date(2026, 6, 2), "moment": dt.datetime(2026, 6, 2, 14, 30, tzinfo=dt.UTC),
    }
    with translation.override(language):
        rendered = template.render(Context(values)).split("|")
    assert rendered[:4] == [first, last, month, short]
    assert rendered[4] == {"fr": "2 juin 2026 à 14:30 UTC", "es": "2 de junio de 2026, 14:30 UTC"}[language]


def test_english_source_text_is_marked_on_french_and_spanish_pages_only():
    from django.template import Context, Template

    template = Template('{% load source_text %}<p{% source_lang %}>x</p>{{ text|source_text }}')
    context = {"text": "Strengthen <coordination>"}
    with translation.override("fr"):
        assert template.render(Context(context)) == '<p lang="en">x</p><span lang="en">Strengthen &lt;coordination&gt;</span>'
    with translation.override("en"):
        assert template.render(Context(context)) == "<p>x</p>Strengthen &lt;coordination&gt;"
