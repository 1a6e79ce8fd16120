"""`{{ record.source|source_title }}`: a record's source by document title and symbol, not by
the file name the seed data was extracted from (see entities/sources.py)."""

from django import template

from entities.sources import source_display

register = template.Library()


@register.filter
def source_title(value):
    return source_display(str(value)) if value else value
