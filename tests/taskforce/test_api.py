"""The read-only REST API: mechanisms, meetings, action items, with their filters."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.factories import ActionItemFactory, MechanismFactory, MeetingFactory, ParticipantFactory


@pytest.fixture
def api(client_for):
    return client_for("api_token")


@pytest.fixture
def data(entity, other_entity, state_a):
    casa = MechanismFactory(slug="casa", acronym="CASA")
    ied = MechanismFactory(slug="ied-task-force", lead_entity=entity)
    january = MeetingFactory(mechanism=ied, title="First Director-level meeting", date=dt.date(2020, 1, 1), date_precision="month")
    ParticipantFactory(meeting=january, entity=entity, role="chair")
    MeetingFactory(mechanism=casa, title="CASA principals", date=dt.date(2026, 5, 4))
    ActionItemFactory(mechanism=ied, meeting=january, entity=entity, text="Glossary", due_on=dt.date(2026, 1, 31))
    ActionItemFactory(mechanism=ied, meeting=january, entity=other_entity, text="Toolbox", due_on=dt.date(2026, 9, 1))
    ActionItemFactory(mechanism=casa, meeting=None, state=state_a, entity=None, text="Report", due_on=dt.date(2026, 2, 1), status="done")


def texts(response):
    assert response.status_code == 200, response.content
    return sorted(row.get("text") or row.get("title") for row in response.json()["results"])


def test_action_items_filter_by_mechanism_entity_status_and_dates(api, data):
    url = reverse("action-item-list")
    assert texts(api.get(url, {"mechanism": "ied-task-force"})) == ["Glossary", "Toolbox"]
    assert texts(api.get(url, {"entity": "unmas"})) == ["Glossary"]
    assert texts(api.get(url, {"state": "mx"})) == ["Report"]
    assert texts(api.get(url, {"status": "done"})) == ["Report"]
    assert texts(api.get(url, {"due_after": "2026-02-01", "due_before": "2026-12-31"})) == ["Report", "Toolbox"]


@time_machine.travel("2026-03-01")
def test_overdue_filter_and_flag(api, data):
    response = api.get(reverse("action-item-list"), {"overdue": "true"})
    assert texts(response) == ["Glossary"]
    assert response.json()["results"][0]["is_overdue"] is True
    assert response.json()["results"][0]["owner"] == {"kind": "entity", "id": response.json()["results"][0]["owner"]["id"],
                                                      "code": "UNMAS", "name": "United Nations Mine Action Service"}


def test_meetings_filter_by_mechanism_participant_and_date_range(api, data):
    url = reverse("meeting-list")
    assert texts(api.get(url, {"mechanism": "casa"})) == ["CASA principals"]
    assert texts(api.get(url, {"entity": "UNMAS"})) == ["First Director-level meeting"]
    assert texts(api.get(url, {"date_after": "2026-01-01"})) == ["CASA principals"]
    meeting = api.get(url, {"entity": "UNMAS"}).json()["results"][0]
    assert meeting["date_precision"] == "month"
    assert meeting["participants"][0]["role"] == "chair"


def test_mechanism_by_short_name_with_members(api, data, entity):
    response = api.get(reverse("mechanism-detail", args=["ied-task-force"]))
    assert response.status_code == 200
    assert response.json()["lead"]["code"] == entity.acronym


@pytest.mark.parametrize("query", [{"due_after": "31/12/2026"}, {"status": "finished"}, {"date_before": "soon"}])
def test_bad_filter_values_are_a_json_400(api, data, query):
    url = reverse("meeting-list") if "date_before" in query else reverse("action-item-list")
    response = api.get(url, query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")


def test_unknown_mechanism_is_a_json_404(api):
    response = api.get(reverse("mechanism-detail", args=["no-such-mechanism"]))
    assert response.status_code == 404
