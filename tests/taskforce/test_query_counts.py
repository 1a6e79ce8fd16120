"""This app's pages and endpoints run as many queries on ten times the data (tests/permissions/query_counts.py)."""

import pytest

from tests.permissions.query_counts import query_counts_check, read_routes

from .routes import ROUTES


@pytest.mark.route_walk
@pytest.mark.parametrize("route", read_routes(ROUTES), ids=lambda r: r.id)
def test_query_count_does_not_grow_with_the_data(route, world, client_for):
    query_counts_check(route, world, client_for)
