import pytest

from tests.factories import (
    AddresseeGroupFactory,
    ClusterFactory,
    EntityFactory,
    RecommendationFactory,
    ReferenceFactory,
    ReportFactory,
    SuggestedActionFactory,
)


@pytest.fixture
def addressees(db):
    return {
        "sc": AddresseeGroupFactory(slug="security-council", name="Security Council"),
        "ams": AddresseeGroupFactory(slug="all-member-states", name="All Member States"),
        "un": AddresseeGroupFactory(slug="un-system", name="United Nations system and other relevant entities"),
    }


@pytest.fixture
def annex(db, addressees, entity, other_entity):
    """Two recommendations in two clusters, like rows of annex I:

    - S/2015/289 rec. 8 + S/2013/503 rec. 3 (weapons and ammunition management): one Security
      Council action naming UNMAS, one Member States action;
    - S/2008/258 rec. 9 (peacekeeping): one UN-system action naming UNIDIR.
    """
    wam = ClusterFactory(name="Weapons and ammunition management", slug="weapons-and-ammunition-management", position=1)
    peacekeeping = ClusterFactory(name="Peacekeeping", slug="peacekeeping", position=2)
    first = RecommendationFactory(cluster=wam, position=1, text="Consider technologies to improve stockpile management.")
    ReferenceFactory(recommendation=first, report=ReportFactory(symbol="S/2015/289"), number=8, position=0)
    ReferenceFactory(recommendation=first, report=ReportFactory(symbol="S/2013/503"), number=3, position=1)
    second = RecommendationFactory(cluster=peacekeeping, position=2, text="Destruction of surplus ammunition stockpiles.")
    ReferenceFactory(recommendation=second, report=ReportFactory(symbol="S/2008/258"), number=9)
    return {
        "first": first,
        "second": second,
        "briefing": SuggestedActionFactory(
            recommendation=first, addressee=addressees["sc"], position=1,
            text="May also request briefings from the Mine Action Service.", implementing_entities=[entity],
        ),
        "marking": SuggestedActionFactory(
            recommendation=first, addressee=addressees["ams"], position=2, text="May consider aligning marking practices.",
        ),
        "studies": SuggestedActionFactory(
            recommendation=second, addressee=addressees["un"], position=1,
            text="May wish to consider providing support to UNIDIR to undertake studies.",
            implementing_entities=[other_entity],
        ),
    }


@pytest.fixture
def many_recommendations(db, addressees):
    """Fifty-five recommendations with two actions each, to show costs do not grow with pages."""
    cluster = ClusterFactory(name="Arms embargoes", slug="arms-embargoes")
    report = ReportFactory(symbol="S/2011/255")
    entities = [EntityFactory(acronym=f"E{n}") for n in range(3)]
    for number in range(1, 56):
        recommendation = RecommendationFactory(cluster=cluster, position=number)
        ReferenceFactory(recommendation=recommendation, report=report, number=number)
        SuggestedActionFactory(recommendation=recommendation, addressee=addressees["sc"], implementing_entities=entities[:2])
        SuggestedActionFactory(recommendation=recommendation, addressee=addressees["ams"], implementing_entities=entities[2:])
