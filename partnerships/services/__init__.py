"""Writes with their rules, called alike by the HTML views, the API and the tasks."""

from .challenges import challenge_record, challenge_update
from .entries import entry_confirm, entry_submit, entry_update, entry_withdraw
from .feedback import feedback_give
from .matches import match_decide, match_propose, strong_matches_record
from .stale import stale_entries_request_confirmation

__all__ = [
    "challenge_record",
    "challenge_update",
    "entry_confirm",
    "entry_submit",
    "entry_update",
    "entry_withdraw",
    "feedback_give",
    "match_decide",
    "match_propose",
    "stale_entries_request_confirmation",
    "strong_matches_record",
]
