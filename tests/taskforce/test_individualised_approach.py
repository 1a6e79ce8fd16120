"""An individualised-approach meeting can be requested, held and its report downloaded."""

import datetime as dt

import pytest
from django.urls import reverse

from taskforce.models import Meeting, Membership
from tests.factories import MechanismFactory, OrganisationFactory, StateFactory


@pytest.fixture
def committee(db):
    committee = MechanismFactory(slug="committee-cooperation-assistance", name="Committee on the Enhancement of Cooperation and Assistance",
                                 lead_entity=None)
    for code in ("MX", "NL", "CH", "UG"):
        Membership.objects.create(mechanism=committee, state=StateFactory(code=code), role="member")
    OrganisationFactory(name="Anti-Personnel Mine Ban Convention Implementation Support Unit", acronym="ISU")
    return committee


def test_state_focal_point_requests_for_its_own_state_with_the_annex_roles(client_for, committee, state_b):
    response = client_for("state_b").post(reverse("taskforce:ia-request"), {
        "state": state_b.pk, "preferred_date": "2026-05-18", "report_for": "intersessional", "place": "Geneva",
        "challenges": "Article 5 clearance in remote areas.",
    })
    assert response.status_code == 302
    meeting = Meeting.objects.get(kind="individualised_approach")
    assert (meeting.requested_by, meeting.status, meeting.is_confidential) == (state_b, "requested", True)
    roles = {(str(p.party), p.role, p.capacity) for p in meeting.participants.all()}
    # Uganda chairs as the requesting State; it is also a Committee member, so it is not listed twice.
    assert ("Uganda", "chair", "requesting_state") in roles
    assert ("ISU", "secretary", "isu") in roles
    assert {r for r in roles if r[2] == "committee"} == {
        ("Mexico", "facilitator", "committee"), ("Netherlands (Kingdom of the)", "facilitator", "committee"),
        ("Switzerland", "facilitator", "committee")}
    assert meeting.process_checks.count() == 6


def test_state_focal_point_cannot_request_for_another_state(client_for, committee, state_a):
    response = client_for("state_b").post(reverse("taskforce:ia-request"), {
        "state": state_a.pk, "preferred_date": "2026-05-18", "report_for": "msp"})
    assert response.status_code == 400
    assert not Meeting.objects.exists()


def test_bad_date_is_named_on_its_field(client_for, committee, state_b):
    response = client_for("state_b").post(reverse("taskforce:ia-request"), {
        "state": state_b.pk, "preferred_date": "18/05/2026", "report_for": "msp"})
    assert response.status_code == 400
    assert "Enter the date as YYYY-MM-DD." in response.content.decode()


def test_staff_hold_the_meeting_and_download_the_report(client_for, committee, state_b):
    client_for("state_b").post(reverse("taskforce:ia-request"), {
        "state": state_b.pk, "preferred_date": "2026-05-18", "report_for": "intersessional", "challenges": "Clearance of 12 areas."})
    meeting = Meeting.objects.get()
    france = StateFactory(code="FR")
    staff = client_for("isu_staff")
    data = {"status": "held", "participants-TOTAL_FORMS": "2", "participants-INITIAL_FORMS": "0",
            "participants-0-party": f"state:{france.pk}", "participants-0-capacity": "assisting_state",
            "participants-1-party": "", "participants-1-capacity": "operator"}
    for check in meeting.process_checks.all():
        data[f"done_{check.step}"] = "on"
        data[f"note_{check.step}"] = "List of 12 needs" if check.step == "challenges" else ""
    response = staff.post(reverse("taskforce:ia-checklist", args=[meeting.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting.refresh_from_db()
    assert meeting.status == "held"
    assert meeting.process_checks.filter(done=True).count() == 6
    assert meeting.participants.get(state=france).role == "participant"

    pdf = client_for("state_b").get(reverse("taskforce:ia-report", args=[meeting.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert b"List of 12 needs" in pdf.content and b"Intersessional Meetings" in pdf.content
    # Confidential: Mexico takes part (Committee member) and sees it; a UN entity that does not take part
    # does not even see that it exists.
    assert client_for("state_a").get(reverse("taskforce:ia-report", args=[meeting.pk])).status_code == 200
    assert client_for("entity_fp").get(reverse("taskforce:ia-report", args=[meeting.pk])).status_code == 404
    assert client_for("anonymous").get(reverse("taskforce:ia-report", args=[meeting.pk])).status_code == 404


def test_participant_added_twice_is_refused(client_for, committee, state_b):
    client_for("state_b").post(reverse("taskforce:ia-request"), {"state": state_b.pk, "preferred_date": "2026-05-18", "report_for": "msp"})
    meeting = Meeting.objects.get()
    mexico = meeting.participants.get(capacity="committee", state__code="MX").state
    response = client_for("isu_staff").post(reverse("taskforce:ia-checklist", args=[meeting.pk]), {
        "status": "scheduled", "participants-TOTAL_FORMS": "1", "participants-INITIAL_FORMS": "0",
        "participants-0-party": f"state:{mexico.pk}", "participants-0-capacity": "assisting_state"})
    assert response.status_code == 400
    assert "already a participant" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == "requested"


def test_report_of_an_ordinary_meeting_is_404(staff_client):
    from tests.factories import MeetingFactory

    assert staff_client.get(reverse("taskforce:ia-report", args=[MeetingFactory(date=dt.date(2026, 1, 1)).pk])).status_code == 404
