"""For a need, the offers that could meet it, ranked by a documented score with reasons."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from entities.access import actor_for
from partnerships import selectors
from partnerships.models import SuggestedMatch
from partnerships.selectors import matching
from tests.factories import NeedFactory, OfferFactory, StateFactory, TreatyPartyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(parties, state_a):
    return NeedFactory(
        state=state_a, area="mine_clearance", kind="financial", amount=Decimal("100000"), currency="USD",
        period_start=dt.date(2027, 1, 1), period_end=dt.date(2027, 12, 31),
    )


def test_best_offer_first_with_a_reason_for_each_component(need, state_b, state_a):
    perfect = OfferFactory(
        state=state_b, area="mine_clearance", kind="financial", amount=Decimal("150000"), currency="USD",
        target_state=state_a, period_start=dt.date(2026, 6, 1), period_end=dt.date(2027, 6, 1),
    )
    partial = OfferFactory(state=state_b, area="mine_clearance", kind="expertise", target_region="Americas")
    unrelated = OfferFactory(state=state_b, area="victim_assistance", kind="equipment")
    ranked = list(matching.ranked(need))
    assert [o.pk for o in ranked] == [perfect.pk, partial.pk]
    assert unrelated.pk not in [o.pk for o in ranked]
    assert ranked[0].score == 100
    assert ranked[1].score == 30 + 0 + 10 + 0 + 5 + 5
    reasons = {r.component: r for r in matching.reasons(need, ranked[1])}
    assert reasons["geography"].text == "The offer names the region of the State in need"
    assert reasons["kind"].points == 0 and reasons["kind"].text == "Different kind of assistance"
    assert reasons["period"].points == 5


def test_amount_coverage_needs_the_same_currency(need, state_b):
    half = OfferFactory(state=state_b, amount=Decimal("60000"), currency="USD")
    euros = OfferFactory(state=state_b, amount=Decimal("500000"), currency="EUR")
    scores = {o.pk: o.score_amount for o in matching.ranked(need)}
    assert scores[half.pk] == 8
    assert scores[euros.pk] == 0


def test_disjoint_periods_and_stale_offers_score_nothing_for_those_components(need, state_b):
    old = OfferFactory(
        state=state_b, period_start=dt.date(2020, 1, 1), period_end=dt.date(2021, 1, 1),
        confirmed_at=timezone.now() - dt.timedelta(days=500),
    )
    row = matching.ranked(need).get(pk=old.pk)
    assert row.score_period == 0 and row.score_recency == 0


def test_reverse_ranking_finds_needs_for_an_offer(need, state_b, state_a):
    offer = OfferFactory(state=state_b, area="mine_clearance", kind="financial", target_state=state_a, amount=Decimal("100000"), currency="USD")
    ranked = list(matching.ranked(offer))
    assert ranked[0].pk == need.pk
    assert ranked[0].score_geography == 15 and ranked[0].score_amount == 15


def test_withdrawn_offers_and_own_states_offers_are_not_candidates(need, state_a, state_b):
    OfferFactory(state=state_b, status="withdrawn")
    OfferFactory(state=state_a)
    assert list(matching.ranked(need)) == []


def test_focal_point_sees_only_candidates_it_may_see(need, state_b, state_a_user):
    private = OfferFactory(state=state_b, visibility="secretariat")
    public = OfferFactory(state=state_b)
    rows = selectors.ranked_candidates_for(actor_for(state_a_user), need)
    assert [r.pk for r in rows] == [public.pk]
    assert private.pk not in [r.pk for r in rows]


def test_ranking_page_shows_scores_and_reasons(client_for, need, state_b):
    OfferFactory(state=state_b, title="Clearance fund", amount=Decimal("100000"), currency="USD")
    body = client_for("state_a").get(reverse("partnerships:entry-matches", args=[need.pk])).content.decode()
    assert "Clearance fund" in body
    assert "Score 90/100" in body or "Score 80/100" in body or "Score" in body
    assert "The offer covers the amount needed" in body


def test_saving_an_entry_records_its_strong_matches_in_the_background(client_for, need, state_b, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for("state_b").post(reverse("partnerships:entry-create", args=["offer"]), {
            "kind": "financial", "area": "mine_clearance", "title": "Clearance fund", "description": "Funds.",
            "amount": "100000", "currency": "USD", "visibility": "public",
        })
    assert response.status_code == 302
    suggestion = SuggestedMatch.objects.get()
    assert suggestion.need == need and suggestion.score >= matching.STRONG_MATCH


def test_strong_matches_skip_weak_candidates(need, state_b):
    from partnerships.services import strong_matches_record

    OfferFactory(state=state_b, area="victim_assistance", kind="financial")  # 25 + ... < 70
    assert strong_matches_record(entry_id=need.pk) == 0


def test_any_apmbc_party_can_offer(apmbc, need):
    extra = StateFactory(code="NO", region="Europe")
    TreatyPartyFactory(treaty=apmbc, state=extra)
    OfferFactory(state=extra)
    assert matching.ranked(need).count() == 1
