"""factory_boy factories, one module per app; import from here."""

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
