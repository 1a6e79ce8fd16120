"""Reports of the Secretary-General, their recommendations (with references), the suggested
actions addressed to the Security Council, Member States or the UN system, and the status
history of each action."""

from .actions import StatusUpdate, SuggestedAction, Tag, TagKind
from .recommendations import Cluster, Recommendation, Reference, Report
from .status import ActionStatus, derive_status

__all__ = [
    "ActionStatus",
    "Cluster",
    "Recommendation",
    "Reference",
    "Report",
    "StatusUpdate",
    "SuggestedAction",
    "Tag",
    "TagKind",
    "derive_status",
]
