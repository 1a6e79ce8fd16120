"""A focal point submits, edits, confirms and withdraws its State's entries in short forms."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Entry
from tests.factories import NeedFactory

pytestmark = pytest.mark.django_db

VALID = {
    "kind": "financial", "area": "mine_clearance", "title": "Clearance of the northern border",
    "description": "Survey and clearance of 12 suspected hazardous areas.", "amount": "250000", "currency": "USD",
    "period_start": "2027-01-01", "period_end": "2027-12-31", "geographic_focus": "Northern provinces",
    "visibility": "public",
}


def test_focal_point_submits_a_need_and_it_appears_on_the_public_page(client_for, parties, state_a):
    response = client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), VALID)
    entry = Entry.objects.get()
    assert response.status_code == 302 and response.url == entry.get_absolute_url()
    assert entry.state == state_a and entry.side == "need" and entry.submitted_by.username == "focal-a"
    assert "Clearance of the northern border" in client_for("anonymous").get(reverse("partnerships:index")).content.decode()


def test_state_that_is_not_a_party_cannot_submit(client_for, state_a):
    response = client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), VALID)
    assert response.status_code == 403
    assert not Entry.objects.exists()


def test_posting_another_state_in_the_form_is_ignored(client_for, parties, state_a, state_b):
    client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), {**VALID, "state": state_b.pk})
    assert Entry.objects.get().state == state_a


@pytest.mark.parametrize("field,value,message", [
    ("amount", "-5", "greater than or equal to 0"),
    ("amount", "lots", "Enter a number"),
    ("currency", "XYZ", "Select a valid choice"),
    ("period_end", "2026-01-01", "cannot end before it starts"),
    ("title", "x" * 201, "at most 200 characters"),
    ("description", "x" * 4001, "at most 4000 characters"),
])
def test_bad_input_is_refused_with_a_clear_message_and_nothing_saved(client_for, parties, field, value, message):
    response = client_for("state_a").post(reverse("partnerships:entry-create", args=["need"]), {**VALID, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Entry.objects.exists()


def test_text_typed_by_a_state_is_escaped_on_pages(client_for, parties, state_a):
    NeedFactory(state=state_a, title="<script>alert(1)</script>", description="<b>bold</b>")
    body = client_for("anonymous").get(reverse("partnerships:index")).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_focal_point_edits_its_need_and_the_edit_confirms_it(client_for, parties, state_a):
    need = NeedFactory(state=state_a, confirmed_at=timezone.now() - dt.timedelta(days=400))
    assert need.is_stale
    data = {**VALID, "title": "Updated title", "status": "open", "version": need.version}
    response = client_for("state_a").post(reverse("partnerships:entry-edit", args=[need.pk]), data)
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.title == "Updated title" and not need.is_stale and need.version == 2
    assert need.history.count() == 2


def test_stale_form_is_refused_and_nothing_is_overwritten(client_for, parties, state_a):
    need = NeedFactory(state=state_a, title="Original")
    client = client_for("state_a")
    opened_version = need.version
    client.post(reverse("partnerships:entry-edit", args=[need.pk]), {**VALID, "title": "First edit", "status": "open", "version": opened_version})
    response = client.post(reverse("partnerships:entry-edit", args=[need.pk]), {**VALID, "title": "Second edit", "status": "open", "version": opened_version})
    assert response.status_code == 200
    assert "changed this entry while you were editing it" in response.content.decode()
    need.refresh_from_db()
    assert need.title == "First edit"


def test_focal_point_confirms_a_stale_need(client_for, parties, state_a):
    need = NeedFactory(state=state_a, confirmed_at=timezone.now() - dt.timedelta(days=400))
    client_for("state_a").post(reverse("partnerships:entry-confirm", args=[need.pk]))
    need.refresh_from_db()
    assert not need.is_stale


def test_withdrawn_need_stays_in_the_record_with_its_history(client_for, parties, state_a):
    need = NeedFactory(state=state_a)
    client = client_for("state_a")
    assert client.get(reverse("partnerships:entry-withdraw", args=[need.pk])).status_code == 200
    client.post(reverse("partnerships:entry-withdraw", args=[need.pk]))
    need.refresh_from_db()
    assert need.status == "withdrawn"
    assert list(need.history.values_list("status", flat=True)) == ["withdrawn", "open"]
    assert need.title not in client_for("anonymous").get(reverse("partnerships:index")).content.decode()
    assert need.title in client_for("anonymous").get(reverse("partnerships:index"), {"status": "withdrawn"}).content.decode()


def test_my_entries_page_lists_own_states_entries_including_private_ones(client_for, private_need_a, public_offer_b):
    body = client_for("state_a").get(reverse("partnerships:mine")).content.decode()
    assert private_need_a.title in body
    assert public_offer_b.title not in body


def test_forms_are_translated_for_a_spanish_speaking_focal_point(client_for, parties):
    response = client_for("state_a").get(reverse("partnerships:entry-create", args=["need"]), HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "es"
