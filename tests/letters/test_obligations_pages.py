"""The obligations pages: the staff overview, one State's page, recording a fact, the feeds."""

import datetime as dt

import pytest
from django.urls import reverse

from entities.access import actor_for
from letters.models import ClearanceExtension
from letters.services.obligations import destruction_record, extension_record
from tests.factories import ReportingObligationFactory, StateFactory, TreatyPartyFactory

D = dt.date


@pytest.fixture
def parties(db, isu_staff, time_machine):
    time_machine.move_to(dt.datetime(2026, 1, 15, 9, 0, tzinfo=dt.UTC))
    obligation = ReportingObligationFactory()
    staff = actor_for(isu_staff)

    def make(codes):
        for code in codes:
            party = TreatyPartyFactory(treaty=obligation.treaty, state=StateFactory(code=code), entry_into_force=D(2017, 3, 1))
            destruction_record(actor=staff, state=party.state, kind="article-5", recorded_on=D(2018, 1, 1))
            extension_record(actor=staff, state=party.state, decision="Decision of the 21MSP", months_granted=24)
    return make


def test_overview_lists_deadlines_coming_and_does_not_grow_with_states(parties, staff_client):
    parties(["FR", "DE"])
    url = reverse("letters:obligations")
    page = staff_client.get(url, {"months": "24"}).content.decode()
    assert "France" in page and "Germany" in page
    before = _count(staff_client, url)
    parties(["IT", "ES", "PT"])
    assert _count(staff_client, url) == before


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_state_page_shows_how_the_deadline_got_there(parties, staff_client):
    parties(["FR"])
    page = staff_client.get(reverse("letters:obligations-state", args=["fr"])).content.decode()
    assert "Decision of the 21MSP" in page
    assert "2029" in page  # 1 March 2027 + 24 months
    assert "article-5" not in page  # no code shown to a person


def test_focal_point_of_another_state_is_refused(parties, client_for, state_b):
    parties(["FR"])
    assert client_for("state_b").get(reverse("letters:obligations-state", args=["FR"])).status_code == 403
    assert client_for("state_b").get(reverse("letters:obligations-state", args=["QQ"])).status_code == 404


def test_recording_an_extension_that_does_not_move_the_deadline_shows_the_field(parties, staff_client):
    parties(["FR"])
    response = staff_client.post(reverse("letters:obligation-record", args=["extension"]), {
        "state": StateFactory(code="FR").pk, "decision": "<b>x</b>", "new_deadline": "2027-03-01",
    })
    assert response.status_code == 400
    assert "must be after the current one" in response.content.decode()
    assert ClearanceExtension.objects.count() == 1


def test_calendar_feed_has_one_entry_per_deadline(parties, staff_client):
    parties(["FR"])
    body = staff_client.get(reverse("letters:obligations-state-calendar", args=["FR"])).content.decode()
    assert body.count("BEGIN:VEVENT") >= 2
    assert "DTSTART;VALUE=DATE:20290301" in body


def test_overview_chart_counts_open_destruction_deadlines_by_year_beside_its_table(parties, staff_client):
    parties(["FR", "DE"])  # article 5: 1 March 2027 + 24 months = 1 March 2029, for both
    response = staff_client.get(reverse("letters:obligations"))
    page = response.content.decode()
    assert response.context["chart_data"] == {
        "years": [2029], "series": [{"label": "Article 4", "counts": [0]}, {"label": "Article 5", "counts": [2]}],
    }
    assert 'id="obligations-by-year-data"' in page and 'id="obligations-by-year-chart"' in page
    # One chart technique for every dashboard: SVG drawn on the server, no chart library.
    assert '<svg height=' in page and 'aria-labelledby="obligations-by-year-chart-title"' in page and "chart.umd" not in page
    assert "<th scope=\"row\">2029</th><td>0</td><td>2</td>" in page


def test_overview_without_facts_hides_the_chart(db, staff_client):
    page = staff_client.get(reverse("letters:obligations")).content.decode()
    assert '<div class="deadline-chart" hidden>' in page
    assert "No stockpiles or mined areas are recorded." in page
