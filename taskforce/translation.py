"""Mechanism and declaration names in English, French and Spanish (see entities/translation.py)."""

from modeltranslation.translator import TranslationOptions

from entities.translation import register_with_history

from .models import Declaration, Mechanism


class NameOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None


register_with_history([Mechanism, Declaration], NameOptions)
