"""The capabilities directory and the glossary are browsable and searchable."""

from django.urls import reverse

from tests.factories import CapabilityFactory, EntityFactory, GlossaryTermFactory


def test_capabilities_filter_by_kind_entity_and_search(anon_client, entity):
    undp = EntityFactory(acronym="UNDP")
    CapabilityFactory(entity=entity, kind="training", title="Search and detection course")
    CapabilityFactory(entity=undp, kind="data", title="Incident database")
    url = reverse("taskforce:capability-list")
    assert "Incident database" not in anon_client.get(url, {"kind": "training"}).content.decode()
    page = anon_client.get(url, {"entity": "undp"}).content.decode()
    assert "Incident database" in page and "Search and detection" not in page
    assert "Search and detection" in anon_client.get(url, {"q": "detection"}).content.decode()


def test_staff_add_a_capability(staff_client, entity):
    response = staff_client.post(reverse("taskforce:capability-create"), {"entity": entity.pk, "kind": "guidance", "title": "Doctrine notes"})
    assert response.status_code == 302
    assert "Doctrine notes" in staff_client.get(reverse("taskforce:capability-list")).content.decode()


def test_glossary_shows_three_languages_and_one_language_tab(db, anon_client):
    GlossaryTermFactory(term_en="improvised explosive device", term_fr="engin explosif improvisé", term_es="artefacto explosivo improvisado")
    url = reverse("taskforce:glossary")
    page = anon_client.get(url).content.decode()
    assert "engin explosif improvisé" in page and "artefacto explosivo improvisado" in page
    french = anon_client.get(url, {"lang": "fr"}).content.decode()
    assert "engin explosif improvisé" in french and "artefacto explosivo" not in french
    assert "improvised explosive device" in anon_client.get(url, {"q": "explosif"}).content.decode()
