"""Every write endpoint of the API (from the permission matrix's write rows, which carry a valid
body), fed bad values in each field: a JSON 400 naming the field or an accepted value, never a
500, and nothing changed when refused."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tests.permissions.test_matrix import ALL_ROUTES

from .checks import call, changed, row_counts
from .payloads import JSON_EXTRA_VALUES, TEXT_VALUES

WRITERS = ("state_a", "state_b", "entity_fp", "isu_staff")
WRITE_ROUTES = [
    r for r in ALL_ROUTES
    if r.method in {"post", "put", "patch"} and r.format == "json" and r.data is not None
    and any(200 <= r.expected.get(role, 0) < 300 for role in WRITERS)
]
VALUES = {**TEXT_VALUES, **JSON_EXTRA_VALUES}


@pytest.mark.parametrize("route", WRITE_ROUTES, ids=lambda r: r.id)
def test_every_write_endpoint_refuses_bad_values_with_a_json_400(route, world, client_for):
    role = next(role for role in WRITERS if 200 <= route.expected.get(role, 0) < 300)
    client = client_for(role)
    url = reverse(route.name, kwargs=route.args(world) if route.args else None)
    valid = route.data(world)
    problems: list[str] = []
    before = row_counts()
    for key in valid:
        for label, value in VALUES.items():
            what = f"{role} {route.method.upper()} {url} {key}={label}"
            response = call(problems, what, getattr(client, route.method), url, {**valid, key: value}, format="json")
            after = row_counts()
            if response is None:
                before = after
                continue
            status = response.status_code
            if status >= 500:
                problems.append(f"{what}: HTTP {status}")
            elif status >= 400:
                if "json" not in response.get("Content-Type", ""):
                    problems.append(f"{what}: HTTP {status} without a JSON body")
                else:
                    body = json.loads(response.content or b"{}")
                    if status == 400 and not body:
                        problems.append(f"{what}: 400 with an empty body (which field?)")
                if changed(before, after):
                    problems.append(f"{what}: refused ({status}) but changed {changed(before, after)}")
            before = after
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems[:30])
