from tests.factories import (
    AddresseeGroupFactory,
    FocalPointFactory,
    OrganisationFactory,
    TreatyFactory,
    TreatyPartyFactory,
)
from tests.permissions.matrix import API_READ, PUBLIC, SIGNED_IN_HTML, STAFF_HTML, Route, expect


def _organisation(world):
    return {"pk": OrganisationFactory(name="African Union", acronym="AU").pk}


def _contact(world):
    return {"pk": FocalPointFactory(state=world.state_a, name="Matrix Contact", email="matrix@example.org").pk}


def _treaty_party(world):
    return {"pk": TreatyPartyFactory(treaty=TreatyFactory(), state=world.state_a, is_demo=True).pk}


ROUTES = [
    Route("home", PUBLIC),
    # The start page: every signed-in role gets its own page; a token has no session, so sign-in.
    Route("start", SIGNED_IN_HTML),
    Route("healthz", PUBLIC),
    Route("readyz", PUBLIC),
    Route("login", expect(PUBLIC, isu_staff=302, state_a=302, state_b=302, entity_fp=302)),
    Route("logout", expect(PUBLIC, anonymous=302, isu_staff=302, state_a=302, state_b=302, entity_fp=302, api_token=302), method="post"),
    Route("two-factor", expect(PUBLIC, anonymous=302, api_token=302)),
    # The directory is public information; focal points inside it are for staff only.
    Route("entities:index", PUBLIC),
    Route("entities:entity-list", PUBLIC),
    Route("entities:entity-detail", PUBLIC, args=lambda w: {"acronym": w.entity.acronym}),
    Route("entities:state-list", PUBLIC),
    Route("entities:state-detail", PUBLIC, args=lambda w: {"code": w.state_a.code.code}),
    # Correcting a State's names and their grammar: staff only; an empty form is refused (400).
    Route("entities:state-names", STAFF_HTML, args=lambda w: {"code": w.state_a.code.code}),
    Route(
        "entities:state-names", expect(STAFF_HTML, isu_staff=400), method="post",
        args=lambda w: {"code": w.state_a.code.code}, data=lambda w: {"name_fr": ""}, label="without names",
    ),
    Route("entities:organisation-list", PUBLIC),
    Route("entities:organisation-detail", PUBLIC, args=_organisation),
    Route("entities:treaty-party-import", STAFF_HTML, label="form"),
    Route(
        "entities:treaty-party-import", expect(STAFF_HTML, isu_staff=400), method="post",
        data=lambda w: {"treaty": "APMBC"}, label="without a file",
    ),
    Route("entities:treaty-party-template", STAFF_HTML),
    Route("entities:history", STAFF_HTML, args=lambda w: {"app_label": "entities", "model": "state", "pk": w.state_a.pk}),
    # API: read-only for every signed-in role and API tokens.
    Route("entity-list", API_READ),
    Route("entity-detail", API_READ, args=lambda w: {"pk": w.entity.pk}),
    Route(
        "entity-list", expect(API_READ, isu_staff=405, state_a=405, state_b=405, entity_fp=405, api_token=403),
        method="post", data=lambda w: {"acronym": "NEW", "name": "New"}, format="json", label="write",
    ),
    Route("state-list", API_READ),
    Route("state-detail", API_READ, args=lambda w: {"code": w.state_a.code.code}),
    Route("organisation-list", API_READ),
    Route("organisation-detail", API_READ, args=_organisation),
    Route("addressee-list", API_READ),
    Route("addressee-detail", API_READ, args=lambda w: {"slug": AddresseeGroupFactory(slug="all-member-states", name="All Member States").slug}),
    Route("treaty-list", API_READ),
    Route("treaty-detail", API_READ, args=lambda w: {"short_name": TreatyFactory().short_name}),
    Route("treaty-party-list", API_READ),
    Route("treaty-party-detail", API_READ, args=_treaty_party),
    # Contacts (focal points): staff pages; the set-password page of an invitation is public.
    Route("entities:contact-list", STAFF_HTML),
    Route("entities:contact-export", STAFF_HTML, args=lambda w: {"fmt": "csv"}),
    Route("entities:contact-template", STAFF_HTML, args=lambda w: {"fmt": "xlsx"}),
    Route("entities:contact-import", STAFF_HTML, label="form"),
    Route("entities:contact-import", expect(STAFF_HTML, isu_staff=400), method="post", label="without a file"),
    Route("entities:contact-import-confirm", expect(STAFF_HTML, isu_staff=302), method="post", data=lambda w: {"token": "x"}),
    Route("entities:contact-worklist", STAFF_HTML),
    Route("entities:state-contacts", STAFF_HTML, args=lambda w: {"code": w.state_a.code.code}),
    Route("entities:state-contact-add", STAFF_HTML, args=lambda w: {"code": w.state_a.code.code}),
    Route("entities:entity-contacts", STAFF_HTML, args=lambda w: {"acronym": w.entity.acronym}),
    Route("entities:entity-contact-add", STAFF_HTML, args=lambda w: {"acronym": w.entity.acronym}),
    Route("entities:contact-detail", STAFF_HTML, args=_contact),
    Route("entities:contact-edit", STAFF_HTML, args=_contact),
    Route("entities:contact-activation", expect(STAFF_HTML, isu_staff=302), method="post", args=_contact, data=lambda w: {"active": "0"}),
    Route("entities:contact-invitation", expect(STAFF_HTML, isu_staff=302), method="post", args=_contact),
    Route("password-set", PUBLIC, args=lambda w: {"uidb64": "MQ", "token": "not-a-token"}),
]
