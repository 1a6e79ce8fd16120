"""Reads with their joins, one module per topic; visibility always comes from the models'
`visible_to` and partnerships.access.

The names callers use as `selectors.<name>` are re-exported here; the topics with a vocabulary
of their own (the matching score, project funding, the dashboard's figures, who e-mails go to)
are imported by module: `from partnerships.selectors import matching`.
"""

from .challenges import challenges_for, own_state_challenges
from .entries import (
    current,
    entries_for,
    entry_for,
    own_state_entries,
    ranked_candidates_for,
    side_totals,
    stale_entries_for,
)
from .matches import (
    ConfidentialEntry,
    has_confidential_entry,
    match_as_seen_by_state,
    matches_awaiting_decision,
    matches_for,
    matches_of_entry,
    matches_seen_by,
    suggestions,
)

__all__ = [
    "ConfidentialEntry",
    "challenges_for",
    "current",
    "entries_for",
    "entry_for",
    "has_confidential_entry",
    "match_as_seen_by_state",
    "matches_awaiting_decision",
    "matches_for",
    "matches_of_entry",
    "matches_seen_by",
    "own_state_challenges",
    "own_state_entries",
    "ranked_candidates_for",
    "side_totals",
    "stale_entries_for",
    "suggestions",
]
