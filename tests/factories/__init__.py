"""factory_boy factories, one module per app; import from here."""

from .letters import CampaignFactory, LetterFactory, ReminderPlanFactory, ReportSubmissionFactory  # noqa: F401
from .entities import (
    AddresseeGroupFactory,
    EntityFactory,
    FocalPointFactory,
    OrganisationFactory,
    ReportingObligationFactory,
    StateFactory,
    TreatyFactory,
    TreatyPartyFactory,
    UserFactory,
)
from .recommendations import ClusterFactory, RecommendationFactory, ReferenceFactory, ReportFactory, StatusUpdateFactory, SuggestedActionFactory  # noqa: F401, E501
from .partnerships import ChallengeFactory, MatchFactory, NeedFactory, OfferFactory  # noqa: F401
from .taskforce import ActionItemFactory, CapabilityFactory, GlossaryTermFactory, MechanismFactory, MeetingFactory, MembershipFactory, ObjectiveFactory, ParticipantFactory, SurveyFactory, SurveyQuestionFactory  # noqa: F401, E501

__all__ = [
    "AddresseeGroupFactory",
    "EntityFactory",
    "FocalPointFactory",
    "OrganisationFactory",
    "ReportingObligationFactory",
    "StateFactory",
    "TreatyFactory",
    "TreatyPartyFactory",
    "UserFactory",
]
