"""Permission-matrix rows for every task-force route (HTML and API)."""

import datetime as dt

from entities.access import actor_for
from tests.factories import ActionItemFactory, MechanismFactory, MeetingFactory
from tests.permissions.matrix import API_READ, PUBLIC, STAFF_HTML, Route, expect


def mechanism(w):
    return {"slug": MechanismFactory(slug="casa", acronym="CASA", lead_entity=w.entity).slug}


def meeting(w):
    return {"pk": MeetingFactory(mechanism__slug="casa").pk}


def confidential_meeting(w):
    """A confidential meeting State A took part in: State B, UNMAS and the public must not see it."""
    found = MeetingFactory(mechanism__slug="casa", is_confidential=True)
    found.participants.create(state=w.state_a, role="chair")
    return {"pk": found.pk}


def membership(w):
    from tests.factories import MembershipFactory

    found = MembershipFactory(mechanism=MechanismFactory(slug="casa", acronym="CASA", lead_entity=w.entity), entity=w.other_entity)
    return {"slug": "casa", "pk": found.pk}


def unmas_item(w):
    return {"pk": ActionItemFactory(mechanism__slug="casa", entity=w.entity).pk}


def other_item(w):
    return {"pk": ActionItemFactory(mechanism__slug="casa", entity=w.other_entity).pk}


CLOSE = {"status": "done", "note": "Shared with the task force."}
SEEN_BY_STAFF_AND_A = expect(PUBLIC, anonymous=404, state_b=404, entity_fp=404, api_token=404)
# Closing: the owner's entity focal point and staff; others are refused, the anonymous sent to sign in.
CLOSE_OWN = {"anonymous": 302, "isu_staff": 302, "state_a": 403, "state_b": 403, "entity_fp": 302, "api_token": 302}

ROUTES = [
    Route("taskforce:index", PUBLIC),
    Route("taskforce:mechanism-detail", PUBLIC, args=mechanism),
    Route("taskforce:calendar", PUBLIC),
    Route("taskforce:mechanism-calendar", PUBLIC, args=mechanism),
    Route("taskforce:meeting-list", PUBLIC),
    Route("taskforce:meeting-detail", PUBLIC, args=meeting),
    Route("taskforce:meeting-detail", SEEN_BY_STAFF_AND_A, args=confidential_meeting, label="confidential"),
    Route("taskforce:meeting-record", STAFF_HTML, args=mechanism),
    Route("taskforce:meeting-edit", STAFF_HTML, args=meeting),
    # Even State A, which took part, may not edit it: refused before the meeting is looked up.
    Route("taskforce:meeting-edit", STAFF_HTML, args=confidential_meeting, label="confidential"),
    Route("taskforce:membership-add", STAFF_HTML, args=mechanism),
    Route("taskforce:membership-add", expect(STAFF_HTML, isu_staff=302), method="post", args=mechanism,
          data=lambda w: {"party": f"entity:{w.other_entity.pk}", "role": "member", "since": "2024-01-01"}, label="add"),
    Route("taskforce:membership-edit", STAFF_HTML, args=membership),
    Route("taskforce:membership-edit", expect(STAFF_HTML, isu_staff=302), method="post", args=membership,
          data=lambda w: {"role": "observer"}, label="change"),
    # A GET only leads to the membership's page; ending is a POST.
    Route("taskforce:membership-end", expect(STAFF_HTML, isu_staff=302), args=membership),
    Route("taskforce:membership-end", expect(STAFF_HTML, isu_staff=302), method="post", args=membership,
          data=lambda w: {"end-until": "2025-12-31"}, label="end"),
    Route("taskforce:action-item-list", PUBLIC),
    Route("taskforce:action-item-detail", PUBLIC, args=unmas_item),
    Route("taskforce:action-item-detail", CLOSE_OWN, method="post", args=unmas_item, data=lambda w: CLOSE, label="close own"),
    Route(
        "taskforce:action-item-detail", expect(CLOSE_OWN, entity_fp=403), method="post", args=other_item,
        data=lambda w: CLOSE, label="close another entity's",
    ),
]

ROUTES += [
    Route("mechanism-list", API_READ),
    Route("mechanism-detail", API_READ, args=mechanism),
    Route("meeting-list", API_READ),
    Route("meeting-detail", API_READ, args=meeting),
    Route("meeting-detail", expect(API_READ, state_b=404, entity_fp=404, api_token=404), args=confidential_meeting, label="confidential"),
    Route("action-item-list", API_READ),
    Route("action-item-detail", API_READ, args=unmas_item),
    Route("action-item-list", expect(API_READ, isu_staff=405, state_a=405, state_b=405, entity_fp=405, api_token=403),
          method="post", data=lambda w: {"text": "x"}, format="json", label="read-only"),
]

ROUTES += [
    Route("taskforce:coordination-map", PUBLIC),
    Route("taskforce:entity-involvement", PUBLIC, args=lambda w: {"pk": w.entity.pk}),
]


def survey(w):
    from tests.factories import SurveyQuestionFactory

    question = SurveyQuestionFactory(survey__mechanism__slug="casa", survey__status="open", kind="text")
    question.survey.invitations.create(entity=w.entity)
    return {"pk": question.survey_id}


def declaration(w):
    from taskforce.models import Declaration

    return {"slug": Declaration.objects.create(name="Declaration of Shared Commitments", slug="a4p-declaration").slug}


SURVEY_READERS = expect(STAFF_HTML, entity_fp=200)  # UN-internal: staff and entity focal points
ANSWER = expect(STAFF_HTML, isu_staff=403, entity_fp=200)  # only the invited entity's focal point

ROUTES += [
    Route("taskforce:survey-list", SURVEY_READERS),
    Route("taskforce:survey-detail", SURVEY_READERS, args=survey),
    Route("taskforce:survey-send", STAFF_HTML, args=survey),
    Route("taskforce:survey-answer", ANSWER, args=survey),
    Route("taskforce:survey-answer", expect(ANSWER, entity_fp=400), method="post", args=survey,
          data=lambda w: {}, label="empty answer"),
    Route("taskforce:capability-list", PUBLIC),
    Route("taskforce:capability-create", STAFF_HTML),
    Route("taskforce:glossary", PUBLIC),
    Route("taskforce:declaration-detail", PUBLIC, args=declaration),
]


def committee(w):
    from taskforce.models import Mechanism

    found, _ = Mechanism.objects.get_or_create(
        slug="committee-cooperation-assistance", defaults={"name": "Committee on the Enhancement of Cooperation and Assistance"}
    )
    return found


def ia_meeting(w):
    """An individualised-approach meeting requested by State A (confidential)."""
    from taskforce.services.individualised import individualised_approach_request

    committee(w)
    meeting = individualised_approach_request(
        state=w.state_a, preferred_date=dt.date(2026, 5, 18), report_for="intersessional", actor=actor_for(w.state_a_user), user=w.state_a_user,
    )
    return {"pk": meeting.pk}


REQUEST = {"anonymous": 302, "isu_staff": 200, "state_a": 200, "state_b": 200, "entity_fp": 403, "api_token": 302}
ROUTES += [
    Route("taskforce:ia-request", REQUEST, args=None),
    # Non-staff are refused before the meeting is looked up: a 403 that says nothing about the meeting.
    Route("taskforce:ia-checklist", STAFF_HTML, args=ia_meeting),
    Route("taskforce:ia-report", expect(SEEN_BY_STAFF_AND_A), args=ia_meeting),
]


def state_a_item(w):
    return {"item_id": ActionItemFactory(mechanism__slug="casa", entity=None, state=w.state_a).pk}


def capability(w):
    from taskforce.models import Capability

    return {"pk": Capability.objects.create(entity=w.entity, kind="training", title="Survey and clearance training").pk}


def glossary_term(w):
    from taskforce.models import GlossaryTerm

    term = GlossaryTerm.objects.create(
        mechanism=MechanismFactory(slug="casa"), term_en="Mine action", term_fr="Action contre les mines",
        term_es="Acción contra las minas", definition_en="Activities which aim to reduce the impact of mines.",
    )
    return {"pk": term.pk}


# API: an action item's status changed as on its page (the owner's focal point or staff), and the
# read resources of the task force pages (surveys: staff and entity focal points, as the pages).
CLOSED = {"anonymous": 401, "isu_staff": 201, "state_a": 403, "state_b": 403, "entity_fp": 201, "api_token": 403}
API_SURVEY_READERS = {"anonymous": 401, "isu_staff": 200, "state_a": 403, "state_b": 403, "entity_fp": 200, "api_token": 403}

ROUTES += [
    Route("action-item-updates", CLOSED, method="post", format="json",
          args=lambda w: {"item_id": unmas_item(w)["pk"]}, data=lambda w: CLOSE, label="own entity's item"),
    Route("action-item-updates", expect(CLOSED, entity_fp=403), method="post", format="json",
          args=lambda w: {"item_id": other_item(w)["pk"]}, data=lambda w: CLOSE, label="other entity's item"),
    Route("action-item-updates", expect(CLOSED, state_a=201, entity_fp=403), method="post", format="json",
          args=state_a_item, data=lambda w: CLOSE, label="State A's item"),
    Route("declaration-list", API_READ),
    Route("declaration-detail", API_READ, args=declaration),
    Route("survey-list", API_SURVEY_READERS),
    Route("survey-detail", API_SURVEY_READERS, args=survey),
    Route("capability-list", API_READ),
    Route("capability-detail", API_READ, args=capability),
    Route("glossary-term-list", API_READ),
    Route("glossary-term-detail", API_READ, args=glossary_term),
]
