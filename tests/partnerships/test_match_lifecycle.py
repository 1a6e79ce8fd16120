"""A match is proposed, accepted or declined, completed; both focal points get an e-mail."""

import pytest
from django.core import mail
from django.urls import reverse

from partnerships.models import Match
from tests.factories import NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(parties, state_a, state_b, state_a_user, state_b_user):
    return NeedFactory(state=state_a, title="Need <b>of A</b>"), OfferFactory(state=state_b, title="Offer of B")


def test_staff_proposes_a_match_and_both_focal_points_get_an_email(staff_client, pair, django_capture_on_commit_callbacks):
    need, offer = pair
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk, "note": "Talk <soon>"})
    match = Match.objects.get()
    assert response.status_code == 302 and response.url == match.get_absolute_url()
    assert sorted(m.to[0] for m in mail.outbox) == ["focal-a@example.org", "focal-b@example.org"]
    need.refresh_from_db()
    assert need.status == "in_discussion"
    match.refresh_from_db()
    assert match.notified_at is not None


def test_match_email_is_plain_text_with_a_one_line_subject(staff_client, pair, django_capture_on_commit_callbacks):
    need, offer = pair
    need.title = "Need of A\nBcc: someone@example.org"
    need.save()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk, "note": "<script>x</script>"})
    to_a = next(m for m in mail.outbox if m.to == ["focal-a@example.org"])
    assert "<script>x</script>" in to_a.body  # plain text: shown as typed, never interpreted
    assert "\n" not in to_a.subject and not to_a.bcc
    assert to_a.message()["Bcc"] is None


def test_every_message_is_an_outbox_row(staff_client, pair):
    from letters.models import Letter

    need, offer = pair
    staff_client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk})
    assert Letter.objects.filter(purpose="partnerships-match").count() == 2


def test_notification_is_sent_once_even_if_queued_twice(staff_client, pair, django_capture_on_commit_callbacks):
    from partnerships.services.notify import match_proposed_notify

    need, offer = pair
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk})
    with django_capture_on_commit_callbacks(execute=True):
        match_proposed_notify(match=Match.objects.get())
    assert len(mail.outbox) == 2


def test_offering_state_proposes_and_the_state_in_need_accepts_then_completes(client_for, pair):
    need, offer = pair
    client_for("state_b").post(reverse("partnerships:match-propose", args=[offer.pk]), {"other": need.pk})
    match = Match.objects.get()
    client_a = client_for("state_a")
    client_a.post(reverse("partnerships:match-decide", args=[match.pk, "accept"]))
    match.refresh_from_db()
    need.refresh_from_db()
    assert match.status == "accepted" and need.status == "matched"
    client_a.post(reverse("partnerships:match-decide", args=[match.pk, "complete"]))
    need.refresh_from_db()
    assert need.status == "fulfilled"
    assert [h.status for h in match.history.order_by("history_date")] == ["proposed", "accepted", "completed"]


def test_declined_match_reopens_both_entries(client_for, pair):
    need, offer = pair
    client_for("isu_staff").post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk})
    match = Match.objects.get()
    client_for("state_b").post(reverse("partnerships:match-decide", args=[match.pk, "decline"]))
    need.refresh_from_db()
    offer.refresh_from_db()
    assert need.status == offer.status == "open"


def test_completed_match_cannot_be_accepted_again(client_for, pair):
    need, offer = pair
    client = client_for("isu_staff")
    client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk})
    match = Match.objects.get()
    client.post(reverse("partnerships:match-decide", args=[match.pk, "decline"]))
    response = client.post(reverse("partnerships:match-decide", args=[match.pk, "accept"]), follow=True)
    assert "cannot be" in response.content.decode()
    match.refresh_from_db()
    assert match.status == "declined"


def test_the_same_pair_cannot_be_proposed_twice(client_for, pair):
    need, offer = pair
    client = client_for("isu_staff")
    client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk})
    response = client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk}, follow=True)
    assert "already been matched" in response.content.decode()
    assert Match.objects.count() == 1


def test_api_focal_point_proposes_with_its_token(client_for, pair):
    need, offer = pair
    response = client_for("state_a").post(reverse("partnership-match-list"), {"need": need.pk, "offer": offer.pk}, format="json")
    assert response.status_code == 201
    assert response.json()["status"] == "proposed"
