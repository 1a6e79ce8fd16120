"""The permission matrix: every route, every role, the expected HTTP status.

Each app declares its routes in `tests/<app>/routes.py` as `ROUTES = [Route(...), ...]`.
`tests/permissions/test_matrix.py` runs every (route, role) pair and also fails when a URL
pattern exists that no Route covers, so a new view cannot ship without its row.

`args` and `data` receive the `world` (the role fixtures: state_a, state_b, entity,
other_entity, isu_staff, state_a_user, ...) and return URL kwargs / request data; they may
create the objects the route needs.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ROLES = ("anonymous", "isu_staff", "state_a", "state_b", "entity_fp", "api_token")

# Shorthands for common expectations. HTML pages send anonymous visitors (and token-only
# API clients, which have no session) to the login page: 302.
PUBLIC = dict.fromkeys(ROLES, 200)
SIGNED_IN_HTML = {"anonymous": 302, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 200, "api_token": 302}
STAFF_HTML = {"anonymous": 302, "isu_staff": 200, "state_a": 403, "state_b": 403, "entity_fp": 403, "api_token": 302}
API_READ = {"anonymous": 401, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 200, "api_token": 200}
API_STAFF_WRITE = {"anonymous": 401, "api_token": 403, "state_a": 403, "state_b": 403, "entity_fp": 403}


def expect(base: dict[str, int], **overrides: int) -> dict[str, int]:
    table = dict(base)
    table.update(overrides)
    missing = set(ROLES) - set(table)
    if missing:
        raise ValueError(f"expectation lacks roles: {sorted(missing)}")
    return table


@dataclass(frozen=True)
class Route:
    name: str  # URL name, with namespace ("recommendations:detail", "recommendation-list")
    expected: dict[str, int]
    method: str = "get"
    args: Callable[[Any], dict] | None = None
    data: Callable[[Any], dict] | None = None
    format: str | None = None  # "json" for API writes
    label: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.name}{(' ' + self.label) if self.label else ''}"
