"""Filters every app's filtersets share."""

import django_filters
from drf_spectacular.utils import extend_schema_field

__all__ = ["SEARCH_MAX_LENGTH", "SearchFilter"]

# A search term longer than this is a 400 naming `q`: nobody searches with a paragraph, and an
# unbounded term reaches the database's LIKE, which SQLite refuses past about 50,000 bytes.
SEARCH_MAX_LENGTH = 200


@extend_schema_field({"type": "string", "maxLength": SEARCH_MAX_LENGTH, "description": "Text search."})
class SearchFilter(django_filters.CharFilter):
    """The free-text `q` of every list, at most SEARCH_MAX_LENGTH characters."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", SEARCH_MAX_LENGTH)
        super().__init__(*args, **kwargs)
