"""Letters and reporting: the outbox (one row per message sent), the templates letters are
rendered from, reminder plans and campaigns, and the record of reports received."""

from .campaigns import Audience, Campaign, CampaignStatus
from .obligations import ClearanceExtension, ClearanceReminderPlan, DestructionKind, DestructionObligation, Withdrawal
from .outbox import Letter, LetterStatus
from .plans import ReminderPlan
from .reporting import ReportKind, ReportSubmission
from .templates import LetterTemplate, TemplateKind

__all__ = [
    "Audience",
    "Campaign",
    "CampaignStatus",
    "ClearanceExtension",
    "ClearanceReminderPlan",
    "DestructionKind",
    "DestructionObligation",
    "Letter",
    "LetterStatus",
    "LetterTemplate",
    "ReminderPlan",
    "ReportKind",
    "ReportSubmission",
    "TemplateKind",
    "Withdrawal",
]
