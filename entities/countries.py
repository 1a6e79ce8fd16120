"""Country names as United Nations documents write them, in English, French and Spanish, with
what a sentence needs around them: the article and its contractions ("du Mexique", "aux
Pays-Bas", "de l'Ouganda", "del Perú"), and in French the gender and number for agreement
("qu'elle est en mesure", "qu'ils sont en mesure").

The names are read once from `data/reference/country-names.csv` (source: UNTERM, the United
Nations Terminology Database, and the UN Protocol list of Member States; see the README beside
it). A country the table does not hold falls back to django-countries' name, without article.
ISU staff may correct a State's name and grammar in any language (entities.views.country_names):
a correction wins over the table everywhere (entities.country_corrections keeps them in memory).
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass

from django.utils import translation

from entities.country_corrections import corrections

__all__ = [
    "LANGUAGES", "CountryName", "country_by_name", "country_forms", "country_name", "names_table", "shipped_forms",
]

LANGUAGES = ("en", "fr", "es")
FILE = "country-names.csv"

# French: article -> (after "de", after "à"). Spanish: article -> (after "de", after "a").
_FRENCH = {"le": ("du ", "au "), "les": ("des ", "aux "), "la": ("de la ", "à la "), "l'": ("de l'", "à l'")}
_SPANISH = {"el": ("del ", "al "), "la": ("de la ", "a la "), "los": ("de los ", "a los "), "las": ("de las ", "a las ")}


def _language(language: str | None) -> str:
    code = (language or translation.get_language() or "en")[:2].lower()
    return code if code in LANGUAGES else "en"


@dataclass(frozen=True)
class CountryName:
    """One country's short name in one language, with its grammar. `str()` is the bare name."""

    code: str
    language: str
    name: str
    article: str = ""  # "le", "la", "les", "l'", "el", "los", "las", "the" or ""
    gender: str = "m"  # French agreement: "m" or "f"
    number: str = "s"  # "s" or "p"
    elides: bool = False  # French: "d'Israël", "qu'il"... before the name

    def __str__(self) -> str:
        return self.name

    def __bool__(self) -> bool:
        return bool(self.name)

    @property
    def is_plural(self) -> bool:
        return self.number == "p"

    def _join(self, article: str) -> str:
        return f"{article}{self.name}" if article.endswith("'") else f"{article} {self.name}"

    @property
    def with_article(self) -> str:
        """le Mexique, l'Ouganda, les Pays-Bas, Cuba; el Perú, México; the Netherlands, Mexico."""
        return self._join(self.article) if self.article else self.name

    @property
    def of(self) -> str:
        """du Mexique, de la France, des Pays-Bas, de l'Ouganda, de Cuba, d'Israël; del Perú,
        de México, de los Países Bajos; of Mexico, of the Netherlands."""
        if self.language == "fr":
            if self.article in _FRENCH:
                return _FRENCH[self.article][0] + self.name
            return f"d'{self.name}" if self.elides else f"de {self.name}"
        if self.language == "es":
            return _SPANISH[self.article][0] + self.name if self.article in _SPANISH else f"de {self.name}"
        return f"of {self.with_article}"

    @property
    def to(self) -> str:
        """au Mexique, à la France, aux Pays-Bas, à l'Ouganda, à Cuba; al Perú, a México, a los
        Países Bajos; to Mexico."""
        if self.language == "fr":
            return _FRENCH[self.article][1] + self.name if self.article in _FRENCH else f"à {self.name}"
        if self.language == "es":
            return _SPANISH[self.article][1] + self.name if self.article in _SPANISH else f"a {self.name}"
        return f"to {self.with_article}"

    def agree(self, forms: str) -> str:
        """The form that agrees with the country, from "singular,plural" or, in French,
        "masculine singular,feminine singular,masculine plural,feminine plural":
        agree("il,elle,ils,elles") is "elle" for la France, "ils" for les Pays-Bas."""
        choices = [part.strip() for part in forms.split(",")]
        if len(choices) == 4:
            return choices[(2 if self.is_plural else 0) + (1 if self.gender == "f" else 0)]
        if len(choices) == 2:
            return choices[1 if self.is_plural else 0]
        return forms

    @property
    def pronoun(self) -> str:
        """The subject pronoun that stands for the country: il, elle, ils, elles; it."""
        if self.language == "fr":
            return self.agree("il,elle,ils,elles")
        if self.language == "es":
            return ""
        return "it"

    def form(self, construction: str, argument: str = "") -> str:
        """A construction by the name the template filters use (see country_grammar)."""
        text = {
            "le": self.with_article, "de": self.of, "a": self.to, "pronoun": self.pronoun, "name": self.name,
        }.get(construction.lower())
        if construction == "agree":
            return self.agree(argument)
        if text is None:
            raise ValueError(f"Unknown country construction: {construction}")
        return text[:1].upper() + text[1:] if construction[:1].isupper() else text


def _yes(value: str) -> bool:
    return value.strip().lower() in {"yes", "true", "1"}


@functools.cache
def names_table() -> dict[str, dict[str, CountryName]]:
    """ISO code -> language -> CountryName, as shipped. Read once per process."""
    from entities.loading import reference_dir

    table: dict[str, dict[str, CountryName]] = {}
    with (reference_dir() / FILE).open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = row["iso_code"].strip().upper()
            french_number = row["number_fr"] or ("p" if row["article_fr"] == "les" else "s")
            table[code] = {
                # English agrees in the singular ("the Netherlands is").
                "en": CountryName(code, "en", row["name_en"], row["article_en"]),
                "fr": CountryName(code, "fr", row["name_fr"], row["article_fr"], row["gender_fr"] or "m", french_number, _yes(row["elides_fr"])),
                "es": CountryName(code, "es", row["name_es"], row["article_es"], "f" if row["article_es"] in {"la", "las"} else "m",
                                  "p" if row["article_es"] in {"los", "las"} else "s"),
            }
    return table


def _corrected(code: str, language: str, fields: dict) -> CountryName:
    """A staff correction as a CountryName; Spanish gender and number follow the article, as in
    the table."""
    if language == "es":
        article = fields["article"]
        return CountryName(code, language, fields["name"], article, "f" if article in {"la", "las"} else "m",
                           "p" if article in {"los", "las"} else "s")
    if language == "en":
        return CountryName(code, language, fields["name"], fields["article"])
    return CountryName(code, language, fields["name"], fields["article"], fields["gender"], fields["number"],
                       fields["elides"])


def shipped_forms(code: str, language: str) -> CountryName:
    """The name as the shipped table (or django-countries) writes it, whatever staff corrected."""
    row = names_table().get(code.upper())
    return row[language] if row is not None else _fallback(code.upper(), language)


@functools.lru_cache(maxsize=4096)
def _fallback(code: str, language: str) -> CountryName:
    from django_countries import countries

    with translation.override(language):
        name = str(countries.name(code)) or code
    return CountryName(code, language, name)


def country_forms(value, language: str | None = None) -> CountryName:
    """The CountryName of a State, an ISO code, a CountryName, or a country's name as written
    in the table (any of its languages); a name the table does not know is kept as given."""
    language = _language(language)
    if isinstance(value, CountryName):
        if value.language == language or not value.code:
            return value
        value = value.code
    code = getattr(getattr(value, "code", None), "code", None) or getattr(value, "code", None)
    if code is None or not isinstance(code, str):
        text = str(value or "").strip()
        code = text.upper() if len(text) == 2 and text.isalpha() else country_by_name(text)
        if not code:
            return CountryName("", language, text)
    code = code.upper()
    corrected = corrections().get(code, {}).get(language)
    if corrected is not None:
        return _corrected(code, language, corrected)
    row = names_table().get(code)
    if row is None:
        return _fallback(code, language)
    return row[language]


def country_name(code: str, language: str | None = None) -> str:
    """The country's short name in the language (the active one by default)."""
    return country_forms(code, language).name


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return re.sub(r"\s+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip().casefold()


@functools.cache
def _codes_by_name() -> dict[str, str]:
    by_name: dict[str, str] = {}
    for code, forms in names_table().items():
        for name in forms.values():
            by_name.setdefault(_plain(name.name), code)
            by_name.setdefault(_plain(name.with_article), code)
    return by_name


def country_by_name(text: str) -> str:
    """The ISO code of a country named as the table writes it, in any of the three languages
    (with or without its article), or as staff corrected it, else ""."""
    plain = _plain(text)
    for code, languages in corrections().items():
        for language, fields in languages.items():
            forms = _corrected(code, language, fields)
            if plain in {_plain(forms.name), _plain(forms.with_article)}:
                return code
    return _codes_by_name().get(plain, "")
