"""Needs and offers, matches, challenges, projects with their funding, and feedback."""

from .challenges import Challenge
from .entries import Entry
from .feedback import Feedback
from .matches import Match, SuggestedMatch
from .projects import BudgetLine, Pledge, Project

__all__ = ["BudgetLine", "Challenge", "Entry", "Feedback", "Match", "Pledge", "Project", "SuggestedMatch"]
