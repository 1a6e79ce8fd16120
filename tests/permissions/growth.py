"""Makes the data of a test world larger: `grow(world, n)` adds n more of every kind of record
the pages list, and n more children to every parent that exists at the time (every
recommendation gets n more actions, every meeting n more participants and action items, every
project n more budget lines and pledges...).

The query-count test reads each page once after `grow(world, 1)` and once after a further
`grow(world, 9)`: ten times the data. A page whose query count differs between the two runs a
query per row somewhere.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from entities.models import Entity, FocalPoint, Organisation, State
from letters.models import ReportSubmission
from partnerships.choices import Visibility
from partnerships.models import BudgetLine, Entry, Pledge, Project
from recommendations.models import Recommendation, StatusUpdate
from taskforce.models import Mechanism, Meeting, Participant, Survey
from tests.factories import (
    ActionItemFactory,
    CapabilityFactory,
    ChallengeFactory,
    EntityFactory,
    GlossaryTermFactory,
    LetterFactory,
    MatchFactory,
    MechanismFactory,
    MeetingFactory,
    MembershipFactory,
    NeedFactory,
    ObjectiveFactory,
    OfferFactory,
    OrganisationFactory,
    RecommendationFactory,
    ReferenceFactory,
    ReportingObligationFactory,
    SuggestedActionFactory,
    SurveyQuestionFactory,
)

_serial = itertools.count(1)


def _n() -> int:
    return next(_serial)


def grow(world, n: int) -> None:
    if not hasattr(world, "parents"):
        # The parents the routes' arguments made (what detail pages show): each gets children
        # at every step; records added by growing get none, so the data grows linearly.
        world.parents = _Parents()
    for _ in range(n):
        _grow_once(world, world.parents)


class _Parents:
    def __init__(self):
        self.recommendations = list(Recommendation.objects.all())
        self.mechanisms = list(Mechanism.objects.all())
        self.meetings = list(Meeting.objects.select_related("mechanism"))
        self.surveys = list(Survey.objects.all())
        self.projects = list(Project.objects.all())
        self.entries = list(Entry.objects.all())


def _grow_once(world, parents: _Parents) -> None:
    entity = EntityFactory(acronym=f"GROW{_n()}")
    organisation = OrganisationFactory()
    states = list(State.objects.all()[:4])

    # Children of every parent the route reads, so detail pages grow too.
    for recommendation in parents.recommendations:
        action = SuggestedActionFactory(recommendation=recommendation, implementing_entities=[world.entity, entity])
        StatusUpdate.objects.create(action=action, status="in_progress", date=dt.date(2025, 1, 15), note="Started.")
        ReferenceFactory(recommendation=recommendation)
    for mechanism in parents.mechanisms:
        MembershipFactory(mechanism=mechanism, entity=entity)
        ObjectiveFactory(mechanism=mechanism)
        GlossaryTermFactory(mechanism=mechanism)
    for meeting in parents.meetings:
        Participant.objects.create(meeting=meeting, entity=entity)
        Participant.objects.create(meeting=meeting, organisation=organisation)
        ActionItemFactory(mechanism=meeting.mechanism, meeting=meeting, entity=world.entity)
    for survey in parents.surveys:
        SurveyQuestionFactory(survey=survey)
    for project in parents.projects:
        BudgetLine.objects.create(project=project, label=f"Budget item {_n()}", amount=Decimal("1000.00"))
        Pledge.objects.create(project=project, donor_state=world.state_b, amount=Decimal("500.00"))
    for entry in parents.entries:
        counterpart = (OfferFactory if entry.side == "need" else NeedFactory)(state=world.state_b)
        MatchFactory(**({"need": entry, "offer": counterpart} if entry.side == "need" else {"need": counterpart, "offer": entry}))

    # New records at the top level, so lists grow.
    action = SuggestedActionFactory(implementing_entities=[world.entity])
    ReferenceFactory(recommendation=action.recommendation)
    RecommendationFactory()
    mechanism = MechanismFactory(lead_entity=world.entity)
    MembershipFactory(mechanism=mechanism, entity=world.entity)
    meeting = MeetingFactory(mechanism=mechanism)
    Participant.objects.create(meeting=meeting, entity=world.entity)
    Participant.objects.create(meeting=meeting, state=world.state_a)
    ActionItemFactory(mechanism=mechanism, meeting=meeting, entity=world.entity)
    ActionItemFactory(mechanism=mechanism, meeting=None, state=world.state_a, entity=None)
    CapabilityFactory(entity=entity)
    for state in (world.state_a, world.state_b):
        NeedFactory(state=state)
        OfferFactory(state=state)
        NeedFactory(state=state, visibility=Visibility.SECRETARIAT)
        ChallengeFactory(state=state)
        LetterFactory(state=state)
    MatchFactory(need=NeedFactory(state=world.state_a), offer=OfferFactory(state=world.state_b))
    Project.objects.create(title=f"Clearance project {_n()}", owner_entity=world.entity)
    obligation = ReportingObligationFactory()
    for state in states:
        ReportSubmission.objects.create(
            obligation=obligation, state=state, kind="annual", period=1990 + _n(),
            received_on=dt.date(2026, 4, 1),
        )
    FocalPoint.objects.create(name=f"Contact {_n()}", email=f"contact{_n()}@example.org", state=world.state_a)
    FocalPoint.objects.create(name=f"Contact {_n()}", email=f"contact{_n()}@example.org", entity=world.entity)
    assert Entity.objects.exists() and Organisation.objects.exists()
