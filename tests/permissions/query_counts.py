"""Every page and endpoint runs the same number of queries whatever the amount of data.

Like the permission matrix, this walks the routes of `tests/<app>/routes.py` (the matrix test
already fails when a named route has no row) for every role: once on a small world (`grow(world,
1)`) and once on ten times the data (`grow(world, 9)` more), reading each page twice and counting
the second read (the first may fill caches). A count that differs means a query per row.
Each app's `test_query_counts.py` runs `query_counts_check` over its own routes, so the suite
spreads them over its workers.

Routes that change data (POST, PATCH...) are left out: a second call would not do the same
thing; their query counts are pinned by the tests of their services.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .growth import grow
from .matrix import ROLES, Route


def read_routes(routes: list[Route]) -> list[Route]:
    return [route for route in routes if route.method == "get"]


def _count(client, url: str, data, kwargs) -> tuple[int, int]:
    client.get(url, data, **kwargs)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data, **kwargs)
    return response.status_code, len(queries)


def query_counts_check(route: Route, world, client_for) -> None:
    url = reverse(route.name, kwargs=route.args(world) if route.args else None)
    data = route.data(world) if route.data else None
    kwargs = {"format": route.format} if route.format else {}
    clients = {role: client_for(role) for role in ROLES}

    grow(world, 1)
    small = {role: _count(clients[role], url, data, kwargs) for role in ROLES}
    grow(world, 9)
    large = {role: _count(clients[role], url, data, kwargs) for role in ROLES}

    differing = {
        role: f"{small[role][1]} queries (HTTP {small[role][0]}) with the small world, "
              f"{large[role][1]} (HTTP {large[role][0]}) with ten times the data"
        for role in ROLES if small[role] != large[role]
    }
    assert not differing, f"{route.id}: {differing}"
