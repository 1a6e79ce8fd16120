"""Thematic cluster names and report titles in English, French and Spanish (see
entities/translation.py)."""

from modeltranslation.translator import TranslationOptions

from entities.translation import register_with_history

from .models import Cluster, Report


class ClusterOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None


class ReportOptions(TranslationOptions):
    fields = ("title",)
    empty_values = None


register_with_history([Cluster], ClusterOptions)
register_with_history([Report], ReportOptions)
