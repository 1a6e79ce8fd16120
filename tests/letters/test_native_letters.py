"""Letters that read as native French and Spanish: every kind rendered through the service the
outbox uses (letters_schedule / campaign_queue), with no blank placeholder, the country's
article and its contractions, the locale's long date and no English word."""

import datetime as dt
import re

import pytest
from django.utils import translation

from config.dates import long_date
from entities.access import actor_for
from letters.models import Campaign, Letter, TemplateKind
from letters.models.templates import LETTER_KINDS
from letters.services.obligations import destruction_record
from letters.services.outbox import message_enqueue
from letters.services.scheduling import campaign_queue, letters_schedule
from tests.factories import (
    CampaignFactory,
    FocalPointFactory,
    ReminderPlanFactory,
    ReportingObligationFactory,
    StateFactory,
    TreatyPartyFactory,
)

D = dt.date
REMINDER_DAY = D(2027, 3, 1)  # 60 days before the 2026 report is due (30 April 2027)
OVERDUE_DAY = D(2027, 5, 7)  # 7 days after
CLEARANCE_DAY = D(2033, 9, 1)  # 24 months before the article 5 deadline of a 2025 entry into force

TREATY = {
    "fr": "Convention sur l'interdiction de l'emploi, du stockage, de la production et du transfert des mines "
          "antipersonnel et sur leur destruction",
    "es": "Convención sobre la prohibición del empleo, almacenamiento, producción y transferencia de minas "
          "antipersonal y sobre su destrucción",
}
OBLIGATION = {
    "fr": "rapport au titre de l'article 7 (mesures de transparence)",
    "es": "informe de transparencia en virtud del artículo 7",
}
SECRETARIAT = {"en": "Implementation Support Unit", "fr": "Unité d'appui à l'application",
               "es": "Dependencia de Apoyo a la Aplicación"}
CODES = ("MX", "CH", "NL", "UG", "KH", "AF", "PE", "FR", "CO", "CU", "IL", "US", "CF", "SV", "BS")

# English words that must not appear in a French or Spanish letter (none quotes source text).
ENGLISH = (
    "Dear", "Reminder", "Overdue", "report ", "Report", "deadline", " days", "months", " the ", " of ", " and ",
    "Implementation Support Unit", "Convention on", "Article 7 transparency", "Intersessional", "Meeting of",
    "States Parties", "Platform for", "January", "April", "May", "September", "in advance",
)


def _blank_placeholders(text: str) -> list[str]:
    """What a placeholder left blank, or half-rendered, leaves behind."""
    problems = []
    for pattern, why in (
        (r"[^\S\n]{2,}", "double space"), (r"\b(article|artículo)\s*[,.)]", "article without number"),
        (r"\(\s*\)", "empty parentheses"), (r"\s[,.;:]", "space before punctuation"), (r"{{|}}|{%|%}", "template syntax"),
        (r"\x00", "placeholder marker"), (r"\b(None|True|False)\b", "Python value"), (r"<function|lambda", "code"),
        (r"\b(de|del|a|al|of|to|le|la|les|el|los|las)\s*(,|\.|:|$)", "preposition or article without its noun"),
    ):
        if re.search(pattern, text, flags=re.M if why.startswith("preposition") else 0):
            problems.append(why)
    return problems


def _assert_complete(letter: Letter) -> None:
    for part in (letter.subject, letter.body):
        # French puts a (non-breaking-like) space before ":" and inside « »; only the space
        # before a comma or full stop is an error there.
        problems = [p for p in _blank_placeholders(part)
                    if not (letter.language == "fr" and p == "space before punctuation"
                            and not re.search(r"\s[,.]", part))]
        assert not problems, f"{letter.language} {letter.purpose} {letter.stage}: {problems}\n{part}"


@pytest.fixture
def staff(isu_staff):
    return actor_for(isu_staff)


def _treaty_in_three_languages(obligation):
    treaty = obligation.treaty
    treaty.name_fr, treaty.name_es = TREATY["fr"], TREATY["es"]
    treaty.save()
    obligation.name_fr, obligation.name_es = OBLIGATION["fr"], OBLIGATION["es"]
    obligation.save()


@pytest.fixture
def world(db):
    """The Convention (names in three languages), its article 7 reminder plan, and a dozen
    States Parties whose focal points are set per test to one language."""
    obligation = ReportingObligationFactory()
    _treaty_in_three_languages(obligation)
    ReminderPlanFactory(obligation=obligation)
    states = {}
    for code in CODES:
        states[code] = StateFactory(code=code)
        TreatyPartyFactory(treaty=obligation.treaty, state=states[code], consent_to_be_bound=D(2025, 3, 3),
                           entry_into_force=D(2025, 9, 1))
    return obligation, states


def _speaking(states, language: str) -> None:
    for code, state in states.items():
        FocalPointFactory(state=state, email=f"focal@{code.lower()}.example.org", language=language)


def _letters(**filters) -> dict[str, Letter]:
    return {letter.state.code.code: letter for letter in Letter.objects.filter(**filters).select_related("state")}


# --- Every kind, every language, no blank ----------------------------------------------------

@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_kind_of_letter_is_complete_in_each_language(world, staff, language):
    obligation, states = world
    _speaking(states, language)
    for code in ("PE", "UG"):
        destruction_record(actor=staff, state=states[code], kind="article-5", recorded_on=D(2025, 11, 3), today=D(2026, 1, 15))
    campaigns = {
        kind: CampaignFactory(treaty=obligation.treaty, kind=kind, period=2026, send_on=D(2033, 9, 1), name=kind)
        for kind in LETTER_KINDS  # the e-mails' kinds are tested in test_native_messages
    }

    letters_schedule(today=REMINDER_DAY)
    letters_schedule(today=OVERDUE_DAY)
    letters_schedule(today=CLEARANCE_DAY)  # article 5 reminders and the four campaigns
    for campaign in campaigns.values():
        campaign.refresh_from_db()
        campaign_queue(campaign=campaign, today=CLEARANCE_DAY)  # nothing twice

    letters = list(Letter.objects.all())
    kinds = {(letter.purpose, letter.stage.split("-")[0]) for letter in letters}
    assert {("apmbc-article-7", "reminder"), ("apmbc-article-7", "overdue"), ("apmbc-article-5", "months")} <= kinds
    assert {letter.purpose for letter in letters} >= set(LETTER_KINDS)
    assert {letter.language for letter in letters} == {language}
    for letter in letters:
        _assert_complete(letter)
        assert SECRETARIAT[language] in letter.body
    overdue = Letter.objects.get(purpose=TemplateKind.REPORT_OVERDUE, state=states["UG"])
    # The campaign of overdue letters names the report, its article, the deadline and the delay.
    assert {"en": "article 7", "fr": "l'article 7", "es": "artículo 7"}[language] in overdue.body
    deadline = {"en": long_date(D(2027, 4, 30), "en"), "fr": "30 avril 2027", "es": "30 de abril de 2027"}[language]
    assert deadline in overdue.body
    assert re.search(rf"\b{(CLEARANCE_DAY - D(2027, 4, 30)).days}\b", overdue.body)  # days late, on the day it was queued
    assert Campaign.objects.filter(status="queued").count() == 4


def test_a_clearance_campaign_goes_only_to_states_with_a_clearance_deadline(world, staff):
    obligation, states = world
    _speaking(states, "es")
    destruction_record(actor=staff, state=states["PE"], kind="article-5", recorded_on=D(2025, 11, 3), today=D(2026, 1, 15))
    campaign = CampaignFactory(treaty=obligation.treaty, kind=TemplateKind.CLEARANCE_REMINDER, period=2033,
                               send_on=CLEARANCE_DAY)
    assert campaign_queue(campaign=campaign, today=CLEARANCE_DAY) == 1
    letter = Letter.objects.get(purpose=TemplateKind.CLEARANCE_REMINDER)
    assert letter.state == states["PE"]
    assert letter.subject == "Plazo del artículo 5: 1 de septiembre de 2035"
    assert "Para el Perú, ese plazo vence el 1 de septiembre de 2035, dentro de 24 meses" in letter.body


# --- The country's grammar, checked on the queued letters (State × language × construction) -----

CASES = [
    # French: "de" after "point focal" and "rapport", the article after "invite", agreement.
    ("MX", "fr", "Madame, Monsieur le point focal du Mexique,"),
    ("MX", "fr", "le rapport du Mexique au titre de l'article 7"),
    ("MX", "fr", "invite le Mexique à fournir"),
    ("MX", "fr", "sur ses besoins d'assistance ou sur l'assistance qu'il est en mesure d'offrir"),
    ("CH", "fr", "le rapport de la Suisse"),
    ("CH", "fr", "invite la Suisse à fournir"),
    ("CH", "fr", "qu'elle est en mesure d'offrir"),
    ("NL", "fr", "le point focal des Pays-Bas (Royaume des)"),
    ("NL", "fr", "invite les Pays-Bas (Royaume des) à fournir"),
    ("NL", "fr", "sur leurs besoins d'assistance ou sur l'assistance qu'ils sont en mesure d'offrir, ainsi que leurs observations"),
    ("UG", "fr", "le rapport de l'Ouganda"),
    ("UG", "fr", "invite l'Ouganda à fournir"),
    ("KH", "fr", "le point focal du Cambodge"),
    ("KH", "fr", "invite le Cambodge à fournir"),
    ("AF", "fr", "le rapport de l'Afghanistan"),
    ("AF", "fr", "invite l'Afghanistan à fournir"),
    ("PE", "fr", "le rapport du Pérou"),
    ("FR", "fr", "le rapport de la France"),
    ("CO", "fr", "le point focal de la Colombie"),
    ("CU", "fr", "le rapport de Cuba"),
    ("CU", "fr", "invite Cuba à fournir"),
    ("CU", "fr", "qu'elle est en mesure d'offrir"),
    ("IL", "fr", "le rapport d'Israël"),
    ("US", "fr", "invite les États-Unis d'Amérique à fournir"),
    ("BS", "fr", "qu'elles sont en mesure d'offrir"),
    ("SV", "fr", "le rapport d'El Salvador"),
    # Spanish: "de"/"del", "a"/"al", and the number for "está/están".
    ("MX", "es", "Estimado punto focal de México:"),
    ("MX", "es", "el informe de México en virtud del artículo 7"),
    ("MX", "es", "invita a México a proporcionar"),
    ("PE", "es", "Estimado punto focal del Perú:"),
    ("PE", "es", "el informe del Perú"),
    ("PE", "es", "invita al Perú a proporcionar"),
    ("NL", "es", "el informe de los Países Bajos (Reino de los)"),
    ("NL", "es", "invita a los Países Bajos (Reino de los) a proporcionar"),
    ("NL", "es", "la asistencia que están en condiciones de ofrecer"),
    ("CF", "es", "el informe de la República Centroafricana"),
    ("CF", "es", "invita a la República Centroafricana a proporcionar"),
    ("AF", "es", "el informe del Afganistán"),
    ("UG", "es", "el informe de Uganda"),
    ("CH", "es", "invita a Suiza a proporcionar"),
    ("KH", "es", "el informe de Camboya"),
    ("SV", "es", "el informe de El Salvador"),
    ("BS", "es", "invita a las Bahamas a proporcionar"),
    ("CU", "es", "la asistencia que está en condiciones de ofrecer"),
    # English: the plain name, with "the" where UN English writes it.
    ("MX", "en", "the Article 7 transparency report of Mexico under article 7"),
    ("NL", "en", "invites the Netherlands (Kingdom of the) to provide"),
]


@pytest.fixture(params=["en", "fr", "es"])
def queued(request, world):
    """The 60-day reminders and the annual Platform call, queued for every State in one language."""
    obligation, states = world
    _speaking(states, request.param)
    CampaignFactory(treaty=obligation.treaty, period=2027, send_on=REMINDER_DAY, meeting="the Intersessional Meetings")
    letters_schedule(today=REMINDER_DAY)
    return request.param, {
        code: reminder.body + "\n" + _letters(purpose=TemplateKind.PLATFORM_CALL)[code].body
        for code, reminder in _letters(purpose="apmbc-article-7").items()
    }


def test_each_queued_letter_writes_the_country_with_its_grammar(queued):
    language, texts = queued
    cases = [(code, expected) for code, case_language, expected in CASES if case_language == language]
    assert cases
    wrong = [(code, expected) for code, expected in cases if expected not in texts[code]]
    assert not wrong, wrong


def test_the_table_holds_at_least_thirty_cases():
    assert len([case for case in CASES if case[1] != "en"]) >= 30


def test_french_and_spanish_letters_have_no_english_word_and_the_long_date(queued):
    language, texts = queued
    if language == "en":
        return
    for code, text in texts.items():
        found = [word for word in ENGLISH if word in text]
        assert not found, f"{code}: {found}"
        assert {"fr": "30 avril 2027", "es": "30 de abril de 2027"}[language] in text
        assert TREATY[language] in text
    subjects = Letter.objects.filter(purpose="apmbc-article-7").values_list("subject", flat=True)
    assert all(OBLIGATION[language] in subject for subject in subjects)


def test_the_campaigns_meeting_is_named_in_the_letters_language(queued):
    language, texts = queued
    expected = {
        "en": "In advance of the Intersessional Meetings,",
        "fr": "En vue des réunions intersessions,",
        "es": "Con miras a las reuniones entre períodos de sesiones,",
    }[language]
    assert all(expected in text for text in texts.values())


def test_a_meeting_the_letters_do_not_know_is_not_put_in_english_into_a_spanish_letter(world):
    obligation, states = world
    _speaking(states, "es")
    CampaignFactory(treaty=obligation.treaty, period=2027, send_on=REMINDER_DAY, meeting="the Bangkok workshop")
    letters_schedule(today=REMINDER_DAY)
    body = Letter.objects.filter(purpose=TemplateKind.PLATFORM_CALL).first().body
    assert "Bangkok workshop" not in body
    assert "Con miras a las reuniones entre períodos de sesiones y la Reunión de los Estados Partes" in body


# --- Language when no focal point gives one -----------------------------------------------------

def test_a_state_without_a_letter_recipient_is_written_to_in_its_recorded_language(world):
    obligation, states = world
    # Cambodia's only focal point is inactive but says French; Peru has none at all.
    FocalPointFactory(state=states["KH"], email="old@kh.example.org", language="fr", is_active=False)
    letters_schedule(today=REMINDER_DAY)
    cambodia, peru = Letter.objects.get(state=states["KH"]), Letter.objects.get(state=states["PE"])
    assert (cambodia.language, cambodia.status) == ("fr", "no_recipient")
    assert "point focal du Cambodge" in cambodia.body
    assert peru.language == "en"  # nothing recorded: never guessed from the country


# --- The reason a letter cannot be sent ------------------------------------------------------------

def test_the_address_problem_is_stored_as_a_code_and_read_in_the_readers_language(db):
    with translation.override("fr"):
        letter = message_enqueue(key="k", purpose="p", recipients=["broken@"], subject="s", body="b")
    letter.refresh_from_db()
    assert (letter.address_problem_code, letter.malformed_addresses) == ("no_address", "broken@")
    with translation.override("en"):
        assert letter.address_problem == "Malformed address: broken@ No usable e-mail address."
    with translation.override("es"):
        assert letter.address_problem == "Dirección mal formada: broken@ Ninguna dirección de correo utilizable."


# --- Calendar feeds in the language asked for ------------------------------------------------------

def test_task_force_feed_speaks_the_language_asked_for(anon_client, entity):
    from django.urls import reverse
    from icalendar import Calendar

    from tests.factories import ActionItemFactory, MechanismFactory

    task_force = MechanismFactory(slug="ied-task-force", acronym="", name="IED task force", lead_entity=entity)
    ActionItemFactory(mechanism=task_force, meeting=None, entity=entity, text="Draft the glossary", due_on=D(2026, 5, 1))
    url = reverse("taskforce:mechanism-calendar", args=[task_force.slug])
    for language, summary, category in (
        ("fr", "Échéance (UNMAS) : Draft the glossary", "échéance"),
        ("es", "Plazo (UNMAS): Draft the glossary", "plazo"),
        ("en", "Due (UNMAS): Draft the glossary", "deadline"),
    ):
        event = Calendar.from_ical(anon_client.get(url, {"lang": language}).content).walk("VEVENT")[0]
        assert str(event["summary"]) == summary
        assert event["categories"].to_ical().decode() == category


def test_deadlines_feed_names_states_and_statuses_in_the_language_asked_for(staff_client, world, staff):
    from django.urls import reverse
    from icalendar import Calendar

    _obligation, states = world
    destruction_record(actor=staff, state=states["NL"], kind="article-5", recorded_on=D(2025, 11, 3), today=D(2026, 1, 15))
    response = staff_client.get(reverse("letters:obligations-state-calendar", args=["NL"]), {"lang": "es"})
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert events
    for event in events:
        assert str(event["summary"]).startswith("Países Bajos (Reino de los): ")
        assert event["categories"].to_ical().decode() == "plazo"


# --- Stored texts ----------------------------------------------------------------------------------

def test_the_seed_brings_a_stored_text_shipped_before_up_to_date_but_keeps_staff_edits(db, monkeypatch):
    from io import StringIO

    from letters import defaults, seed
    from letters.models import LetterTemplate

    old = LetterTemplate.objects.create(kind="platform-call", language="fr", subject="Ancien", body="de {{ state }}")
    edited = LetterTemplate.objects.create(kind="platform-call", language="es", subject="Mío", body="{{ state }}")
    monkeypatch.setattr(seed, "SUPERSEDED", {seed._digest("Ancien", "de {{ state }}")})
    seed.load(stdout=StringIO())
    old.refresh_from_db()
    edited.refresh_from_db()
    assert (old.subject, old.body) == defaults.TEMPLATES["platform-call"]["fr"]
    assert (edited.subject, edited.body) == ("Mío", "{{ state }}")
