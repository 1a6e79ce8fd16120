"""List pages and list endpoints cost a fixed number of queries, whatever the page size."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import (
    ActionItemFactory,
    EntityFactory,
    MechanismFactory,
    MeetingFactory,
    MembershipFactory,
    ParticipantFactory,
)


def build(n):
    for i in range(n):
        mechanism = MechanismFactory()
        entity = EntityFactory()
        MembershipFactory(mechanism=mechanism, entity=entity, role="chair")
        MembershipFactory(mechanism=mechanism)
        meeting = MeetingFactory(mechanism=mechanism, date=dt.date(2026, 1, 1) + dt.timedelta(days=i))
        ParticipantFactory(meeting=meeting, entity=entity)
        ParticipantFactory(meeting=meeting)
        ActionItemFactory(mechanism=mechanism, meeting=meeting, entity=entity, due_on=dt.date(2025, 1, 1))


def count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


PAGES = [
    ("taskforce:index", None), ("taskforce:meeting-list", None), ("taskforce:action-item-list", None),
    ("mechanism-list", None), ("meeting-list", None), ("action-item-list", None),
    ("taskforce:calendar", None), ("taskforce:coordination-map", None), ("taskforce:capability-list", None),
    ("taskforce:glossary", None),
]


@pytest.mark.parametrize(("name", "args"), PAGES, ids=[p[0] for p in PAGES])
def test_query_count_does_not_grow_with_rows(client_for, name, args):
    client = client_for("isu_staff")
    build(2)
    small = count(client, reverse(name, args=args))
    build(8)
    assert count(client, reverse(name, args=args)) == small


def test_mechanism_page_query_count_is_bounded(client_for):
    client = client_for("anonymous")
    mechanism = MechanismFactory(slug="casa")
    for _ in range(3):
        MembershipFactory(mechanism=mechanism)
        ActionItemFactory(mechanism=mechanism)
    small = count(client, reverse("taskforce:mechanism-detail", args=["casa"]))
    for _ in range(10):
        MembershipFactory(mechanism=mechanism)
        ActionItemFactory(mechanism=mechanism)
    assert count(client, reverse("taskforce:mechanism-detail", args=["casa"])) == small
    assert small <= 15
