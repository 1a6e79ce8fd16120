import importlib
import pkgutil
import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests

from .matrix import ROLES, Route

# URL names that are not product views: framework plumbing covered by its own tests.
NOT_IN_MATRIX_PREFIXES = ("admin:",)
NOT_IN_MATRIX = {"set_language", "api-schema", "api-docs"}


def _collect_routes() -> list[Route]:
    routes: list[Route] = []
    for module in pkgutil.iter_modules(tests.__path__):
        if not module.ispkg:
            continue
        try:
            routes_module = importlib.import_module(f"tests.{module.name}.routes")
        except ModuleNotFoundError:
            continue
        routes.extend(routes_module.ROUTES)
    return routes


ALL_ROUTES = _collect_routes()


def _url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_named_route_is_in_the_matrix():
    covered = {route.name for route in ALL_ROUTES}
    names = {
        name for name in _url_names(get_resolver().url_patterns)
        if not name.startswith(NOT_IN_MATRIX_PREFIXES) and name not in NOT_IN_MATRIX
        and not name.endswith("-format")  # DRF format-suffix variants of covered routes
    }
    missing = sorted(names - covered)
    assert not missing, f"routes without a permission-matrix row: {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", ALL_ROUTES, ids=lambda r: r.id)
def test_permission_matrix(route: Route, role: str, world, client_for):
    client = client_for(role)
    url = reverse(route.name, kwargs=route.args(world) if route.args else None)
    data = route.data(world) if route.data else None
    kwargs = {"format": route.format} if route.format else {}
    response = getattr(client, route.method)(url, data, **kwargs)
    assert response.status_code == route.expected[role], (
        f"{route.id} as {role}: expected {route.expected[role]}, got {response.status_code}"
    )
