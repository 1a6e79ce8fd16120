"""Every Platform list page and list endpoint answers in a number of queries that does not grow
with the number of rows shown."""

import pytest
from django.urls import reverse

from partnerships.models import Feedback
from tests.factories import ChallengeFactory, MatchFactory, NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db


def _grow(state_a, state_b, n):
    for _ in range(n):
        OfferFactory(state=state_b)
        ChallengeFactory(state=state_a, consent_to_share=True)
        MatchFactory(need=NeedFactory(state=state_a), offer=OfferFactory(state=state_b))
        Feedback.objects.create(state=state_a, usefulness=4)


@pytest.mark.parametrize("role,route", [
    ("anonymous", "partnerships:challenge-list"),
    ("anonymous", "partnership-challenge-list"),
    ("anonymous", "offer-list"),
    ("state_a", "partnership-match-list"),
    ("isu_staff", "partnerships:feedback-list"),
    ("isu_staff", "partnerships:match-list"),
    ("isu_staff", "partnerships:dashboard"),
])
def test_list_query_count_does_not_grow_with_rows(client_for, parties, state_a, state_b, role, route, django_assert_max_num_queries):
    client = client_for(role)
    _grow(state_a, state_b, 1)
    with django_assert_max_num_queries(25) as small:
        assert client.get(reverse(route)).status_code == 200
    _grow(state_a, state_b, 10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(reverse(route)).status_code == 200
