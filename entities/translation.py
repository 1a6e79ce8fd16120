"""Names shown to readers, in English, French and Spanish (django-modeltranslation).

Each registered field gets `<field>_en`, `<field>_fr` and `<field>_es` columns; reading the field
gives the active language's value, or the English one where no official French or Spanish form
exists (data/reference/names-fr-es.csv holds the official forms, with their source). Empty
translations are stored as NULL so that unique names stay unique only where they are filled.

Keys are not registered: `Treaty.short_name` ("APMBC") and `Entity.acronym` identify records in
URLs, API lookups, access checks and letter keys, which must not change with the language.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import translation
from modeltranslation.translator import TranslationOptions, translator

from .models import AddresseeGroup, Entity, Organisation, ReportingObligation, Treaty


class NameOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None


def register_with_history(registered: list[type[models.Model]], options: type[TranslationOptions]) -> None:
    """Registers the models' translated fields, and gives their history (django-simple-history,
    whose historical model was built before these columns existed) the same columns, so a
    change of a French or Spanish name is recorded like any other."""
    translator.register(registered, options)
    for model in registered:
        history = model.history.model
        for fields in translator.get_options_for_model(model).all_fields.values():
            for field in fields:
                _name, _path, args, kwargs = field.deconstruct()
                kwargs.pop("unique", None)  # a record's history holds the same name many times
                history.add_to_class(field.name, type(field.translated_field)(*args, **kwargs))
        history._meta._expire_cache()


register_with_history([Treaty, ReportingObligation, Entity, Organisation, AddresseeGroup], NameOptions)


def in_any_language(field: str, lookup: str, value) -> models.Q:
    """`field__lookup=value` on a translated field, in every language: a search typed on a
    French page still finds a record by its English name, and the other way round
    (modeltranslation alone would look only at the active language's column)."""
    condition = models.Q()
    for language, _name in settings.LANGUAGES:
        condition |= models.Q(**{f"{field}_{language}__{lookup}": value})
    return condition


def by_translated_name(field: str = "name") -> models.OrderBy:
    """Order by the name readers see: the active language's, else the English one (`field` may
    go through a relation: "mechanism__name"). Ordering on the field itself would sort on the
    active language's column alone, records without an official form all at one end."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    columns = [f"{field}_{code}" for code in dict.fromkeys([language[:2], settings.LANGUAGE_CODE])]
    shown = Coalesce(*columns, output_field=models.CharField()) if len(columns) > 1 else models.F(columns[0])
    return shown.asc()
