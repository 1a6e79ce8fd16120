"""The e-mails other apps send (a match proposed, entries to confirm, overdue action items, a
mapping-survey invitation) are composed like the letters: from a template per kind and language, in the recipient's language,
with each State's name in its grammar, no blank placeholder and no English word; staff edit them
on the letter-template pages, where an unknown placeholder is refused."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from entities.access import actor_for
from letters.models import Letter, LetterTemplate
from partnerships.services import stale_entries_request_confirmation
from partnerships.services.notify import match_proposed_notify
from taskforce.services.reminders import overdue_reminders_queue
from taskforce.services.surveys import survey_send
from tests.factories import (
    ActionItemFactory,
    EntityFactory,
    FocalPointFactory,
    MatchFactory,
    NeedFactory,
    OfferFactory,
    StateFactory,
    SurveyFactory,
    SurveyQuestionFactory,
)
from tests.letters.test_native_letters import ENGLISH, _assert_complete

pytestmark = pytest.mark.django_db

# Masculine, feminine, plural and elided in French; with and without article in Spanish.
CODES = ("MX", "FR", "NL", "UG")
KINDS = ("partnerships-match", "partnerships-stale", "taskforce-overdue")
TODAY = dt.date(2026, 3, 2)
# Each State's name as each kind's sentence needs it ("entries of", "owned by").
OF = {
    "en": {"MX": "of Mexico", "FR": "of France", "NL": "of the Netherlands", "UG": "of Uganda"},
    "fr": {"MX": "du Mexique", "FR": "de la France", "NL": "des Pays-Bas", "UG": "de l'Ouganda"},
    "es": {"MX": "de México", "FR": "de Francia", "NL": "de los Países Bajos", "UG": "de Uganda"},
}
OWNED_BY = {
    "en": {"MX": "owned by Mexico", "FR": "owned by France", "NL": "owned by the Netherlands", "UG": "owned by Uganda"},
    "fr": {"MX": "confiée au Mexique", "FR": "confiée à la France", "NL": "confiée aux Pays-Bas",
           "UG": "confiée à l'Ouganda"},
    "es": {"MX": "a cargo de México", "FR": "a cargo de Francia", "NL": "a cargo de los Países Bajos",
           "UG": "a cargo de Uganda"},
}
# Words of the English texts that must not be left in a French or Spanish e-mail.
ENGLISH_HERE = ENGLISH + ("Need:", "Offer:", "Score", "Note:", "Please", "entries", "action items", "due ")


@pytest.fixture
def states(db):
    return {code: StateFactory(code=code) for code in CODES}


def _speaking(states, language):
    for code, state in states.items():
        FocalPointFactory(state=state, name=f"Focal {code}", email=f"focal@{code.lower()}.example.org", language=language)


def _send_every_kind(states, language):
    """Each of the three e-mails, to the four States, as the apps send them."""
    old = timezone.now() - dt.timedelta(days=400)
    for need_code, offer_code in (("MX", "FR"), ("NL", "UG")):
        match = MatchFactory(need=NeedFactory(state=states[need_code], title=f"Besoin-{need_code}"),
                             offer=OfferFactory(state=states[offer_code], title=f"Oferta-{offer_code}"), score=72)
        match_proposed_notify(match=match)
    for code, state in states.items():
        NeedFactory(state=state, title=f"Ancien-{code}", confirmed_at=old)
    OfferFactory(state=states["MX"], title="Ancien-MX-2", confirmed_at=old)  # two entries: the plural
    stale_entries_request_confirmation()
    for code, state in states.items():
        ActionItemFactory(state=state, entity=None, text=f"Tarea-{code}", due_on=dt.date(2026, 2, 1))
    entity = EntityFactory(acronym="UNMAS")
    FocalPointFactory(entity=entity, state=None, name="Focal UNMAS", email="unmas@example.org", language=language)
    ActionItemFactory(entity=entity, text="Tarea-UNMAS", due_on=dt.date(2026, 1, 15))
    ActionItemFactory(entity=entity, text="Tarea-UNMAS-2", due_on=dt.date(2026, 2, 15))  # two items: the plural
    overdue_reminders_queue(today=TODAY)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_kind_of_email_is_complete_in_the_recipients_language(states, language, django_capture_on_commit_callbacks):
    _speaking(states, language)
    with django_capture_on_commit_callbacks(execute=False):
        _send_every_kind(states, language)
    letters = list(Letter.objects.filter(purpose__in=KINDS).select_related("state", "entity"))
    assert {letter.purpose for letter in letters} == set(KINDS)
    assert len(letters) == 4 + 4 + 5  # a match to each State, each State's entries, 4 States and an entity
    for letter in letters:
        assert letter.language == language
        _assert_complete(letter)
        if language != "en":
            words = re.sub(r"\S*/\S*", "", letter.subject + letter.body)  # links are addresses, not words
            english = [word for word in ENGLISH_HERE if word in words]
            assert not english, f"{letter.purpose} to {letter.state or letter.entity}: {english}\n{letter.body}"

    stale = {letter.state.code.code: letter.body for letter in letters if letter.purpose == "partnerships-stale"}
    overdue = {letter.state.code.code: letter.body for letter in letters if letter.purpose == "taskforce-overdue" and letter.state}
    for code in CODES:
        assert OF[language][code] in stale[code], stale[code]
        assert OWNED_BY[language][code] in overdue[code], overdue[code]


def test_french_and_spanish_emails_greet_the_focal_point_of_the_state_with_its_grammar(states, django_capture_on_commit_callbacks):
    FocalPointFactory(state=states["MX"], email="mx@example.org", language="fr")
    FocalPointFactory(state=states["FR"], email="fr@example.org", language="es")
    with django_capture_on_commit_callbacks(execute=False):
        match_proposed_notify(match=MatchFactory(need=NeedFactory(state=states["MX"], title="Déminage"),
                                                 offer=OfferFactory(state=states["FR"], title="Formación")))
    to_mexico = Letter.objects.get(state=states["MX"])
    to_france = Letter.objects.get(state=states["FR"])
    assert to_mexico.body.startswith("Madame, Monsieur le point focal du Mexique,\n")
    assert "Offre : Formación (France)" in to_mexico.body
    assert to_mexico.subject == "Plateforme de partenariats : un appariement est proposé pour « Déminage »"
    assert to_france.body.startswith("Estimado punto focal de Francia:\n")
    assert "Necesidad: Déminage (México)" in to_france.body


def test_one_entry_to_confirm_is_written_in_the_singular(states, django_capture_on_commit_callbacks):
    FocalPointFactory(state=states["UG"], email="ug@example.org", language="fr")
    NeedFactory(state=states["UG"], title="Formation", confirmed_at=timezone.now() - dt.timedelta(days=400))
    with django_capture_on_commit_callbacks(execute=False):
        stale_entries_request_confirmation()
    letter = Letter.objects.get(purpose="partnerships-stale")
    assert letter.subject == "Plateforme de partenariats : veuillez confirmer ou retirer une entrée"
    assert "L'entrée suivante de l'Ouganda sur la Plateforme de partenariats n'a pas été confirmée" in letter.body


# --- Edited by staff --------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_every_email_is_listed_with_the_letters_for_staff_to_edit(staff_client, kind):
    page = staff_client.get(reverse("letters:template-list")).content.decode()
    assert reverse("letters:template-edit", args=[kind, "fr"]) in page
    edit = staff_client.get(reverse("letters:template-edit", args=[kind, "es"]))
    assert edit.status_code == 200
    assert "{{ state|de }}" in edit.context["form"]["body"].value()  # the shipped Spanish text


def test_the_template_list_names_the_emails_and_languages_in_words(staff_client):
    page = staff_client.get(reverse("letters:template-list")).content.decode()
    assert "Platform for Partnerships: match proposed" in page and "Task force: overdue action item" in page
    assert "<td>French</td>" in page and "<td>fr</td>" not in page


def test_the_template_list_says_edited_only_for_a_text_staff_changed(staff_client):
    import io

    from letters.seed import load as load_letter_templates

    load_letter_templates(stdout=io.StringIO())  # the seed stores the shipped texts: none is "edited"
    template = LetterTemplate.objects.get(kind="taskforce-overdue", language="fr")
    template.subject = "Mesures en retard : {{ count }}"
    template.save()
    rows = re.findall(r"<tr><td><a href=\"([^\"]+)\">.*?</td><td>(yes|default text)</td></tr>",
                      staff_client.get(reverse("letters:template-list")).content.decode())
    edited = [url for url, flag in rows if flag == "yes"]
    assert edited == [reverse("letters:template-edit", args=["taskforce-overdue", "fr"])]
    assert len(rows) > 20


def test_the_edit_page_says_what_a_record_or_a_list_placeholder_holds(staff_client):
    page = staff_client.get(reverse("letters:template-edit", args=["taskforce-overdue", "fr"])).content.decode()
    assert "{{ items }}</code> (<code>text, mechanism, due, link</code>)" in page
    assert "Actions en retard" in page  # the shipped French text, ready to edit


@pytest.mark.parametrize(("field", "subject", "body", "unknown"), [
    ("body", "Entradas", "{% for entry in entries %}- {{ entry.titel }}{% endfor %} {{ estado|de }}", "estado"),
    ("body", "Entradas", "{% for entry in entries %}{% endfor %}{{ entry.title }}", "entry"),  # outside its loop
    ("body", "Entradas", "{% if numero %}{{ count }}{% endif %}", "numero"),
    ("subject", "{{ nombre }}", "{{ count }}", "nombre"),
])
def test_an_email_template_with_an_unknown_placeholder_is_refused_naming_the_field(staff_client, field, subject, body, unknown):
    url = reverse("letters:template-edit", args=["partnerships-stale", "es"])
    response = staff_client.post(url, {"subject": subject, "body": body})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert f"Unknown placeholder {{{{ {unknown} }}}}" in errors[field][0]
    assert f"Unknown placeholder {{{{ {unknown} }}}}" in response.content.decode()
    assert not LetterTemplate.objects.exists()


def test_the_next_email_uses_the_text_staff_saved(staff_client, states, django_capture_on_commit_callbacks):
    url = reverse("letters:template-edit", args=["taskforce-overdue", "es"])
    response = staff_client.post(url, {
        "subject": "Tareas pendientes {{ state|de }}: {{ count }}",
        "body": "{% for item in items %}{{ forloop.counter }}. {{ item.text }} ({{ item.due|long_date }}){% endfor %}",
    })
    assert response.status_code == 302
    FocalPointFactory(state=states["NL"], email="nl@example.org", language="es")
    ActionItemFactory(state=states["NL"], entity=None, text="Compartir datos", due_on=dt.date(2026, 2, 1))
    with django_capture_on_commit_callbacks(execute=False):
        overdue_reminders_queue(today=TODAY)
    letter = Letter.objects.get(purpose="taskforce-overdue")
    assert letter.subject == "Tareas pendientes de los Países Bajos (Reino de los): 1"
    assert letter.body == "1. Compartir datos (1 de febrero de 2026)"


def test_a_campaign_cannot_send_an_email_meant_for_one_focal_point(staff_client, db):
    from tests.factories.entities import TreatyFactory

    treaty = TreatyFactory()
    response = staff_client.post(reverse("letters:campaign-create"), {
        "name": "Wrong", "kind": "partnerships-match", "treaty": treaty.pk, "period": 2026, "send_on": "2026-12-01",
    })
    assert response.status_code == 200
    assert "kind" in response.context["form"].errors
    preview = staff_client.get(reverse("letters:preview"), {
        "kind": "partnerships-match", "state": "MX", "language": "fr", "period": 2026, "days": 0,
    })
    assert "kind" in preview.context["form"].errors


# --- The mapping-survey invitation, to UN entities' focal points --------------------------------

# The survey's title as staff typed it (not translated), so that only the template's words count.
SURVEY_TITLE = "Amenaza-EEI"
INVITED = {
    "en": "UNMAS is invited to answer the survey “Amenaza-EEI”.",
    "fr": "Votre entité (UNMAS) est invitée à répondre à l'enquête « Amenaza-EEI ».",
    "es": "Se invita a su entidad (UNMAS) a responder a la encuesta «Amenaza-EEI».",
}
SURVEY_SUBJECT = {"en": "Mapping survey: Amenaza-EEI", "fr": "Enquête de cartographie : Amenaza-EEI",
                  "es": "Encuesta de mapeo: Amenaza-EEI"}
SIGNED = {"en": "Implementation Support Unit", "fr": "Unité d'appui à l'application",
          "es": "Dependencia de Apoyo a la Aplicación"}


@pytest.fixture
def survey(db):
    survey = SurveyFactory(title=SURVEY_TITLE, status="draft")
    SurveyQuestionFactory(survey=survey, order=1, text="Zona", kind="text")
    return survey


def _invite(survey, isu_staff, entity, capture):
    with capture(execute=False):
        survey_send(survey=survey, entities=[entity], actor=actor_for(isu_staff), user=isu_staff,
                    base_url="https://tracker.example.org")
    return Letter.objects.get(purpose="taskforce-survey")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_survey_invitation_is_complete_in_the_focal_points_language(survey, isu_staff, language,
                                                                       django_capture_on_commit_callbacks):
    entity = EntityFactory(acronym="UNMAS")
    FocalPointFactory(entity=entity, state=None, name="Focal UNMAS", email="unmas@example.org", language=language)
    letter = _invite(survey, isu_staff, entity, django_capture_on_commit_callbacks)
    assert letter.language == language and letter.entity == entity
    assert letter.key.startswith(f"taskforce-survey:{survey.pk}:")
    _assert_complete(letter)
    assert letter.subject == SURVEY_SUBJECT[language]
    assert INVITED[language] in letter.body
    assert f"https://tracker.example.org{survey.get_absolute_url()}answer/" in letter.body
    assert letter.body.endswith(SIGNED[language])
    if language == "en":
        assert letter.body.startswith("Dear Focal UNMAS,\n")
    else:
        words = re.sub(r"\S*/\S*", "", letter.subject + letter.body)
        assert not [word for word in ENGLISH_HERE + ("survey", "answer") if word in words], letter.body


def test_the_survey_invitation_is_listed_with_the_letters_for_staff_to_edit(staff_client):
    page = staff_client.get(reverse("letters:template-list")).content.decode()
    assert "Task force: mapping survey invitation" in page
    assert reverse("letters:template-edit", args=["taskforce-survey", "fr"]) in page
    edit = staff_client.get(reverse("letters:template-edit", args=["taskforce-survey", "es"]))
    assert "Encuesta de mapeo: {{ survey }}" in edit.content.decode()  # the shipped Spanish text


def test_the_next_survey_invitation_uses_the_text_staff_saved(staff_client, survey, isu_staff,
                                                              django_capture_on_commit_callbacks):
    response = staff_client.post(reverse("letters:template-edit", args=["taskforce-survey", "fr"]), {
        "subject": "{{ entity }} : enquête « {{ survey }} »",
        "body": "Bonjour {{ name }},\nMerci de répondre avant la fin du mois : {{ link }}",
    })
    assert response.status_code == 302
    entity = EntityFactory(acronym="UNICEF")
    FocalPointFactory(entity=entity, state=None, name="Aminata", email="aminata@example.org", language="fr")
    letter = _invite(survey, isu_staff, entity, django_capture_on_commit_callbacks)
    assert letter.subject == "UNICEF : enquête « Amenaza-EEI »"
    assert letter.body == f"Bonjour Aminata,\nMerci de répondre avant la fin du mois : https://tracker.example.org{survey.get_absolute_url()}answer/"


@pytest.mark.parametrize(("field", "subject", "body", "unknown"), [
    ("body", "Encuesta", "Estimado punto focal {{ state|de }}: {{ link }}", "state"),  # entities have no State
    ("body", "Encuesta", "{% if enlace %}{{ link }}{% endif %}", "enlace"),
    ("subject", "Encuesta {{ titulo }}", "{{ link }}", "titulo"),
])
def test_a_survey_invitation_with_an_unknown_placeholder_is_refused_naming_the_field(staff_client, field, subject, body,
                                                                                   unknown):
    response = staff_client.post(reverse("letters:template-edit", args=["taskforce-survey", "es"]),
                                 {"subject": subject, "body": body})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert f"Unknown placeholder {{{{ {unknown} }}}}" in errors[field][0]
    assert not LetterTemplate.objects.exists()
