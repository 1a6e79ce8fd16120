"""Coordination mechanisms, their members, meetings, action items, endorsements, surveys,
capabilities ("UN toolbox") and glossaries."""

from .actions import ActionItem, ActionItemStatus, ActionItemUpdate, ReminderSent
from .common import DatePrecision, PartyRole
from .directory import Capability, CapabilityKind, CapabilitySource, GlossaryTerm
from .endorsements import Declaration, Endorsement, EndorsementCount, EndorserKind
from .mechanisms import (
    Mechanism,
    MechanismKind,
    Membership,
    Objective,
    ObjectiveKind,
    ObjectiveStatus,
)
from .meetings import (
    AgendaItem,
    Decision,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingLevel,
    MeetingStatus,
    Participant,
    ParticipantCapacity,
    ParticipantRole,
    ProcessCheck,
    ProcessStep,
    ReportVenue,
)
from .surveys import (
    QuestionKind,
    QuestionTopic,
    Survey,
    SurveyAnswer,
    SurveyFinding,
    SurveyInvitation,
    SurveyQuestion,
    SurveyResponse,
    SurveyStatus,
)

__all__ = [
    "ActionItem", "ActionItemStatus", "ActionItemUpdate", "AgendaItem", "Capability", "CapabilityKind",
    "CapabilitySource", "DatePrecision", "Decision", "Declaration", "Endorsement", "EndorsementCount",
    "EndorserKind", "GlossaryTerm", "Mechanism", "MechanismKind", "Meeting", "MeetingDocument", "MeetingKind",
    "MeetingLevel", "MeetingStatus", "Membership", "Objective", "ObjectiveKind", "ObjectiveStatus", "Participant",
    "ParticipantCapacity", "ParticipantRole", "PartyRole", "ProcessCheck", "ProcessStep", "QuestionKind",
    "QuestionTopic", "ReminderSent", "ReportVenue", "Survey", "SurveyAnswer", "SurveyFinding", "SurveyInvitation",
    "SurveyQuestion", "SurveyResponse", "SurveyStatus",
]
