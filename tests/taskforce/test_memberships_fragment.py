"""The fragment on entity and State pages lists a party's mechanisms and roles in one query."""

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from tests.factories import MechanismFactory, MembershipFactory


def test_fragment_lists_mechanisms_and_roles_in_one_query(db, entity, state_a):
    for i in range(5):
        MembershipFactory(mechanism=MechanismFactory(name=f"Mechanism {i}"), entity=entity, role="chair" if i == 0 else "member")
    MembershipFactory(mechanism=MechanismFactory(name="Committee"), entity=None, state=state_a)
    with CaptureQueriesContext(connection) as ctx:
        html = render_to_string("taskforce/includes/memberships.html", {"party": entity})
    assert len(ctx.captured_queries) == 1
    assert html.count("<li>") == 5 and "chair" in html and "Committee" not in html
    assert "Committee" in render_to_string("taskforce/includes/memberships.html", {"party": state_a})
