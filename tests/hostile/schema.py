"""What the OpenAPI schema says each API operation reads: its query parameters and the fields
of its JSON body. Built once per process, inside a test (drawing it reads the database), by
the generator that serves /api/v1/schema/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Operation:
    path: str  # the schema's template, /api/v1/platform/needs/{id}/
    method: str
    query: tuple[str, ...]
    body: tuple[str, ...]  # writable fields of the JSON body


def _body_fields(schema: dict, operation: dict) -> tuple[str, ...]:
    content = operation.get("requestBody", {}).get("content", {})
    body = content.get("application/json", {}).get("schema", {})
    if "$ref" in body:
        body = schema["components"]["schemas"][body["$ref"].rsplit("/", 1)[-1]]
    properties = body.get("properties", {})
    return tuple(name for name, spec in properties.items() if not spec.get("readOnly"))


@cache
def operations() -> tuple[tuple[re.Pattern, Operation], ...]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, methods in schema["paths"].items():
        pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
        for method, operation in methods.items():
            query = tuple(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query")
            found.append((pattern, Operation(path, method, query, _body_fields(schema, operation))))
    return tuple(found)


def operation_for(path: str, method: str) -> Operation | None:
    for pattern, operation in operations():
        if operation.method == method and pattern.match(path):
            return operation
    return None
