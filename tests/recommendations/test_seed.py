"""Loading annex I into the database: complete, linked, idempotent, and loud when a name
cannot be resolved."""

import io
from collections import Counter

import pytest

from entities.loading import read_seed_data
from entities.models import AddresseeGroup, Entity, EntityName, Organisation
from recommendations.models import ActionStatus, Recommendation, Reference, Report, SuggestedAction
from recommendations.seed import SeedError, load_annex

# What entities/seed.py provides that annex I names (acronym, full name, other names).
REGISTRY = [
    ("UNSC", "Security Council", []),
    ("Secretariat", "United Nations Secretariat", []),
    ("DPKO", "Department of Peacekeeping Operations", []),
    ("DPA", "Department of Political Affairs", []),
    ("DFS", "Department of Field Support", []),
    ("UNMAS", "United Nations Mine Action Service", ["Mine Action Service"]),
    ("UNODA", "United Nations Office for Disarmament Affairs", ["Office for Disarmament Affairs"]),
    ("UNOCT", "United Nations Office of Counter-Terrorism", ["Office of Counter-Terrorism"]),
    ("Regional Centres", "United Nations regional centres for peace and disarmament", []),
    ("OHCHR", "Office of the United Nations High Commissioner for Human Rights", []),
    ("UNODC", "United Nations Office on Drugs and Crime", []),
    ("UNDP", "United Nations Development Programme", []),
    ("UNICEF", "United Nations Children's Fund", []),
    ("UN-Women", "United Nations Entity for Gender Equality and the Empowerment of Women", []),
    ("UNIDIR", "United Nations Institute for Disarmament Research", []),
]


@pytest.fixture
def registry(db):
    for acronym, name, others in REGISTRY:
        entity = Entity.objects.create(acronym=acronym, name=name)
        for other in others:
            EntityName.objects.create(entity=entity, name=other)
    Organisation.objects.create(name="International Criminal Police Organization", acronym="INTERPOL")


@pytest.fixture
def document():
    """Annex I as committed in data/seed (extracted from the document by the annex reader)."""
    return read_seed_data("recommendations")


def test_annex_one_is_loaded_completely(registry, document):
    load_annex(document)
    assert Recommendation.objects.count() == 18
    assert Reference.objects.count() == 19
    assert SuggestedAction.objects.count() == 45
    per_addressee = Counter(SuggestedAction.objects.values_list("addressee__slug", flat=True))
    assert per_addressee == {"security-council": 29, "all-member-states": 8, "un-system": 8}
    assert set(SuggestedAction.objects.values_list("status", flat=True)) == {ActionStatus.NOT_STARTED}
    assert set(Recommendation.objects.values_list("re_examined_in__symbol", flat=True)) == {"S/2017/1025"}


def test_reports_carry_only_what_the_document_states(registry, document):
    load_annex(document)
    current = Report.objects.get(symbol="S/2017/1025")
    assert (current.date.isoformat(), current.organ) == ("2017-12-06", "Security Council")
    earlier = Report.objects.get(symbol="S/2008/258")
    assert (earlier.title, earlier.date, earlier.link) == ("", None, "")


def test_named_entities_are_links_not_text(registry, document):
    load_annex(document)
    dfs_action = SuggestedAction.objects.get(text__contains="Department of Field Support")
    assert sorted(dfs_action.implementing_entities.values_list("acronym", flat=True)) == ["DFS", "DPKO", "UNDP", "UNMAS"]
    interpol = SuggestedAction.objects.filter(organisations__acronym="INTERPOL")
    assert interpol.count() == 3
    assert SuggestedAction.objects.filter(implementing_entities__acronym="UNIDIR").count() == 2
    fire_officer = SuggestedAction.objects.get(text__contains="Fire Explosive Safety Officer")
    assert sorted(fire_officer.tags.values_list("code", flat=True)) == ["IATG", "IATG 12.10"]


def test_a_second_load_changes_nothing(registry, document):
    load_annex(document)
    stamps = list(SuggestedAction.objects.order_by("pk").values_list("pk", "updated_at"))
    counter: Counter = Counter()
    load_annex(document, counter=counter)
    assert counter == Counter()
    assert list(SuggestedAction.objects.order_by("pk").values_list("pk", "updated_at")) == stamps


def test_an_entity_the_registry_lacks_stops_the_load_and_is_named(registry, document):
    Entity.objects.filter(acronym="UNIDIR").delete()
    with pytest.raises(SeedError, match="UNIDIR"):
        load_annex(document)


def test_missing_addressee_groups_are_created_with_their_names(registry, document):
    load_annex(document)
    assert dict(AddresseeGroup.objects.values_list("slug", "name")) == {
        "security-council": "Security Council",
        "all-member-states": "All Member States",
        "un-system": "United Nations system and other relevant entities",
    }


def test_the_entities_seed_provides_every_name_the_annex_uses(db, document):
    from entities import seed as entities_seed

    entities_seed.load(stdout=io.StringIO())
    load_annex(document)
    assert SuggestedAction.objects.count() == 45
    assert AddresseeGroup.objects.get(slug="security-council").entity.acronym == "UNSC"
