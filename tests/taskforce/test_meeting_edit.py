"""Staff edit a recorded meeting by the rules of recording it; the history keeps every version,
an edit made meanwhile by someone else is not overwritten, and rows are added with or without
script."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from entities.access import actor_for
from taskforce.models import ActionItem, DatePrecision, Meeting, Participant
from taskforce.services.meetings import (
    ActionItemData,
    MeetingData,
    ParticipantData,
    PartyChoice,
    meeting_record,
)
from tests.factories import EntityFactory, MechanismFactory, MeetingFactory
from tests.taskforce.test_record_meeting import post_data


@pytest.fixture
def task_force(entity):
    return MechanismFactory(slug="ied-task-force", name="IED task force", lead_entity=entity)


@pytest.fixture
def undp(db):
    return EntityFactory(acronym="UNDP", name="United Nations Development Programme")


@pytest.fixture
def meeting(task_force, entity, undp, other_entity, isu_staff):
    """Recorded with UNMAS in the chair, UNDP and UNIDIR, two decisions and one action item."""
    return meeting_record(mechanism=task_force, actor=actor_for(isu_staff), user=isu_staff, data=MeetingData(
        title="Second Director-level meeting", date=dt.date(2026, 3, 2), level="directors",
        starts_at=dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC), time_zone="America/New_York", place="New York",
        decisions=["Adopt a glossary", "Map capabilities"],
        participants=[ParticipantData(PartyChoice(entity=entity), "chair"), ParticipantData(PartyChoice(entity=undp), "participant"),
                      ParticipantData(PartyChoice(entity=other_entity), "participant")],
        action_items=[ActionItemData(text="Draft the glossary", owner=PartyChoice(entity=undp), due_on=dt.date(2026, 5, 1))],
    ))


def edit_url(meeting):
    return reverse("taskforce:meeting-edit", args=[meeting.pk])


def edit_data(meeting, *, participants, actions, **changes):
    data = post_data(participants=participants, actions=actions, **changes)
    data["last_updated"] = meeting.updated_at.isoformat()
    return data


def test_the_edit_page_shows_the_meeting_as_recorded(staff_client, meeting, undp):
    page = staff_client.get(edit_url(meeting)).content.decode()
    assert 'value="Second Director-level meeting"' in page
    assert 'value="2026-03-02T10:00"' in page  # 15:00 UTC read back in New York time
    assert "Adopt a glossary\nMap capabilities" in page
    assert re.search(rf'<option value="entity:{undp.pk}" selected>UNDP', page)
    assert "Draft the glossary" in page
    assert 'name="participants-TOTAL_FORMS" value="5"' in page  # three recorded, two empty
    assert "Add a participant" in page and 'id="participants-empty-row"' in page


def test_staff_edit_details_participants_decisions_and_action_items(staff_client, meeting, entity, undp, other_entity, state_a, isu_staff):
    item = meeting.action_items.get()
    data = edit_data(
        meeting, title="Second Director-level meeting (revised)", decisions="Adopt a glossary\nMap capabilities by 2027",
        participants=[(f"entity:{entity.pk}", "chair"), (f"entity:{undp.pk}", "co_chair"), (f"state:{state_a.pk}", "participant")],
        actions=[
            {"text": "Draft the glossary in three languages", "owner": f"entity:{undp.pk}", "due_on": "2026-06-01", "item": item.pk},
            {"text": "Share the toolbox", "owner": f"entity:{entity.pk}"},
        ],
    )
    response = staff_client.post(edit_url(meeting), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.title == "Second Director-level meeting (revised)"
    parties = {(p.party, p.role) for p in meeting.participants.all()}
    assert parties == {(entity, "chair"), (undp, "co_chair"), (state_a, "participant")}
    assert not meeting.participants.filter(entity=other_entity).exists()
    assert list(meeting.decisions.values_list("text", flat=True)) == ["Adopt a glossary", "Map capabilities by 2027"]
    item.refresh_from_db()
    assert (item.text, item.due_on) == ("Draft the glossary in three languages", dt.date(2026, 6, 1))
    assert ActionItem.objects.filter(meeting=meeting).count() == 2
    # The history: two versions of the meeting, the removal of UNIDIR, only the changed decision.
    assert [h.title for h in meeting.history.order_by("history_date")] == [
        "Second Director-level meeting", "Second Director-level meeting (revised)",
    ]
    assert meeting.history.latest().history_user == isu_staff
    assert Participant.history.filter(entity=other_entity, history_type="-").count() == 1
    assert not meeting.decisions.get(order=1).history.filter(history_type="~").exists()
    assert [h.text for h in meeting.decisions.get(order=2).history.filter(history_type="~")] == ["Map capabilities by 2027"]
    detail = staff_client.get(response["Location"]).content.decode()
    assert "Draft the glossary in three languages" in detail and "Share the toolbox" in detail


def test_an_edit_made_meanwhile_is_not_overwritten(staff_client, meeting, entity):
    data = edit_data(meeting, title="My version", participants=[(f"entity:{entity.pk}", "chair")], actions=[])
    Meeting.objects.filter(pk=meeting.pk).update(title="Their version", updated_at=meeting.updated_at + dt.timedelta(seconds=5))
    response = staff_client.post(edit_url(meeting), data)
    assert response.status_code == 409
    assert "Someone else changed this meeting" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Their version"
    assert meeting.participants.count() == 3


@pytest.mark.parametrize(
    ("change", "field_error"),
    [
        ({"ends_at": "2026-03-02T09:00"}, "The meeting cannot end before it starts."),
        ({"starts_at": "2045-03-02T10:00"}, "Enter a date between"),
    ],
    ids=["end-before-start", "beyond-ten-years"],
)
def test_the_rules_of_recording_apply_and_nothing_is_saved(staff_client, meeting, entity, change, field_error):
    data = edit_data(meeting, title="Changed", participants=[(f"entity:{entity.pk}", "chair")], actions=[], **change)
    response = staff_client.post(edit_url(meeting), data)
    assert response.status_code == 400
    assert field_error in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.title == "Second Director-level meeting" and meeting.participants.count() == 3


def test_a_recorded_action_item_cannot_be_emptied(staff_client, meeting, entity):
    item = meeting.action_items.get()
    data = edit_data(meeting, participants=[(f"entity:{entity.pk}", "chair")], actions=[{"text": "", "owner": "", "item": item.pk}])
    response = staff_client.post(edit_url(meeting), data)
    assert response.status_code == 400
    assert "close it as dropped on its own page" in response.content.decode()
    assert ActionItem.objects.get(pk=item.pk).text == "Draft the glossary"


def test_a_meeting_known_only_by_its_month_keeps_its_date_when_no_time_is_typed(staff_client, task_force, entity):
    january = MeetingFactory(mechanism=task_force, title="First Director-level meeting", date=dt.date(2020, 1, 1),
                             date_precision=DatePrecision.MONTH, date_note="“late January” 2020: the source gives no day.")
    page = staff_client.get(edit_url(january)).content.decode()
    assert "No time was recorded" in page
    data = edit_data(january, title="First Director-level meeting", starts_at="", ends_at="", time_zone="UTC",
                     participants=[(f"entity:{entity.pk}", "chair")], actions=[])
    response = staff_client.post(edit_url(january), data)
    assert response.status_code == 302
    january.refresh_from_db()
    assert (january.date, january.date_precision, january.starts_at) == (dt.date(2020, 1, 1), DatePrecision.MONTH, None)
    assert january.date_note.startswith("“late January”")


def test_a_participant_whose_body_was_renamed_stays_on_the_edit_form(staff_client, task_force, isu_staff):
    dpo = EntityFactory(acronym="DPO", name="Department of Peace Operations")
    dpko = EntityFactory(acronym="DPKO", name="Department of Peacekeeping Operations", is_active=False, successor=dpo)
    old = meeting_record(mechanism=task_force, actor=actor_for(isu_staff), user=isu_staff, data=MeetingData(
        title="2015 meeting", date=dt.date(2015, 3, 2), level="working", starts_at=dt.datetime(2015, 3, 2, 10, tzinfo=dt.UTC),
        participants=[ParticipantData(PartyChoice(entity=dpko), "participant")],
    ))
    page = staff_client.get(edit_url(old)).content.decode()
    assert re.search(rf'<option value="entity:{dpko.pk}" selected>DPKO — Department of Peacekeeping Operations \(now DPO\)', page)
    record_page = staff_client.get(reverse("taskforce:meeting-record", args=[task_force.slug])).content.decode()
    assert "DPO — Department of Peace Operations (formerly DPKO)" in record_page
    assert "Department of Peacekeeping Operations" not in record_page


def test_without_script_add_a_row_shows_the_form_again_as_typed_with_one_more_row(staff_client, task_force, entity):
    url = reverse("taskforce:meeting-record", args=[task_force.slug])
    data = post_data(title="Typed so far", participants=[(f"entity:{entity.pk}", "chair")] + [("", "participant")] * 5)
    data["add_row"] = "participants"
    response = staff_client.post(url, data)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="participants-TOTAL_FORMS" value="7"' in page
    assert 'id="id_participants-6-party"' in page
    assert 'value="Typed so far"' in page
    assert re.search(rf'<option value="entity:{entity.pk}" selected>', page)
    assert 'class="errors"' not in page  # not a failed submit: no error messages
    assert not Meeting.objects.exists()


def test_a_meeting_of_fifteen_entities_can_be_recorded(staff_client, task_force):
    entities = [EntityFactory(acronym=f"E{n:02d}") for n in range(15)]
    data = post_data(participants=[(f"entity:{e.pk}", "participant") for e in entities])
    response = staff_client.post(reverse("taskforce:meeting-record", args=[task_force.slug]), data)
    assert response.status_code == 302
    assert Meeting.objects.get().participants.count() == 15


def test_the_time_zone_picker_starts_with_the_usual_meeting_places_labelled_by_city(staff_client, task_force):
    page = staff_client.get(reverse("taskforce:meeting-record", args=[task_force.slug])).content.decode()
    common = page.index("Where UN meetings are often held")
    every = page.index("All time zones, by city")
    assert common < page.index(">New York — ") < page.index(">Geneva — ") < every
    assert re.search(r'<option value="Asia/Kolkata">Kolkata \(India\) — 5 hours 30 minutes ahead of UTC</option>', page)
    assert "Etc/GMT+5" not in page


def test_only_staff_edit_meetings(client_for, meeting):
    for role in ("state_a", "entity_fp"):
        assert client_for(role).post(edit_url(meeting), {"title": "Hijacked"}).status_code == 403
    meeting.refresh_from_db()
    assert meeting.title == "Second Director-level meeting"
    page = client_for("state_a").get(meeting.get_absolute_url()).content.decode()
    assert "Edit the meeting" not in page
