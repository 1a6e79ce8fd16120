"""Nothing visible through a side door: State A's secretariat-only need, matched by staff with
State B's public offer, reaches B only as "A confidential entry" (no title, no State, no amount,
no link) on every route that shows an entry through another object; staff and A still see it all."""

import pytest
from django.core import mail
from django.urls import reverse

from letters.models import Letter
from partnerships.models import Match
from tests.factories import MatchFactory, NeedFactory, OfferFactory

pytestmark = pytest.mark.django_db

CONFIDENTIAL = "A confidential entry"


@pytest.fixture
def match(staff_client, private_need_a, public_offer_b, state_a_user, state_b_user, django_capture_on_commit_callbacks):
    """Proposed by staff through the page, as in the finding (so both States get the e-mail)."""
    private_need_a.amount, private_need_a.currency = 987654, "USD"
    private_need_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("partnerships:match-propose", args=[private_need_a.pk]), {"other": public_offer_b.pk},
        )
    assert response.status_code == 302
    return Match.objects.get()


def _hides_need_of_a(text: str, need, state_a) -> None:
    assert need.title not in text
    assert state_a.name not in text
    assert "987654" not in text and "987,654" not in text
    assert reverse("partnerships:entry-detail", args=[need.pk]) not in text


@pytest.mark.parametrize("route", ["partnerships:match-list", "start"])
def test_state_b_sees_a_confidential_entry_in_its_lists_of_matches(client_for, match, private_need_a, state_a, route):
    page = client_for("state_b").get(reverse(route)).content.decode()
    _hides_need_of_a(page, private_need_a, state_a)
    assert "Public offer of B" in page


def test_state_b_sees_a_confidential_entry_on_the_match_page(client_for, match, private_need_a, state_a):
    page = client_for("state_b").get(match.get_absolute_url()).content.decode()
    _hides_need_of_a(page, private_need_a, state_a)
    assert CONFIDENTIAL in page and "Public offer of B" in page
    assert "(isu)" not in page  # who proposed it: staff here, but it could name a person of State A


def test_state_b_sees_a_confidential_entry_among_its_offers_matches(client_for, match, private_need_a, public_offer_b, state_a):
    client = client_for("state_b")
    for route in ("partnerships:entry-detail", "partnerships:entry-matches"):
        page = client.get(reverse(route, args=[public_offer_b.pk])).content.decode()
        _hides_need_of_a(page, private_need_a, state_a)
    assert CONFIDENTIAL in client.get(reverse("partnerships:entry-detail", args=[public_offer_b.pk])).content.decode()


def test_state_b_reads_the_match_in_the_api_without_the_need(client_for, match, private_need_a, state_a):
    client = client_for("state_b")
    one = client.get(reverse("partnership-match-detail", args=[match.pk]))
    assert one.status_code == 200
    assert one.json() | {"need": None, "need_title": CONFIDENTIAL, "need_state": None} == one.json()
    assert one.json()["offer_state"] == "UG"
    listing = client.get(reverse("partnership-match-list")).content.decode()
    _hides_need_of_a(one.content.decode() + listing, private_need_a, state_a)
    assert f'"need":{private_need_a.pk}' not in listing.replace(" ", "")


def test_state_b_deciding_through_the_api_is_answered_without_the_need(client_for, match, private_need_a, state_a):
    answer = client_for("state_b").post(reverse("partnership-match-decide", args=[match.pk]), {"decision": "accept"}, format="json")
    assert answer.status_code == 200 and answer.json()["status"] == "accepted"
    _hides_need_of_a(answer.content.decode(), private_need_a, state_a)
    assert answer.json()["need"] is None


def test_state_b_email_names_a_confidential_entry_while_a_gets_its_own_title(match, private_need_a, state_a):
    to_b = next(m for m in mail.outbox if m.to == ["focal-b@example.org"])
    _hides_need_of_a(to_b.subject + to_b.body, private_need_a, state_a)
    assert CONFIDENTIAL in to_b.subject and CONFIDENTIAL in to_b.body and "Public offer of B" in to_b.body
    to_a = next(m for m in mail.outbox if m.to == ["focal-a@example.org"])
    assert private_need_a.title in to_a.subject and private_need_a.title in to_a.body


def test_the_record_of_letters_to_state_b_holds_nothing_of_the_need(match, private_need_a, state_a, state_b):
    letters = Letter.objects.filter(purpose="partnerships-match", state=state_b)
    assert letters.exists()
    for letter in letters:
        _hides_need_of_a(letter.subject + letter.body, private_need_a, state_a)


def test_state_b_search_export_and_counts_leave_the_need_out(client_for, match, private_need_a, state_a):
    client = client_for("state_b")
    search = client.get(reverse("partnerships:index"), {"q": "Confidential clearance"}).content.decode()
    export = b"".join(client.get(reverse("partnerships:export-csv")).streaming_content).decode()
    api = client.get(reverse("need-list"), {"q": "Confidential clearance"}).json()
    assert private_need_a.title not in search + export
    assert api["count"] == 0
    needs_shown = client.get(reverse("need-list")).json()["count"]
    assert needs_shown == 0  # A's only need is its confidential one


@pytest.mark.parametrize("role", ["isu_staff", "state_a"])
def test_staff_and_state_a_still_see_everything(client_for, match, private_need_a, state_a, role):
    client = client_for(role)
    page = client.get(match.get_absolute_url()).content.decode()
    assert private_need_a.title in page and state_a.name in page and CONFIDENTIAL not in page
    api = client.get(reverse("partnership-match-detail", args=[match.pk])).json()
    assert api["need"] == private_need_a.pk and api["need_title"] == private_need_a.title and api["need_state"] == "MX"
    listing = client.get(reverse("partnerships:match-list")).content.decode()
    assert private_need_a.title in listing


def test_states_parties_only_entry_is_confidential_to_a_state_that_is_not_a_party(client_for, parties, state_a):
    from entities.models import TreatyParty
    from partnerships.choices import Visibility

    need = NeedFactory(state=state_a, visibility=Visibility.PARTIES, title="Need of A for States Parties")
    offer = OfferFactory(state=parties[1], title="Offer of B")
    match = MatchFactory(need=need, offer=offer)
    client = client_for("state_b")
    assert need.title in client.get(match.get_absolute_url()).content.decode()
    TreatyParty.objects.filter(state=parties[1]).delete()
    assert need.title not in client.get(match.get_absolute_url()).content.decode()


def test_state_b_match_list_query_count_does_not_grow_with_confidential_rows(
    client_for, parties, state_a, state_b, django_assert_max_num_queries,
):
    from partnerships.choices import Visibility

    def grow(n):
        for _ in range(n):
            MatchFactory(need=NeedFactory(state=state_a, visibility=Visibility.SECRETARIAT), offer=OfferFactory(state=state_b))

    client = client_for("state_b")
    grow(1)
    with django_assert_max_num_queries(25) as small:
        assert client.get(reverse("partnerships:match-list")).status_code == 200
    grow(10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("partnerships:match-list"))
    assert page.content.decode().count(CONFIDENTIAL) == 11
