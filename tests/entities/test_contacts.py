"""Staff keep contacts (focal points) in the product's own pages: per State, per UN entity and
overall; add, edit, deactivate and reactivate; invite to sign in; letters go only to the
active contacts that receive letters and have an e-mail address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from entities.access import actor_for
from entities.models import FocalPoint, Role, UserRole
from letters.models import Letter
from letters.selectors import address_problems
from letters.services.scheduling import state_addresses
from partnerships.selectors.messages import focal_points_of
from tests.factories import FocalPointFactory, StateFactory, TreatyPartyFactory

pytestmark = pytest.mark.django_db


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.fixture
def ana(state_a):
    return FocalPointFactory(state=state_a, name="Ana Pérez", email="ana@sre.example.mx", language="es", title="Counsellor")


# --- pages -------------------------------------------------------------------------------------

def test_staff_add_a_contact_from_the_states_contacts_page(staff_client):
    netherlands = StateFactory(code="NL")
    page = staff_client.get(reverse("entities:state-contacts", args=["NL"]))
    assert "No usable address" in text(page)
    response = staff_client.post(reverse("entities:state-contact-add", args=["NL"]), {
        "name": "Carla Ruiz", "title": "First Secretary", "email": "carla@minbuza.example.nl", "phone": "+31 70 1234",
        "language": "fr", "receives_letters": "on", "is_active": "on",
    })
    assert response.status_code == 302 and response.url == reverse("entities:state-contacts", args=["NL"])
    page = text(staff_client.get(response.url))
    assert "Carla Ruiz" in page and "Letters go to: Carla Ruiz (carla@minbuza.example.nl)" in page
    contact = FocalPoint.objects.get(name="Carla Ruiz")
    assert (contact.state, contact.language, contact.receives_letters) == (netherlands, "fr", True)


def test_staff_add_a_contact_to_a_un_entity(staff_client, entity):
    response = staff_client.post(reverse("entities:entity-contact-add", args=[entity.acronym]), {
        "name": "Una Mas", "email": "una@example.org", "language": "fr", "is_active": "on",
    })
    assert response.status_code == 302
    contact = FocalPoint.objects.get(name="Una Mas")
    assert contact.entity == entity and contact.state is None and contact.receives_letters is False


def test_an_invalid_contact_is_refused_with_the_field_named_and_nothing_saved(staff_client, state_a, ana):
    response = staff_client.post(reverse("entities:state-contact-add", args=["MX"]), {
        "name": "", "email": "not an address", "language": "de",
    })
    assert response.status_code == 400
    page = text(response)
    assert 'id="id_name_error"' in page and 'id="id_email_error"' in page and 'id="id_language_error"' in page
    response = staff_client.post(reverse("entities:state-contact-add", args=["MX"]), {
        "name": "  ana   PÉREZ ", "email": "other@example.mx", "language": "es", "is_active": "on",
    })
    assert response.status_code == 400
    assert 'id="id_name_error"' in text(response) and "already that of the contact “Ana Pérez” of Mexico" in text(response)
    response = staff_client.post(reverse("entities:state-contact-add", args=["MX"]), {
        "name": "Someone Else", "email": "ANA@sre.example.mx", "language": "es", "is_active": "on",
    })
    assert response.status_code == 400 and 'id="id_email_error"' in text(response)
    assert FocalPoint.objects.filter(user__isnull=True).count() == 1  # only Ana: the role fixtures have logins


def test_user_input_is_escaped_when_shown_back(staff_client, state_a):
    response = staff_client.post(reverse("entities:state-contact-add", args=["MX"]), {
        "name": "<script>alert(1)</script>", "email": "bad<b>@", "language": "en",
    })
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_staff_edit_a_contact(staff_client, ana):
    response = staff_client.post(reverse("entities:contact-edit", args=[ana.pk]), {
        "name": "Ana Pérez", "title": "Minister", "email": "ana@sre.example.mx", "language": "en", "is_active": "on",
    })
    assert response.status_code == 302
    ana.refresh_from_db()
    assert (ana.title, ana.language, ana.receives_letters) == ("Minister", "en", False)
    assert ana.history.count() == 2


def test_deactivating_a_contact_closes_its_sign_in_and_keeps_its_record(staff_client, state_a_user):
    contact = FocalPoint.objects.get(user=state_a_user)
    response = staff_client.post(reverse("entities:contact-activation", args=[contact.pk]), {"active": "0"})
    assert response.status_code == 302
    contact.refresh_from_db()
    state_a_user.refresh_from_db()
    assert not contact.is_active and not state_a_user.is_active
    page = text(staff_client.get(reverse("entities:contact-detail", args=[contact.pk])))
    assert "Deactivated" in page and "Reactivate" in page
    staff_client.post(reverse("entities:contact-activation", args=[contact.pk]), {"active": "1"})
    contact.refresh_from_db()
    state_a_user.refresh_from_db()
    assert contact.is_active and state_a_user.is_active
    assert contact.history.count() == 3  # created, deactivated, reactivated: never deleted


def test_contact_list_searches_and_filters(staff_client, ana, state_a_user, entity_user, state_b):
    FocalPointFactory(state=state_b, name="Retired Person", email="old@example.ug", is_active=False)
    FocalPointFactory(state=state_b, name="Copy Only", email="copy@example.ug", receives_letters=False)
    url = reverse("entities:contact-list")

    def names(**params):
        page = text(staff_client.get(url, params))
        return {name for name in ("Ana Pérez", "Ana Focal", "Ben Focal", "Eve Entity", "Retired Person", "Copy Only") if name in page}

    assert names(q="pérez") == {"Ana Pérez"}
    assert names(state="MX") == {"Ana Pérez", "Ana Focal"}
    assert names(entity="UNMAS") == {"Eve Entity"}
    assert names(active="false") == {"Retired Person"}
    assert names(receives_letters="false") == {"Copy Only"}
    assert names(has_login="true") == {"Ana Focal", "Ben Focal", "Eve Entity"}
    response = staff_client.get(url, {"active": "maybe", "state": "ZZ"})
    assert response.status_code == 200 and "Enter true or false." in text(response)


@pytest.mark.parametrize("route,args", [
    ("entities:contact-list", []),
    ("entities:state-contacts", ["MX"]),
    ("entities:contact-worklist", []),
])
def test_contact_pages_query_count_does_not_grow_with_rows(staff_client, state_a, route, args, django_assert_max_num_queries):
    from tests.factories import LetterFactory

    def grow(n):
        for _ in range(n):
            contact = FocalPointFactory(state=state_a, email="")
            TreatyPartyFactory(state=FocalPointFactory(email="bad@").state)
            LetterFactory(state=contact.state, status="no_recipient")

    grow(1)
    with django_assert_max_num_queries(20) as small:
        assert staff_client.get(reverse(route, args=args)).status_code == 200
    grow(8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert staff_client.get(reverse(route, args=args)).status_code == 200


def test_state_and_entity_pages_link_staff_to_the_contacts(staff_client, client_for, state_a, entity):
    assert reverse("entities:state-contacts", args=["MX"]) in text(staff_client.get(reverse("entities:state-detail", args=["MX"])))
    assert reverse("entities:entity-contacts", args=["UNMAS"]) in text(staff_client.get(reverse("entities:entity-detail", args=["UNMAS"])))
    assert reverse("entities:state-contacts", args=["MX"]) not in text(client_for("state_a").get(reverse("entities:state-detail", args=["MX"])))


# --- invitation to sign in ---------------------------------------------------------------------

def test_invited_contact_gets_a_login_and_an_email_in_its_language_and_sets_a_password(
    staff_client, client, ana, state_a, django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(reverse("entities:contact-invitation", args=[ana.pk]))
    assert response.status_code == 302
    ana.refresh_from_db()
    user = ana.user
    assert user.username == "ana@sre.example.mx" and not user.has_usable_password()
    assert UserRole.objects.get(user=user).kind == Role.STATE_FOCAL_POINT
    assert "Login “ana@sre.example.mx” created for Ana Pérez" in text(staff_client.get(response.url))

    [message] = mail.outbox
    assert message.to == ["ana@sre.example.mx"]
    assert "Ana Pérez" in message.body and "México" in message.body  # rendered in the contact's language
    assert Letter.objects.get(purpose="contact-invitation").language == "es"
    link = re.search(r"https?://\S+/accounts/set-password/\S+/", message.body).group(0)
    page = client.get(link, follow=True)
    assert "ana@sre.example.mx" in text(page)
    password = "a long and unusual pass phrase 42"
    done = client.post(page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}, follow=True)
    assert "Your password is set" in text(done)
    user.refresh_from_db()
    assert user.check_password(password)
    assert actor_for(get_user_model().objects.get(pk=user.pk)).state_id == state_a.pk
    assert "cannot be used" in text(client.get(link, follow=True))  # a one-time link


def test_reinviting_sends_a_new_link_to_the_same_login(staff_client, ana, django_capture_on_commit_callbacks):
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            staff_client.post(reverse("entities:contact-invitation", args=[ana.pk]))
    assert get_user_model().objects.filter(email="ana@sre.example.mx").count() == 1
    assert len(mail.outbox) == 2
    page = text(staff_client.get(reverse("entities:contact-detail", args=[ana.pk])))
    assert "ana@sre.example.mx" in page and "Send a new sign-in link" in page
    assert "Not yet: the password has not been chosen." in page


def test_a_contact_without_email_cannot_be_invited(staff_client, state_a):
    contact = FocalPointFactory(state=state_a, name="No Mail", email="")
    page = text(staff_client.get(reverse("entities:contact-detail", args=[contact.pk])))
    assert "Add an e-mail address to invite this contact to sign in." in page
    response = staff_client.post(reverse("entities:contact-invitation", args=[contact.pk]), follow=True)
    assert "has no e-mail address" in text(response)
    contact.refresh_from_db()
    assert contact.user is None and not mail.outbox


def test_an_entity_contact_is_invited_as_an_entity_focal_point(staff_client, entity, django_capture_on_commit_callbacks):
    contact = FocalPointFactory(state=None, entity=entity, name="Una", email="una@example.org", language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("entities:contact-invitation", args=[contact.pk]))
    contact.refresh_from_db()
    assert contact.user.role.kind == Role.ENTITY_FOCAL_POINT
    assert actor_for(get_user_model().objects.get(pk=contact.user_id)).entity_id == entity.pk
    assert mail.outbox[0].subject and "Una" in mail.outbox[0].body


# --- who letters go to -------------------------------------------------------------------------

def test_letters_go_only_to_active_contacts_receiving_letters_with_an_email(state_a):
    FocalPointFactory(state=state_a, name="Gets letters", email="yes@example.mx", language="es")
    FocalPointFactory(state=state_a, name="Copy only", email="no@example.mx", receives_letters=False)
    FocalPointFactory(state=state_a, name="Retired", email="old@example.mx", is_active=False)
    FocalPointFactory(state=state_a, name="Phone only", email="")
    assert state_addresses(state_a.pk) == (["yes@example.mx"], "es")
    assert [fp.name for fp in focal_points_of([state_a.pk])] == ["Gets letters"]


def test_a_state_whose_only_contact_does_not_receive_letters_has_an_address_problem(state_a):
    TreatyPartyFactory(state=state_a)
    FocalPointFactory(state=state_a, email="copy@example.mx", receives_letters=False)
    assert [(p.state, p.problem) for p in address_problems()] == [(state_a, "none")]


def test_proposing_a_match_says_what_was_really_sent(staff_client, state_a):
    from partnerships.models import Match
    from tests.factories import NeedFactory, OfferFactory, TreatyFactory

    colombia = StateFactory(code="CO")
    FocalPointFactory(state=colombia, email="copy@example.co", receives_letters=False)
    for state in (state_a, colombia):
        TreatyPartyFactory(treaty=TreatyFactory(), state=state)
    need, offer = NeedFactory(state=state_a), OfferFactory(state=colombia)
    response = staff_client.post(reverse("partnerships:match-propose", args=[need.pk]), {"other": offer.pk}, follow=True)
    page = text(response)
    assert "E-mail queued to 1 focal point of Mexico." in page
    assert "No address on file for Colombia: nothing sent." in page
    assert "told by e-mail" not in page
    detail = text(staff_client.get(Match.objects.get().get_absolute_url()))
    assert "No address on file for Colombia: nothing sent." in detail


def test_deactivating_a_staff_members_contact_record_keeps_their_sign_in(staff_client, isu_staff, entity):
    contact = FocalPointFactory(state=None, entity=entity, user=isu_staff, name="Staff Member")
    staff_client.post(reverse("entities:contact-activation", args=[contact.pk]), {"active": "0"})
    isu_staff.refresh_from_db()
    assert isu_staff.is_active


def test_an_entity_whose_acronym_holds_a_slash_has_its_contacts_pages(staff_client):
    from tests.factories import EntityFactory

    EntityFactory(acronym="OSRSG/CAAC")
    assert staff_client.get(reverse("entities:entity-contacts", args=["OSRSG/CAAC"])).status_code == 200
    response = staff_client.post(reverse("entities:entity-contact-add", args=["OSRSG/CAAC"]), {
        "name": "Children Office", "email": "caac@example.org", "language": "en", "is_active": "on",
    })
    assert response.status_code == 302 and FocalPoint.objects.get(name="Children Office").entity.acronym == "OSRSG/CAAC"
