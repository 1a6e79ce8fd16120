"""Permission-matrix rows for every Platform for Partnerships route (pages and API).

State A (Mexico) and State B (Uganda) are made States Parties to the APMBC by the helpers
below; "private" entries are "secretariat only" entries of State A.
"""

from tests.permissions.matrix import API_READ, PUBLIC, SIGNED_IN_HTML, STAFF_HTML, Route, expect

HTML_WRITE = {"anonymous": 302, "api_token": 302}
API_WRITE = {"anonymous": 401, "api_token": 403}


def _parties(world):
    from tests.factories import TreatyPartyFactory
    from tests.factories.entities import TreatyFactory

    treaty = TreatyFactory()
    for state in (world.state_a, world.state_b):
        TreatyPartyFactory(treaty=treaty, state=state)


def _need(world, visibility="public"):
    from tests.factories import NeedFactory

    _parties(world)
    return NeedFactory(state=world.state_a, visibility=visibility)


def _offer(world, visibility="public"):
    from tests.factories import OfferFactory

    _parties(world)
    return OfferFactory(state=world.state_b, visibility=visibility)


def _match(world):
    from tests.factories import MatchFactory, NeedFactory, OfferFactory

    _parties(world)
    return MatchFactory(need=NeedFactory(state=world.state_a), offer=OfferFactory(state=world.state_b))


def _challenge(world, consent=False):
    from tests.factories import ChallengeFactory

    _parties(world)
    return ChallengeFactory(state=world.state_a, consent_to_share=consent)


def _project(world):
    from partnerships.models import Project

    return Project.objects.create(title="Project", owner_entity=world.entity)


def _pledge(world):
    from partnerships.models import Pledge

    pledge = Pledge.objects.create(project=_project(world), donor_description="Indicative pledges", amount=1000, currency="USD")
    return {"pk": pledge.project_id, "pledge_pk": pledge.pk}


def _budget_data():
    return {"lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-label": "Personnel", "lines-0-amount": "1000"}


def _propose_data(world):
    from tests.factories import NeedFactory, OfferFactory

    _parties(world)
    need, offer = NeedFactory(state=world.state_a), OfferFactory(state=world.state_b)
    world.proposal = (need, offer)
    return {"need": need.pk, "offer": offer.pk}


def _propose_args(world):
    from tests.factories import NeedFactory, OfferFactory

    _parties(world)
    need, offer = NeedFactory(state=world.state_a), OfferFactory(state=world.state_b)
    world.other_offer = offer
    return {"pk": need.pk}


NEW_NEED = {"kind": "expertise", "area": "victim_assistance", "title": "Prosthetics training", "description": "Two trainers for six months.", "visibility": "public"}

ROUTES = [
    # Pages
    Route("partnerships:index", PUBLIC),
    Route("partnerships:export-csv", PUBLIC),
    Route("partnerships:entry-detail", PUBLIC, args=lambda w: {"pk": _need(w).pk}, label="public need"),
    Route("partnerships:entry-detail", expect(PUBLIC, anonymous=404, state_b=404, entity_fp=404, api_token=404),
          args=lambda w: {"pk": _need(w, "secretariat").pk}, label="private need of A"),
    Route("partnerships:entry-detail", expect(PUBLIC, anonymous=404, entity_fp=404, api_token=404),
          args=lambda w: {"pk": _need(w, "parties").pk}, label="need for States Parties"),
    Route("partnerships:mine", expect(SIGNED_IN_HTML, isu_staff=302, entity_fp=403)),
    Route("partnerships:entry-create", expect(SIGNED_IN_HTML, entity_fp=403), args=lambda w: _parties(w) or {"side": "need"}),
    Route("partnerships:entry-create", expect(SIGNED_IN_HTML, state_a=302, state_b=302, entity_fp=403), method="post",
          args=lambda w: _parties(w) or {"side": "need"}, data=lambda w: NEW_NEED, label="submit"),
    Route("partnerships:entry-edit", expect(SIGNED_IN_HTML, state_b=403, entity_fp=403), args=lambda w: {"pk": _need(w).pk}),
    Route("partnerships:entry-edit", expect(SIGNED_IN_HTML, state_b=404, entity_fp=404),
          args=lambda w: {"pk": _need(w, "secretariat").pk}, label="private need of A"),
    Route("partnerships:entry-confirm", expect(HTML_WRITE, isu_staff=302, state_a=302, state_b=403, entity_fp=403),
          method="post", args=lambda w: {"pk": _need(w).pk}),
    Route("partnerships:entry-withdraw", expect(SIGNED_IN_HTML, state_b=403, entity_fp=403), args=lambda w: {"pk": _need(w).pk}),
    Route("partnerships:entry-withdraw", expect(HTML_WRITE, isu_staff=302, state_a=302, state_b=404, entity_fp=404),
          method="post", args=lambda w: {"pk": _need(w, "secretariat").pk}, label="private need of A"),
    Route("partnerships:entry-matches", SIGNED_IN_HTML, args=lambda w: {"pk": _need(w).pk}),
    Route("partnerships:match-propose", expect(HTML_WRITE, isu_staff=302, state_a=302, state_b=302, entity_fp=403),
          method="post", args=_propose_args, data=lambda w: {"other": w.other_offer.pk}),
    Route("partnerships:match-list", SIGNED_IN_HTML),
    Route("partnerships:match-detail", expect(SIGNED_IN_HTML, entity_fp=404), args=lambda w: {"pk": _match(w).pk}),
    Route("partnerships:match-decide", expect(HTML_WRITE, isu_staff=302, state_a=302, state_b=302, entity_fp=404),
          method="post", args=lambda w: {"pk": _match(w).pk, "decision": "accept"}),
    Route("partnerships:challenge-list", PUBLIC),
    Route("partnerships:challenge-create", expect(SIGNED_IN_HTML, entity_fp=403), args=lambda w: _parties(w) or {}),
    Route("partnerships:challenge-edit", expect(SIGNED_IN_HTML, state_b=404, entity_fp=404), args=lambda w: {"pk": _challenge(w).pk}),
    Route("partnerships:project-list", PUBLIC),
    Route("partnerships:project-detail", PUBLIC, args=lambda w: {"pk": _project(w).pk}),
    Route("partnerships:project-budget", STAFF_HTML, args=lambda w: {"pk": _project(w).pk}),
    Route("partnerships:project-budget", expect(STAFF_HTML, isu_staff=302), method="post", args=lambda w: {"pk": _project(w).pk},
          data=lambda w: _budget_data(), label="save"),
    Route("partnerships:pledge-add", STAFF_HTML, args=lambda w: {"pk": _project(w).pk}),
    Route("partnerships:pledge-edit", STAFF_HTML, args=_pledge),
    Route("partnerships:pledge-edit", expect(STAFF_HTML, isu_staff=302), method="post", args=_pledge,
          data=lambda w: {"remove": "1"}, label="remove"),
    Route("partnerships:dashboard", STAFF_HTML),
    Route("partnerships:feedback", expect(SIGNED_IN_HTML, entity_fp=403)),
    Route("partnerships:feedback-list", STAFF_HTML),
    # API: needs and offers
    Route("need-list", PUBLIC),
    Route("need-list", expect(API_WRITE, isu_staff=201, state_a=201, state_b=400, entity_fp=403), method="post", format="json",
          args=lambda w: _parties(w) or {}, data=lambda w: {**NEW_NEED, "state": "MX"}, label="for State A"),
    Route("need-detail", PUBLIC, args=lambda w: {"pk": _need(w).pk}),
    Route("need-detail", expect(PUBLIC, anonymous=404, state_b=404, entity_fp=404, api_token=404),
          args=lambda w: {"pk": _need(w, "secretariat").pk}, label="private need of A"),
    Route("need-detail", expect(API_WRITE, isu_staff=200, state_a=200, state_b=403, entity_fp=403), method="patch", format="json",
          args=lambda w: {"pk": _need(w).pk}, data=lambda w: {"title": "Updated title", "version": 1}),
    Route("need-detail", expect(API_WRITE, isu_staff=200, state_a=200, state_b=403, entity_fp=403), method="put", format="json",
          args=lambda w: {"pk": _need(w).pk}, data=lambda w: {**NEW_NEED, "version": 1}, label="put"),
    Route("need-confirm", expect(API_WRITE, isu_staff=200, state_a=200, state_b=403, entity_fp=403), method="post",
          args=lambda w: {"pk": _need(w).pk}),
    Route("need-withdraw", expect(API_WRITE, isu_staff=200, state_a=200, state_b=404, entity_fp=404), method="post",
          args=lambda w: {"pk": _need(w, "secretariat").pk}),
    Route("need-matches", PUBLIC, args=lambda w: {"pk": _need(w).pk}),
    Route("offer-list", PUBLIC),
    Route("offer-list", expect(API_WRITE, isu_staff=201, state_a=400, state_b=201, entity_fp=403), method="post", format="json",
          args=lambda w: _parties(w) or {}, data=lambda w: {**NEW_NEED, "state": "UG"}, label="for State B"),
    Route("offer-detail", PUBLIC, args=lambda w: {"pk": _offer(w).pk}),
    Route("offer-detail", expect(API_WRITE, isu_staff=200, state_a=403, state_b=200, entity_fp=403), method="patch", format="json",
          args=lambda w: {"pk": _offer(w).pk}, data=lambda w: {"amount": "1000.00", "currency": "EUR", "version": 1}),
    Route("offer-confirm", expect(API_WRITE, isu_staff=200, state_a=403, state_b=200, entity_fp=403), method="post",
          args=lambda w: {"pk": _offer(w).pk}),
    Route("offer-withdraw", expect(API_WRITE, isu_staff=200, state_a=403, state_b=200, entity_fp=403), method="post",
          args=lambda w: {"pk": _offer(w).pk}),
    Route("offer-matches", PUBLIC, args=lambda w: {"pk": _offer(w).pk}),
    # API: matches and challenges
    Route("partnership-match-list", API_READ),
    Route("partnership-match-list", expect(API_WRITE, isu_staff=201, state_a=201, state_b=201, entity_fp=403), method="post",
          format="json", data=_propose_data, label="propose"),
    Route("partnership-match-detail", expect(API_READ, entity_fp=404, api_token=404), args=lambda w: {"pk": _match(w).pk}),
    Route("partnership-match-decide", expect(API_WRITE, isu_staff=200, state_a=200, state_b=200, entity_fp=404), method="post",
          format="json", args=lambda w: {"pk": _match(w).pk}, data=lambda w: {"decision": "accept"}),
    Route("partnership-project-list", PUBLIC),
    Route("partnership-project-detail", PUBLIC, args=lambda w: {"pk": _project(w).pk}),
    Route("partnership-challenge-list", PUBLIC),
    Route("partnership-challenge-detail", PUBLIC, args=lambda w: {"pk": _challenge(w, consent=True).pk}, label="shared"),
    Route("partnership-challenge-detail", expect(PUBLIC, anonymous=404, state_b=404, entity_fp=404, api_token=404),
          args=lambda w: {"pk": _challenge(w).pk}, label="not shared"),
]

NEW_CHALLENGE = {"obligation": "article_5", "nature": "financial", "source": "article_7",
                 "description": "Clearance of the last mined areas needs funds.", "consent_to_share": False}

# API: whole-list exports (the Platform page's file) and challenges written by their own State.
ROUTES += [
    Route("need-export", PUBLIC),
    Route("need-export", PUBLIC, data=lambda w: {"format": "xlsx"}, label="xlsx"),
    Route("need-list", PUBLIC, data=lambda w: {"format": "csv"}, label="csv"),
    Route("offer-export", PUBLIC),
    Route("offer-list", PUBLIC, data=lambda w: {"format": "xlsx"}, label="xlsx"),
    Route("partnership-challenge-list", expect(API_WRITE, isu_staff=201, state_a=201, state_b=400, entity_fp=403),
          method="post", format="json", args=lambda w: _parties(w) or {}, data=lambda w: {**NEW_CHALLENGE, "state": "MX"},
          label="for State A"),
    Route("partnership-challenge-detail", expect(API_WRITE, isu_staff=200, state_a=200, state_b=404, entity_fp=404),
          method="patch", format="json", args=lambda w: {"pk": _challenge(w).pk},
          data=lambda w: {"consent_to_share": True, "version": 1}, label="not shared"),
    Route("partnership-challenge-detail", expect(API_WRITE, isu_staff=200, state_a=200, state_b=403, entity_fp=403),
          method="put", format="json", args=lambda w: {"pk": _challenge(w, consent=True).pk},
          data=lambda w: {**NEW_CHALLENGE, "version": 1}, label="shared, put"),
]
