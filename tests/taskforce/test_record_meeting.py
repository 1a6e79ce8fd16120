"""Staff record a meeting in one pass; bad input names the field and saves nothing."""

import pytest
from django.urls import reverse

from taskforce.models import ActionItem, Meeting, Participant
from tests.factories import EntityFactory, MechanismFactory, ObjectiveFactory


def management(prefix, total):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def post_data(*, participants=(), actions=(), documents=(), **meeting):
    data = {
        "title": "Second Director-level meeting", "level": "directors", "starts_at": "2026-03-02T10:00",
        "ends_at": "2026-03-02T12:30", "time_zone": "America/New_York", "place": "New York",
        "summary": "Terminology and the UN toolbox.", "agenda": "Terminology\nToolbox", "decisions": "Adopt a glossary\nMap capabilities",
    }
    data.update(meeting)
    data.update(management("participants", len(participants)))
    for i, (party, role) in enumerate(participants):
        data[f"participants-{i}-party"] = party
        data[f"participants-{i}-role"] = role
    data.update(management("actions", len(actions)))
    for i, row in enumerate(actions):
        for key, value in row.items():
            data[f"actions-{i}-{key}"] = value
    data.update(management("documents", len(documents)))
    for i, row in enumerate(documents):
        for key, value in row.items():
            data[f"documents-{i}-{key}"] = value
    return data


@pytest.fixture
def task_force(entity):
    return MechanismFactory(slug="ied-task-force", name="IED task force", lead_entity=entity)


@pytest.fixture
def url(task_force):
    return reverse("taskforce:meeting-record", args=[task_force.slug])


def test_staff_record_a_meeting_with_participants_decisions_and_action_items(staff_client, url, task_force, entity, state_a):
    undp = EntityFactory(acronym="UNDP")
    objective = ObjectiveFactory(mechanism=task_force, text="Establish common understanding in the use of terminology")
    data = post_data(
        participants=[(f"entity:{entity.pk}", "chair"), (f"entity:{undp.pk}", "participant"), (f"state:{state_a.pk}", "participant")],
        actions=[{"text": "Draft the glossary", "owner": f"entity:{undp.pk}", "due_on": "2026-05-01", "objective": objective.pk}],
        documents=[{"title": "Concept note", "url": "https://example.org/note.pdf"}],
    )
    response = staff_client.post(url, data)
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Second Director-level meeting")
    assert meeting.time_zone == "America/New_York"
    assert meeting.starts_at.isoformat() == "2026-03-02T15:00:00+00:00"  # 10:00 in New York
    assert meeting.participants.count() == 3
    assert meeting.participants.get(role="chair").entity == entity
    assert list(meeting.decisions.values_list("text", flat=True)) == ["Adopt a glossary", "Map capabilities"]
    item = ActionItem.objects.get()
    assert (item.entity, item.meeting, item.objective) == (undp, meeting, objective)
    assert meeting.documents.get().url == "https://example.org/note.pdf"
    page = staff_client.get(response["Location"])
    assert "Draft the glossary" in page.content.decode()


@pytest.mark.parametrize(
    ("change", "field_error"),
    [
        ({"ends_at": "2026-03-02T09:00"}, "The meeting cannot end before it starts."),
        ({"actions": [{"text": "Draft the glossary", "owner": ""}]}, "Every action item needs an owner."),
        ({"actions": [{"text": "Draft the glossary", "owner": "OWNER", "due_on": "01/05/2026x"}]}, "Enter the due date as YYYY-MM-DD."),
        ({"participants": [("PARTY", "chair"), ("PARTY", "participant")]}, "This participant is already listed."),
        ({"starts_at": "next tuesday"}, "Enter a valid date/time."),
    ],
    ids=["end-before-start", "action-without-owner", "bad-due-date", "participant-twice", "bad-start"],
)
def test_bad_input_is_named_on_its_field_and_nothing_is_saved(staff_client, url, entity, change, field_error):
    party = f"entity:{entity.pk}"
    if "participants" in change:
        change["participants"] = [(party, role) for _, role in change["participants"]]
    else:
        change.setdefault("participants", [(party, "chair")])
    for row in change.get("actions", []):
        if row.get("owner") == "OWNER":
            row["owner"] = party
    response = staff_client.post(url, post_data(**change))
    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not Meeting.objects.exists()
    assert not Participant.objects.exists()
    assert not ActionItem.objects.exists()


def test_what_is_typed_back_is_escaped(staff_client, url):
    response = staff_client.post(url, post_data(title="<script>alert(1)</script>", ends_at="2026-03-01T09:00"))
    assert response.status_code == 400
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_focal_points_cannot_record_meetings(client_for, url):
    assert client_for("entity_fp").post(url, post_data()).status_code == 403
    assert not Meeting.objects.exists()
