"""Staff's corrections of a State's short name and its grammar, in English, French and Spanish.

The shipped table (data/reference/country-names.csv) stays the default: a language whose
fields are the table's again has its correction removed, so a later release of the table
reaches it. Errors name the form field they concern (`name_fr`, `gender_fr`...); a doubt that
only a person can settle (an elision before a word that starts with a consonant letter, as
French does before a mute h) is a warning, and the names are saved.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..countries import LANGUAGES, country_forms, shipped_forms
from ..country_corrections import corrections_changed
from ..models import CountryNameCorrection, State

__all__ = ["ARTICLES", "NAME_MAX_LENGTH", "country_names_correct", "country_names_current", "country_names_shipped"]

ARTICLES = {"en": ("", "the"), "fr": ("", "le", "la", "les", "l'"), "es": ("", "el", "la", "los", "las")}
NAME_MAX_LENGTH = CountryNameCorrection._meta.get_field("name").max_length
# What each language's grammar reads; the others keep their defaults.
FIELDS = {"en": ("name", "article"), "fr": ("name", "article", "gender", "number", "elides"), "es": ("name", "article")}
VOWELS = "aeiouyàâäéèêëîïôöùûüœæ"


def country_names_shipped(state: State, language: str) -> dict:
    """The fields a language's grammar reads, as the table writes them for the State."""
    forms = shipped_forms(state.code.code, language)
    return {field: getattr(forms, field) for field in FIELDS[language]}


def country_names_current(state: State) -> dict[str, dict]:
    """Language -> the fields as the State is named now: corrected, else as shipped."""
    return {language: {field: getattr(forms, field) for field in FIELDS[language]}
            for language in LANGUAGES for forms in [country_forms(state.code.code, language)]}


def _name_missing(language: str) -> str:
    return {"en": _("Enter the name in English."), "fr": _("Enter the name in French."),
            "es": _("Enter the name in Spanish.")}[language]


def _errors(names: dict[str, dict]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def refuse(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for language in LANGUAGES:
        fields = names[language]
        name = fields["name"]
        if not name:
            refuse(f"name_{language}", _name_missing(language))
        elif len(name) > NAME_MAX_LENGTH:
            refuse(f"name_{language}", _("Write the name in at most %(count)d characters.") % {"count": NAME_MAX_LENGTH})
        elif not any(character.isalpha() for character in name) or any(not character.isprintable() for character in name):
            refuse(f"name_{language}", _("Write the name in letters."))
        if fields["article"] not in ARTICLES[language]:
            refuse(f"article_{language}", _("Choose one of the articles offered."))
    french = names["fr"]
    article, gender, number = french["article"], french["gender"], french["number"]
    if gender not in {"m", "f"}:
        refuse("gender_fr", _("Choose masculine or feminine."))
    if number not in {"s", "p"}:
        refuse("number_fr", _("Choose singular or plural."))
    if article == "le" and gender == "f":
        refuse("gender_fr", _("“le” goes with a masculine name: choose masculine, or the article “la”."))
    if article == "la" and gender == "m":
        refuse("gender_fr", _("“la” goes with a feminine name: choose feminine, or the article “le”."))
    if article in {"le", "la"} and number == "p":
        refuse("number_fr", _("“%(article)s” goes with a singular name: choose singular, or the article “les”.") % {
            "article": article,
        })
    if article == "les" and number == "s":
        refuse("number_fr", _("“les” goes with a plural name: choose plural, or another article."))
    if article == "l'" and not french["elides"]:
        refuse("elides_fr", _("“l'” is an elided article: tick the elision, or choose another article."))
    return errors


def _warnings(names: dict[str, dict]) -> list[str]:
    french = names["fr"]
    first = french["name"][:1].casefold()
    if (french["elides"] or french["article"] == "l'") and first and first not in VOWELS + "h":
        return [_("French elides before a vowel sound, and “%(name)s” starts with a consonant: "
                  "check the elision (d', l') before sending letters.") % {"name": french["name"]}]
    return []


@transaction.atomic
def country_names_correct(*, state: State, names: dict[str, dict]) -> list[str]:
    """Saves the State's names: `names` is language -> its fields (`name`, `article`, and in
    French `gender`, `number`, `elides`). Returns the warnings to show; raises ValidationError
    keyed by form field, and then saves nothing."""
    names = {language: {
        **country_names_shipped(state, language),
        **{field: names[language][field] for field in FIELDS[language] if field in names.get(language, {})},
    } for language in LANGUAGES}
    for fields in names.values():
        fields["name"] = " ".join(str(fields["name"]).split())
    errors = _errors(names)
    if errors:
        raise ValidationError(errors)
    existing = {row.language: row for row in CountryNameCorrection.objects.filter(state=state)}
    for language in LANGUAGES:
        row = existing.get(language)
        if names[language] == country_names_shipped(state, language):
            if row is not None:
                row.delete()
            continue
        if row is not None and all(getattr(row, field) == value for field, value in names[language].items()):
            continue  # unchanged: no history row
        row = row or CountryNameCorrection(state=state, language=language)
        for field, value in names[language].items():
            setattr(row, field, value)
        row.full_clean()
        row.save()
    corrections_changed()
    return _warnings(names)
