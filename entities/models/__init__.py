"""The registry: UN entities, States, other organisations, addressee groups, treaties,
focal points and the roles that bind a user to a State or an entity."""

from .audit import SecurityEvent, SecurityEventKind
from .base import PartyReference, TimeStamped
from .organisations import AddresseeGroup, Entity, EntityKind, EntityName, Organisation, OrganisationKind
from .people import FocalPoint, Language, Role, UserRole
from .states import CountryNameCorrection, State
from .submissions import SubmissionKey, SubmissionKind
from .treaties import ReportingObligation, Treaty, TreatyParty

__all__ = [
    "AddresseeGroup",
    "CountryNameCorrection",
    "Entity",
    "EntityKind",
    "EntityName",
    "FocalPoint",
    "Language",
    "Organisation",
    "OrganisationKind",
    "PartyReference",
    "ReportingObligation",
    "Role",
    "SecurityEvent",
    "SecurityEventKind",
    "State",
    "SubmissionKey",
    "SubmissionKind",
    "TimeStamped",
    "Treaty",
    "TreatyParty",
    "UserRole",
]
