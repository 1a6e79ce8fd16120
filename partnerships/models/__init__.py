"""Needs and offers, matches, challenges, projects with their funding, and feedback."""

from .challenges import Challenge
from .entries import Entry
from .feedback import Feedback
from .matches import Match, SuggestedMatch

__all__ = ["Challenge", "Entry", "Feedback", "Match", "SuggestedMatch"]
