"""A double click, a reload or a retried request creates nothing twice.

Every create form carries a one-time submission key: the same form posted twice, in two
requests, creates one record and sends the second request to what the first one created. The
API's creates do the same with an `Idempotency-Key` header.
"""

import datetime as dt
import re
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entities.models import FocalPoint, SubmissionKey
from letters.models import Campaign, ReportSubmission
from partnerships.models import Challenge, Entry, Feedback, Match
from recommendations.models import StatusUpdate
from taskforce.models import ActionItemUpdate, Capability, Meeting, Membership
from tests.factories import (
    ActionItemFactory,
    MechanismFactory,
    NeedFactory,
    OfferFactory,
    OrganisationFactory,
    ReportingObligationFactory,
    StateFactory,
    SuggestedActionFactory,
    TreatyFactory,
    TreatyPartyFactory,
)

pytestmark = pytest.mark.django_db

KEY = re.compile(r'name="submission_key" value="([A-Za-z0-9_-]+)"')

ENTRY = {
    "kind": "financial", "area": "mine_clearance", "title": "Clearance of the northern border",
    "description": "Survey and clearance of 12 suspected hazardous areas.", "amount": "250000", "currency": "USD",
    "period_start": "2027-01-01", "period_end": "2027-12-31", "geographic_focus": "Northern provinces",
    "visibility": "public",
}
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@dataclass
class Form:
    """One create form: who fills it, where it is shown and posted, what it sends, what it makes."""

    role: str
    page: str
    action: str
    data: dict
    records: object  # a queryset: what the form creates

    def count(self) -> int:
        return self.records.count()


@pytest.fixture
def world(state_a, state_b, entity, isu_staff, state_a_user, state_b_user, entity_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    treaty = TreatyFactory()
    for state in (state_a, state_b):
        TreatyPartyFactory(treaty=treaty, state=state, entry_into_force=dt.date(1999, 3, 1))
    return SimpleNamespace(state_a=state_a, state_b=state_b, entity=entity, treaty=treaty)


def _entry(w, side):
    url = reverse("partnerships:entry-create", args=[side])
    return Form("state_a", url, url, dict(ENTRY), Entry.objects.filter(side=side))


def _challenge(w):
    url = reverse("partnerships:challenge-create")
    data = {"obligation": "article_5", "nature": "financial", "source": "bilateral", "description": "No funds for survey."}
    return Form("state_a", url, url, data, Challenge.objects.all())


def _match(w):
    need = NeedFactory(state=w.state_a, visibility="public", kind="financial", area="mine_clearance")
    offer = OfferFactory(state=w.state_b, visibility="public", kind="financial", area="mine_clearance", target_state=None)
    return Form(
        "isu_staff", reverse("partnerships:entry-matches", args=[need.pk]),
        reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk, "note": "Talk soon"}, Match.objects.all(),
    )


def _feedback(w):
    url = reverse("partnerships:feedback")
    return Form("state_a", url, url, {"usefulness": "4", "what_to_improve": "E-mail alerts"}, Feedback.objects.all())


def _campaign(w):
    url = reverse("letters:campaign-create")
    data = {"name": "Call for updates 2027", "kind": "platform-call", "treaty": w.treaty.pk, "period": "2027",
            "send_on": (dt.date.today() + dt.timedelta(days=30)).isoformat(), "meeting": "the Intersessional Meetings"}
    return Form("isu_staff", url, url, data, Campaign.objects.all())


def _report(w):
    ReportingObligationFactory(treaty=w.treaty)
    url = reverse("letters:report-create")
    data = {"kind": "annual", "period": "2025", "received_on": "2026-04-20",
            "file": SimpleUploadedFile("report.pdf", PDF, content_type="application/pdf")}
    return Form("state_a", url, url, data, ReportSubmission.objects.all())


def _contact(w):
    StateFactory(code="NL")
    url = reverse("entities:state-contact-add", args=["NL"])
    data = {"name": "Carla Ruiz", "email": "carla@minbuza.example.nl", "language": "fr", "is_active": "on"}
    return Form("isu_staff", url, url, data, FocalPoint.objects.filter(name="Carla Ruiz"))


def _status_update(w):
    action = SuggestedActionFactory()
    url = reverse("recommendations:action-status", args=[action.recommendation_id, action.pk])
    return Form("isu_staff", url, url, {"status": "in_progress", "date": "2026-02-01", "note": "Briefed."}, StatusUpdate.objects.all())


def _individualised_approach(w):
    committee = MechanismFactory(slug="committee-cooperation-assistance", lead_entity=None,
                                 name="Committee on the Enhancement of Cooperation and Assistance")
    for code in ("NL", "CH"):
        Membership.objects.create(mechanism=committee, state=StateFactory(code=code), role="member")
    OrganisationFactory(name="Anti-Personnel Mine Ban Convention Implementation Support Unit", acronym="ISU")
    url = reverse("taskforce:ia-request")
    data = {"state": w.state_b.pk, "preferred_date": (dt.date.today() + dt.timedelta(days=60)).isoformat(),
            "report_for": "intersessional", "place": "Geneva", "challenges": "Clearance in remote areas."}
    return Form("state_b", url, url, data, Meeting.objects.filter(kind="individualised_approach"))


def _meeting(w):
    mechanism = MechanismFactory(slug="ied-task-force", name="IED task force", lead_entity=w.entity)
    url = reverse("taskforce:meeting-record", args=[mechanism.slug])
    data = {"title": "Second Director-level meeting", "level": "directors", "starts_at": "2026-03-02T10:00",
            "ends_at": "2026-03-02T12:30", "time_zone": "America/New_York", "place": "New York",
            "summary": "Terminology.", "agenda": "Terminology", "decisions": "Adopt a glossary"}
    for prefix in ("participants", "actions", "documents"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0",
                     f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"})
    return Form("isu_staff", url, url, data, Meeting.objects.filter(mechanism=mechanism))


def _capability(w):
    url = reverse("taskforce:capability-create")
    data = {"entity": w.entity.pk, "kind": "guidance", "title": "Doctrine notes"}
    return Form("isu_staff", url, url, data, Capability.objects.all())


def _action_item_status(w):
    item = ActionItemFactory(entity=w.entity)
    url = reverse("taskforce:action-item-detail", args=[item.pk])
    return Form("entity_fp", url, url, {"status": "done", "note": "Sent to 30 entities."}, ActionItemUpdate.objects.all())


FORMS = {
    "need": lambda w: _entry(w, "need"),
    "offer": lambda w: _entry(w, "offer"),
    "challenge": _challenge,
    "match proposal": _match,
    "feedback": _feedback,
    "campaign": _campaign,
    "report received (with its file)": _report,
    "contact": _contact,
    "status update": _status_update,
    "individualised-approach request": _individualised_approach,
    "meeting record": _meeting,
    "capability": _capability,
    "action item status": _action_item_status,
}


def _key_from(client, form: Form) -> str:
    page = client.get(form.page)
    assert page.status_code == 200
    found = KEY.search(page.content.decode())
    assert found, "the form does not carry a submission key"
    return found.group(1)


def _post(client, form: Form, key: str, **changes):
    data = {**form.data, **changes, "submission_key": key}
    for value in data.values():
        if hasattr(value, "seek"):
            value.seek(0)  # the same file, sent again
    return client.post(form.action, data)


@pytest.mark.parametrize("name", FORMS)
def test_the_same_form_posted_twice_creates_one_record_and_shows_it(name, world, client_for):
    form = FORMS[name](world)
    client = client_for(form.role)
    key = _key_from(client, form)
    first = _post(client, form, key)
    assert first.status_code == 302, first.content.decode()[:2000]
    second = _post(client, form, key)
    assert form.count() == 1
    assert (second.status_code, second.url) == (302, first.url)
    page = client.get(second.url).content.decode()
    assert "This form was already sent; here is what it recorded. Nothing was added twice." in page


def test_a_form_shown_again_with_errors_keeps_its_key_and_creates_once_corrected(world, client_for):
    form = _entry(world, "need")
    client = client_for("state_a")
    key = _key_from(client, form)
    refused = _post(client, form, key, title="")
    assert refused.status_code == 200 and not Entry.objects.exists()
    assert KEY.search(refused.content.decode()).group(1) == key  # the same submission, corrected
    assert not SubmissionKey.objects.exists()  # a refused submission holds no key
    assert _post(client, form, key).status_code == 302
    assert _post(client, form, key).status_code == 302
    assert Entry.objects.count() == 1


def test_the_same_key_with_changed_fields_is_a_new_submission(world, client_for):
    """After going back and changing the form, the person means another record."""
    form = _entry(world, "need")
    client = client_for("state_a")
    key = _key_from(client, form)
    first = _post(client, form, key)
    other = _post(client, form, key, title="Clearance of the southern border")
    assert other.status_code == 302 and other.url != first.url
    assert sorted(Entry.objects.values_list("title", flat=True)) == [
        "Clearance of the northern border", "Clearance of the southern border",
    ]


def test_each_showing_of_a_form_has_its_own_key(world, client_for):
    form = _entry(world, "need")
    client = client_for("state_a")
    assert _key_from(client, form) != _key_from(client, form)


def test_another_users_key_does_not_replay_their_record(world, client_for, state_b):
    form = _entry(world, "need")
    key = _key_from(client_for("state_a"), form)
    _post(client_for("state_a"), form, key)
    response = _post(client_for("state_b"), form, key)
    assert response.status_code == 302
    assert sorted(Entry.objects.values_list("state__code", flat=True)) == ["MX", "UG"]


@pytest.mark.parametrize("key", ["", "short", "x" * 65, "bad key with spaces!!", "\x00" * 20])
def test_a_missing_or_malformed_key_is_ignored_and_the_form_works(world, client_for, key):
    form = _entry(world, "need")
    assert _post(client_for("state_a"), form, key).status_code == 302
    assert Entry.objects.count() == 1 and not SubmissionKey.objects.exists()


def test_old_keys_are_removed_when_the_user_submits_again(world, client_for, time_machine):
    form = _entry(world, "need")
    client = client_for("state_a")
    time_machine.move_to("2026-11-01")
    _post(client, form, "a" * 32)
    time_machine.move_to("2026-11-05")
    _post(client, form, "b" * 32, title="Another need")
    assert SubmissionKey.objects.count() == 1  # the first, four days old, is gone


# --- the API -----------------------------------------------------------------------------------

API_ENTRY = {"kind": "equipment", "area": "stockpile_destruction", "title": "Destruction furnace",
             "description": "A mobile furnace.", "visibility": "public"}


def _api_need(w):
    return reverse("need-list"), dict(API_ENTRY), Entry.objects.filter(side="need")


def _api_offer(w):
    return reverse("offer-list"), dict(API_ENTRY), Entry.objects.filter(side="offer")


def _api_match(w):
    need = NeedFactory(state=w.state_a, visibility="public")
    offer = OfferFactory(state=w.state_b, visibility="public", target_state=None)
    return reverse("partnership-match-list"), {"need": need.pk, "offer": offer.pk, "note": "Talk soon"}, Match.objects.all()


API_CREATES = {"need": _api_need, "offer": _api_offer, "match": _api_match}


@pytest.mark.parametrize("name", API_CREATES)
def test_an_api_create_retried_with_its_key_creates_once_and_answers_the_same(name, world, client_for):
    url, body, records = API_CREATES[name](world)
    client = client_for("state_a")
    first = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="7c9e6679-7425-40de-944b-e07fc1f90ae7")
    assert first.status_code == 201, first.json()
    again = client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="7c9e6679-7425-40de-944b-e07fc1f90ae7")
    assert (again.status_code, again.json()) == (201, first.json())
    assert again["Idempotent-Replayed"] == "true"
    assert records.count() == 1


@pytest.mark.parametrize("name", API_CREATES)
def test_the_same_key_with_another_body_is_refused_with_422(name, world, client_for):
    url, body, records = API_CREATES[name](world)
    client = client_for("state_a")
    client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="order-1")
    response = client.post(url, {**body, "note" if name == "match" else "title": "Changed"}, format="json",
                           HTTP_IDEMPOTENCY_KEY="order-1")
    assert response.status_code == 422
    assert "already used for a different request" in response.json()["detail"]
    assert records.count() == 1


def test_the_same_key_on_another_endpoint_is_refused(world, client_for):
    client = client_for("state_a")
    client.post(reverse("need-list"), API_ENTRY, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    response = client.post(reverse("offer-list"), API_ENTRY, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert response.status_code == 422
    assert Entry.objects.count() == 1


def test_without_a_key_each_api_post_creates(world, client_for):
    client = client_for("state_a")
    client.post(reverse("need-list"), API_ENTRY, format="json")
    client.post(reverse("need-list"), API_ENTRY, format="json")
    assert Entry.objects.count() == 2


def test_a_refused_create_does_not_hold_the_key(world, client_for):
    client = client_for("state_a")
    refused = client.post(reverse("need-list"), {**API_ENTRY, "title": ""}, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert refused.status_code == 400
    created = client.post(reverse("need-list"), API_ENTRY, format="json", HTTP_IDEMPOTENCY_KEY="k-2")
    assert created.status_code == 201 and Entry.objects.count() == 1


def test_keys_belong_to_one_user(world, client_for):
    client_for("state_a").post(reverse("need-list"), API_ENTRY, format="json", HTTP_IDEMPOTENCY_KEY="shared")
    response = client_for("state_b").post(reverse("need-list"), API_ENTRY, format="json", HTTP_IDEMPOTENCY_KEY="shared")
    assert response.status_code == 201 and response.json()["state"] == "UG"


@pytest.mark.parametrize("key", ["", "has space", "x" * 129, "é"])
def test_a_malformed_key_is_a_400_naming_the_header(world, client_for, key):
    response = client_for("state_a").post(reverse("need-list"), API_ENTRY, format="json", HTTP_IDEMPOTENCY_KEY=key)
    assert response.status_code == 400
    assert "Idempotency-Key" in response.json()["errors"]
    assert not Entry.objects.exists()


def test_the_schema_offers_the_header_on_creates_only(client_for):
    schema = client_for("anonymous").get(reverse("api-schema"), {"format": "json"}).json()
    create = schema["paths"]["/api/v1/platform/needs/"]["post"]
    assert any(p["name"] == "Idempotency-Key" and p["in"] == "header" for p in create["parameters"])
    assert "422" in create["responses"]
    update = schema["paths"]["/api/v1/platform/needs/{id}/"]["patch"]
    assert not any(p["name"] == "Idempotency-Key" for p in update.get("parameters", []))


# --- two requests at the same time (PostgreSQL, as under several gunicorn workers) --------------

@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_clicks_at_the_same_time_create_one_record(world, client_for, monkeypatch):
    """The second request waits on the key the first one holds, then shows the first's record."""
    import threading
    import time

    from django.db import connection

    from partnerships import services

    slow_submit = services.entry_submit

    def submit_slowly(**kwargs):
        time.sleep(0.5)  # the first request still holds its transaction when the second arrives
        return slow_submit(**kwargs)

    monkeypatch.setattr(services, "entry_submit", submit_slowly)
    form = _entry(world, "need")
    clients = [client_for("state_a"), client_for("state_a")]
    key = _key_from(clients[0], form)
    start, responses = threading.Barrier(2), []

    def click(client):
        try:
            start.wait()
            responses.append(_post(client, form, key))
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(client,)) for client in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Entry.objects.count() == 1
    assert [r.status_code for r in responses] == [302, 302]
    assert {r.url for r in responses} == {Entry.objects.get().get_absolute_url()}
