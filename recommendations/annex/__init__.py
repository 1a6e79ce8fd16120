"""Reading annex I of S/2017/1025 (the table of past recommendations and suggested actions)."""

from .parser import AnnexFormatError, ParsedAction, ParsedRecommendation, ParsedReference, parse_annex
from .mentions import ENTITY_MENTIONS, ORGANISATION_MENTIONS, find_entity_mentions, find_organisation_mentions, find_tags

__all__ = [
    "AnnexFormatError",
    "ENTITY_MENTIONS",
    "ORGANISATION_MENTIONS",
    "ParsedAction",
    "ParsedRecommendation",
    "ParsedReference",
    "find_entity_mentions",
    "find_organisation_mentions",
    "find_tags",
    "parse_annex",
]
