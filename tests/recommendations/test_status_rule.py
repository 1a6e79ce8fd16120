"""A recommendation's status, derived from its actions' statuses (docs/recommendations.md)."""

import pytest

from recommendations.models import derive_status

N, P, C, D = "not_started", "in_progress", "completed", "discontinued"


@pytest.mark.parametrize(
    ("actions", "expected"),
    [
        ([], N),
        ([N, N], N),
        ([N, D], N),
        ([N, P], P),
        ([N, C], P),
        ([P, C], P),
        ([C, C], C),
        ([C, D], C),
        ([D, D], D),
    ],
)
def test_recommendation_status_follows_its_actions(actions, expected):
    assert derive_status(actions) == expected
