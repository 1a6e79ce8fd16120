"""Reading annex I of S/2017/1025 (the table of past recommendations and suggested actions)."""

from .mentions import (
    ENTITY_MENTIONS,
    ORGANISATION_MENTIONS,
    find_entity_mentions,
    find_organisation_mentions,
    find_tags,
)
from .parser import (
    AnnexFormatError,
    ParsedAction,
    ParsedRecommendation,
    ParsedReference,
    parse_annex,
)

__all__ = [
    "ENTITY_MENTIONS",
    "ORGANISATION_MENTIONS",
    "AnnexFormatError",
    "ParsedAction",
    "ParsedRecommendation",
    "ParsedReference",
    "find_entity_mentions",
    "find_organisation_mentions",
    "find_tags",
    "parse_annex",
]
