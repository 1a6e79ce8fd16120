import datetime as dt
from types import SimpleNamespace

import pytest

from tests.factories import (
    FocalPointFactory,
    ReminderPlanFactory,
    ReportingObligationFactory,
    ReportSubmissionFactory,
    StateFactory,
    TreatyPartyFactory,
)


@pytest.fixture
def convention(db):
    """The APMBC with its article 7 obligation and the default plan (60, 30, 7 days; overdue
    after 7), five States Parties:

    - Mexico (focal point in Spanish) and Uganda (English) have not reported for 2026;
    - Colombia's only focal-point address is malformed; the Netherlands has no focal point;
    - France reported for 2026.
    """
    obligation = ReportingObligationFactory()
    plan = ReminderPlanFactory(obligation=obligation)
    states = {code: StateFactory(code=code) for code in ("MX", "UG", "CO", "NL", "FR")}
    for state in states.values():
        TreatyPartyFactory(treaty=obligation.treaty, state=state, entry_into_force=dt.date(1999, 3, 1))
    FocalPointFactory(state=states["MX"], email="mision@sre.example.mx", language="es", name="Ana")
    FocalPointFactory(state=states["UG"], email="focal@mofa.example.ug", language="en", name="Ben")
    FocalPointFactory(state=states["CO"], email="not an address@", language="es", name="Carla")
    FocalPointFactory(state=states["FR"], email="desarmement@example.fr", language="fr", name="Denis")
    ReportSubmissionFactory(obligation=obligation, state=states["FR"], period=2026)
    return SimpleNamespace(obligation=obligation, plan=plan, treaty=obligation.treaty, **{c.lower(): s for c, s in states.items()})
