"""Country names as UN documents write them (data/reference/country-names.csv), in English,
French and Spanish, with the grammar letters need."""

import pytest
from django.template import Context, Engine
from django.utils import translation

from entities.countries import LANGUAGES, country_by_name, country_forms, country_name, names_table
from entities.loading import Counter
from entities.models import State
from entities.seed import load_states
from entities.seed.reference import member_state_rows

# Letters are plain text (no HTML escaping), as in letters.services.rendering.
ENGINE = Engine(autoescape=False, builtins=["entities.templatetags.country_grammar"])


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return ENGINE.from_string(source).render(Context(context, autoescape=False))


def test_every_member_state_and_every_non_member_state_party_has_a_row():
    codes = {row["code"] for row in member_state_rows()}
    assert len(codes) == 193
    assert codes | {"VA", "PS", "CK", "NU"} == set(names_table())


def test_every_state_the_seed_loads_has_a_name_in_the_three_languages(db):
    load_states(Counter())
    for state in State.objects.all():
        assert state.code.code in names_table()
        for language in LANGUAGES:
            assert country_name(state.code.code, language)


@pytest.mark.parametrize("code", sorted(names_table()))
def test_each_row_is_coherent(code):
    english, french, spanish = (names_table()[code][language] for language in LANGUAGES)
    assert english.name and french.name and spanish.name
    assert english.article in {"", "the"}
    assert french.article in {"", "le", "la", "les", "l'"} and french.gender in {"m", "f"}
    assert (french.number == "p") == (french.article == "les")
    assert french.elides == (french.article == "l'" or (not french.article and french.name[0] in "AEIOUÉÈÎHaeiou"))
    if french.article == "le":
        assert french.gender == "m"
    if french.article == "la":
        assert french.gender == "f"
    assert spanish.article in {"", "el", "la", "los", "las"}
    assert "  " not in english.name + french.name + spanish.name


@pytest.mark.parametrize(("code", "language", "name"), [
    ("NL", "en", "Netherlands (Kingdom of the)"),
    ("TR", "en", "Türkiye"),
    ("KP", "en", "Democratic People's Republic of Korea"),
    ("NR", "en", "Nauru"),
    ("MH", "fr", "Îles Marshall"),
    ("TT", "es", "Trinidad y Tabago"),
    ("CF", "es", "República Centroafricana"),
    ("CV", "fr", "Cabo Verde"),
    ("SZ", "es", "Eswatini"),
    ("MK", "fr", "Macédoine du Nord"),
    ("CZ", "es", "Chequia"),
])
def test_short_names_are_the_un_ones(code, language, name):
    assert country_name(code, language) == name


def test_a_state_is_named_from_the_table_in_the_active_language(db):
    state = State.objects.create(code="NL")
    with translation.override("fr"):
        assert str(state) == state.name == "Pays-Bas (Royaume des)"
    with translation.override("es"):
        assert str(state) == "Países Bajos (Reino de los)"
    with translation.override("en"):
        assert str(state) == "Netherlands (Kingdom of the)"


def test_a_country_outside_the_table_keeps_django_countries_name(db):
    with translation.override("en"):
        assert country_name("AQ") == "Antarctica"
    assert country_forms("AQ", "fr").of == "de Antarctique"


GRAMMAR = [
    # (code, language, template, expected)
    ("MX", "fr", "{{ s|le }}", "le Mexique"), ("MX", "fr", "{{ s|de }}", "du Mexique"), ("MX", "fr", "{{ s|a }}", "au Mexique"),
    ("FR", "fr", "{{ s|de }}", "de la France"), ("FR", "fr", "{{ s|a }}", "à la France"),
    ("NL", "fr", "{{ s|de }}", "des Pays-Bas (Royaume des)"), ("NL", "fr", "{{ s|a }}", "aux Pays-Bas (Royaume des)"),
    ("UG", "fr", "{{ s|de }}", "de l'Ouganda"), ("UG", "fr", "{{ s|a }}", "à l'Ouganda"),
    ("CU", "fr", "{{ s|le }}", "Cuba"), ("CU", "fr", "{{ s|de }}", "de Cuba"), ("CU", "fr", "{{ s|a }}", "à Cuba"),
    ("MG", "fr", "{{ s|de }}", "de Madagascar"), ("IL", "fr", "{{ s|de }}", "d'Israël"), ("HT", "fr", "{{ s|de }}", "d'Haïti"),
    ("KH", "fr", "{{ s|De }}", "Du Cambodge"), ("UG", "fr", "{{ s|Le }}", "L'Ouganda"),
    ("CH", "fr", "qu'{{ s|pronoun }} {{ s|agree:'est,est,sont,sont' }}", "qu'elle est"),
    ("NL", "fr", "qu'{{ s|pronoun }} {{ s|agree:'est,est,sont,sont' }}", "qu'ils sont"),
    ("BS", "fr", "qu'{{ s|pronoun }}", "qu'elles"), ("MX", "fr", "qu'{{ s|pronoun }}", "qu'il"),
    ("PE", "es", "{{ s|le }}", "el Perú"), ("PE", "es", "{{ s|de }}", "del Perú"), ("PE", "es", "{{ s|a }}", "al Perú"),
    ("MX", "es", "{{ s|le }}", "México"), ("MX", "es", "{{ s|de }}", "de México"), ("MX", "es", "{{ s|a }}", "a México"),
    ("NL", "es", "{{ s|de }}", "de los Países Bajos (Reino de los)"), ("NL", "es", "{{ s|a }}", "a los Países Bajos (Reino de los)"),
    ("CF", "es", "{{ s|le }}", "la República Centroafricana"), ("SV", "es", "{{ s|de }}", "de El Salvador"),
    ("PE", "es", "{{ s|A }}", "Al Perú"), ("NL", "es", "{{ s|agree:'está,están' }}", "están"),
    ("MX", "en", "{{ s|de }}", "of Mexico"), ("NL", "en", "{{ s|le }}", "the Netherlands (Kingdom of the)"),
]


@pytest.mark.parametrize(("code", "language", "source", "expected"), GRAMMAR)
def test_grammar_filters(db, code, language, source, expected):
    state = State.objects.create(code=code)
    assert render(source, language, s=state) == expected
    # An ISO code or the name as the table writes it work too.
    assert render(source, language, s=code) == expected
    assert render(source, language, s=country_name(code, language)) == expected


def test_a_state_alone_is_its_bare_name(db):
    assert render("{{ s }}", "fr", s=State.objects.create(code="MX")) == "Mexique"


def test_a_name_in_any_language_finds_its_country():
    assert country_by_name("los Países Bajos (Reino de los)") == "NL"
    assert country_by_name("Côte d’Ivoire") == "CI"
    assert country_by_name("Ouganda") == "UG"
    assert country_by_name("Atlantis") == ""
