import pytest

from partnerships.choices import Visibility
from tests.factories import NeedFactory, OfferFactory, TreatyPartyFactory
from tests.factories.entities import TreatyFactory


@pytest.fixture
def apmbc(db):
    return TreatyFactory()


@pytest.fixture
def parties(apmbc, state_a, state_b):
    """Both role States (Mexico, Uganda) are States Parties to the APMBC."""
    TreatyPartyFactory(treaty=apmbc, state=state_a)
    TreatyPartyFactory(treaty=apmbc, state=state_b)
    return state_a, state_b


@pytest.fixture
def private_need_a(parties, state_a, state_a_user):
    return NeedFactory(state=state_a, visibility=Visibility.SECRETARIAT, title="Confidential clearance need of A", submitted_by=state_a_user)


@pytest.fixture
def parties_need_a(parties, state_a):
    return NeedFactory(state=state_a, visibility=Visibility.PARTIES, title="Need of A for States Parties")


@pytest.fixture
def public_need_a(parties, state_a):
    return NeedFactory(state=state_a, visibility=Visibility.PUBLIC, title="Public need of A")


@pytest.fixture
def public_offer_b(parties, state_b):
    return OfferFactory(state=state_b, visibility=Visibility.PUBLIC, title="Public offer of B", target_state=None)


@pytest.fixture(autouse=True)
def _tasks_run_in_process():
    """Tasks queued on commit run in-process here, with or without a broker configured (CI's
    second pass sets REDIS_URL, which turns eager mode off for the app itself)."""
    from config.celery import app

    saved = app.conf.task_always_eager, app.conf.task_eager_propagates
    app.conf.task_always_eager, app.conf.task_eager_propagates = True, True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved
