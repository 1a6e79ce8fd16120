"""Names in three languages: official French and Spanish forms where the UN has one, English
where it has none; regions by M49; the seed's notes; the secretariat's name; and the API."""

import io
import json

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from entities import seed
from entities.models import AddresseeGroup, Entity, Organisation, ReportingObligation, State, Treaty
from entities.regions import M49_NAMES, region_name
from entities.seed.names import official_names
from entities.seed.reference import M49_REGION
from entities.selectors import organisation_list
from letters.secretariat import secretariat_name
from recommendations import seed as recommendations_seed
from recommendations.models import Cluster
from taskforce import seed as taskforce_seed
from taskforce.models import Mechanism, Meeting
from taskforce.seed.notes import note_html
from taskforce.selectors import mechanism_list

APMBC_FR = (
    "Convention sur l'interdiction de l'emploi, du stockage, de la production et du transfert des mines "
    "antipersonnel et sur leur destruction"
)
APMBC_ES = (
    "Convención sobre la prohibición del empleo, almacenamiento, producción y transferencia de minas "
    "antipersonal y sobre su destrucción"
)
APMBC_EN = (
    "Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines "
    "and on Their Destruction"
)


@pytest.fixture
def seeded(db):
    for loader in (seed, recommendations_seed, taskforce_seed):
        loader.load(stdout=io.StringIO())


def names_in(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "treaty": Treaty.objects.get(short_name="APMBC").name,
            "obligation": ReportingObligation.objects.get(code="article-7").name,
            "entity": Entity.objects.get(acronym="UNMAS").name,
            "organisation": Organisation.objects.get(acronym="AU").name,
            "addressee": AddresseeGroup.objects.get(slug="all-member-states").name,
            "mechanism": Mechanism.objects.get(slug="a4p").name,
            "cluster": Cluster.objects.get(position=2).name,
        }


def test_names_come_out_in_the_official_french_and_spanish_forms(seeded):
    assert names_in("fr") == {
        "treaty": APMBC_FR,
        "obligation": "rapport au titre de l'article 7 (mesures de transparence)",
        "entity": "Service de la lutte antimines de l'ONU",
        "organisation": "Union africaine",
        "addressee": "Tous les États Membres",
        "mechanism": "Action pour le maintien de la paix",
        "cluster": "Maintien de la paix",
    }
    assert names_in("es") == {
        "treaty": APMBC_ES,
        "obligation": "informe de transparencia en virtud del artículo 7",
        "entity": "Servicio de las Naciones Unidas de Actividades relativas a las Minas",
        "organisation": "Unión Africana",
        "addressee": "Todos los Estados Miembros",
        "mechanism": "Acción para el Mantenimiento de la Paz",
        "cluster": "Mantenimiento de la paz",
    }
    assert names_in("en")["treaty"] == APMBC_EN


def test_a_name_without_an_official_form_falls_back_to_english(seeded):
    casa = Mechanism.objects.get(slug="casa")
    survey = Organisation.objects.get(name_en="Small Arms Survey")
    assert (casa.name_fr, casa.name_es, survey.name_fr) == (None, None, None)
    for language in ("fr", "es"):
        with translation.override(language):
            assert Mechanism.objects.get(slug="casa").name == "United Nations Coordinating Action on Small Arms"
            assert Organisation.objects.get(pk=survey.pk).name == "Small Arms Survey"


def test_a_record_named_while_french_is_active_has_that_name_in_english_too(db):
    with translation.override("fr"):
        treaty = Treaty.objects.create(short_name="CCM", name="Convention on Cluster Munitions")
    assert Treaty.objects.get(pk=treaty.pk).name_en == "Convention on Cluster Munitions"


def test_the_seed_loads_in_english_whatever_language_is_active(db):
    with translation.override("es"):
        seed.load(stdout=io.StringIO())
    assert Entity.objects.get(acronym="UNMAS").name_en == "United Nations Mine Action Service"
    assert Entity.objects.get(acronym="UNMAS").name_es == "Servicio de las Naciones Unidas de Actividades relativas a las Minas"
    assert Organisation.objects.get(acronym="MASG").name_es is None


def test_every_row_of_the_names_file_is_loaded_and_cites_its_source(seeded):
    rows = [row for rows in official_names().values() for row in rows]
    assert len(rows) >= 60
    assert all(row["source"].strip() for row in rows)
    with translation.override("fr"):
        assert Entity.objects.get(acronym="UNICEF").name == "Fonds des Nations Unies pour l'enfance"
        assert Entity.objects.get(acronym="UNODA").name == "Bureau des affaires de désarmement"
        assert Entity.objects.get(acronym="DPO").name == "Département des opérations de paix"
    with translation.override("es"):
        assert Entity.objects.get(acronym="UNDP").name == "Programa de las Naciones Unidas para el Desarrollo"
        assert Entity.objects.get(acronym="UNODA").name == "Oficina de Asuntos de Desarme"


def test_loading_the_names_twice_changes_nothing(seeded):
    out = io.StringIO()
    seed.load(stdout=out)
    assert "official French and Spanish names (0 created, 0 updated" in out.getvalue()


def test_a_change_of_a_french_name_is_kept_in_the_history(seeded):
    unmas = Entity.objects.get(acronym="UNMAS")
    unmas.name_fr = "Service de la lutte antimines"
    unmas.save()
    assert unmas.history.first().name_fr == "Service de la lutte antimines"
    assert unmas.history.first().name_en == "United Nations Mine Action Service"


def test_lists_are_in_the_order_of_the_names_the_reader_sees(seeded):
    with translation.override("fr"):
        names = [organisation.name for organisation in organisation_list()]
        mechanisms = [mechanism.name for mechanism in mechanism_list()]
    assert names == sorted(names)
    assert names.index("Small Arms Survey") < names.index("Union africaine")
    assert mechanisms == sorted(mechanisms)


def test_entity_page_speaks_the_readers_language(seeded, client):
    url = reverse("entities:entity-detail", args=["UNMAS"])
    assert "Service de la lutte antimines de l&#x27;ONU" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Servicio de las Naciones Unidas de Actividades relativas a las Minas" in client.get(
        url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "United Nations Mine Action Service" in client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_a_search_finds_an_entity_by_its_name_in_any_language(seeded, client):
    url = reverse("entities:entity-list")
    french_page = client.get(url, {"q": "Mine Action Service"}, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert ">UNMAS</a>" in french_page
    english_page = client.get(url, {"q": "lutte antimines"}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert ">UNMAS</a>" in english_page


def test_the_api_gives_the_english_name_unless_the_client_asks_for_another_language(seeded, client_for):
    client = client_for("api_token")
    url = reverse("treaty-detail", args=["APMBC"])
    assert client.get(url).json()["name"] == APMBC_EN
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="fr").json()["name"] == APMBC_FR
    assert client.get(url, HTTP_ACCEPT_LANGUAGE="es").json()["short_name"] == "APMBC"


# --- Regions -----------------------------------------------------------------------------------

def test_every_m49_region_and_subregion_has_a_french_and_spanish_name():
    assert set(M49_NAMES) == set(M49_REGION) | set().union(*M49_REGION.values())
    with translation.override("fr"):
        assert [region_name(name) for name in ("Africa", "Americas", "Southern Asia", "Western Africa")] == [
            "Afrique", "Amériques", "Asie du Sud", "Afrique de l'Ouest",
        ]
    with translation.override("es"):
        assert [region_name(name) for name in ("Africa", "Americas", "Southern Asia", "South-eastern Asia")] == [
            "África", "Américas", "Asia meridional", "Asia sudoriental",
        ]
    with translation.override("fr"):
        assert region_name("somewhere typed by hand") == "somewhere typed by hand"


def test_a_state_page_shows_its_region_and_subregion_in_the_readers_language(db, client):
    State.objects.create(code="NP", is_un_member=True, region="Asia", subregion="Southern Asia")
    page = client.get(reverse("entities:state-detail", args=["NP"]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Asie — Asie du Sud" in page


def test_the_state_list_shows_and_offers_regions_in_the_readers_language(db, client):
    State.objects.create(code="NP", is_un_member=True, region="Asia", subregion="Southern Asia")
    page = client.get(reverse("entities:state-list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Asia meridional" in page
    assert '<option value="Africa">África</option>' in page
    page = client.get(reverse("entities:state-list"), {"region": "Asia"}, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Asie du Sud" in page
    assert "Southern Asia" not in page


# --- Notes the seed writes ---------------------------------------------------------------------

def seed_notes() -> set[str]:
    data = json.loads((settings.BASE_DIR / "data" / "seed" / "taskforce.json").read_text(encoding="utf-8"))
    notes = set()
    for mechanism in data["mechanisms"]:
        notes |= {membership["note"] for membership in mechanism.get("memberships", [])}
        for meeting in mechanism.get("meetings", []):
            notes.add(meeting.get("date_note", ""))
            notes |= {participant["note"] for participant in meeting.get("participants", [])}
    return notes - {""}


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_note_the_seed_writes_reads_in_french_and_spanish(language):
    notes = seed_notes()
    assert "Listed among the 21 CASA participants in 2009." in notes
    with translation.override(language):
        untranslated = {note for note in notes if str(note_html(note)) in (note, note.replace("'", "&#x27;"))}
    assert untranslated == set()


def test_a_note_typed_by_a_person_is_shown_as_typed():
    with translation.override("fr"):
        assert note_html("Met <twice> in May.") == "Met &lt;twice&gt; in May."


def test_mechanism_and_meeting_pages_show_the_seed_notes_in_the_readers_language(seeded, client):
    page = client.get(reverse("taskforce:mechanism-detail", args=["casa"]), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Figure parmi les 21 participants au CASA en 2009." in page
    assert "Listed among" not in page
    meeting = Meeting.objects.get(date_note__startswith="“late January”")
    page = client.get(reverse("taskforce:meeting-detail", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert '«<span lang="en">late January</span>» de 2020: la fuente no indica el día.' in page
    assert "Convocó la reunión." in page


# --- The secretariat ---------------------------------------------------------------------------

def test_the_secretariat_is_named_in_the_readers_language():
    assert [secretariat_name(language) for language in ("en", "fr", "es")] == [
        "Implementation Support Unit", "Unité d'appui à l'application", "Dependencia de Apoyo a la Aplicación",
    ]
    with translation.override("es"):
        assert secretariat_name() == "Dependencia de Apoyo a la Aplicación"


# --- The admin ---------------------------------------------------------------------------------

@pytest.mark.parametrize("model", [Treaty, ReportingObligation, Entity, Organisation, AddresseeGroup, Mechanism, Cluster])
def test_the_admin_edits_each_language_of_a_name_in_its_own_box(rf, admin_user, model):
    request = rf.get("/")
    request.user = admin_user
    fields = admin.site._registry[model].get_form(request)().fields
    assert {"name_en", "name_fr", "name_es"} <= set(fields)
    assert "name" not in fields  # one box per language, none that writes "the active language"
