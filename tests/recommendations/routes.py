from tests.factories import ReferenceFactory, SuggestedActionFactory
from tests.permissions.matrix import (
    API_READ,
    API_STAFF_WRITE,
    PUBLIC,
    SIGNED_IN_HTML,
    STAFF_HTML,
    Route,
    expect,
)


def _action_of(world):
    """An action that the entity focal point's entity (UNMAS) implements."""
    action = SuggestedActionFactory(implementing_entities=[world.entity])
    ReferenceFactory(recommendation=action.recommendation)
    return action


def _other_action(world):
    """An action implemented by another entity only."""
    return SuggestedActionFactory(implementing_entities=[world.other_entity])


def _status_args(make):
    def args(world):
        action = make(world)
        return {"pk": action.recommendation_id, "action_id": action.pk}
    return args


def _status_data(world):
    return {"status": "in_progress", "date": "2026-01-15", "note": "Started.", "evidence_url": ""}


def _api_status_args(make):
    return lambda world: {"action_id": make(world).pk}


# The API's status updates: the browser's rules (POSTED), in the API's answers.
API_POSTED = expect(API_STAFF_WRITE, isu_staff=201, entity_fp=201)

ENTITY_MAY_UPDATE = expect(SIGNED_IN_HTML, state_a=403, state_b=403)
ONLY_STAFF_MAY_UPDATE = expect(SIGNED_IN_HTML, state_a=403, state_b=403, entity_fp=403)
POSTED = {"anonymous": 302, "isu_staff": 302, "state_a": 403, "state_b": 403, "entity_fp": 302, "api_token": 302}

ROUTES = [
    Route("recommendations:index", PUBLIC),
    Route("recommendations:dashboard", PUBLIC),
    Route("recommendations:detail", PUBLIC, args=lambda w: {"pk": _action_of(w).recommendation_id}),
    Route("recommendations:action-status", ENTITY_MAY_UPDATE, args=_status_args(_action_of), label="own entity"),
    Route("recommendations:action-status", ONLY_STAFF_MAY_UPDATE, args=_status_args(_other_action), label="other entity"),
    Route("recommendations:action-status", POSTED, method="post", args=_status_args(_action_of),
          data=_status_data, label="post own entity"),
    Route("recommendations:action-status", expect(POSTED, entity_fp=403), method="post",
          args=_status_args(_other_action), data=_status_data, label="post other entity"),
    Route("recommendations:export", STAFF_HTML),
    Route("recommendations:import", STAFF_HTML),
    Route("recommendations:import-template", STAFF_HTML),
    Route("recommendation-list", API_READ),
    Route("recommendation-detail", API_READ, args=lambda w: {"pk": _action_of(w).recommendation_id}),
    Route("suggested-action-list", API_READ),
    Route("suggested-action-detail", API_READ, args=lambda w: {"pk": _action_of(w).pk}),
    Route("suggested-action-history", API_READ, args=lambda w: {"pk": _action_of(w).pk}),
    Route("sg-report-list", API_READ),
    Route("sg-report-detail", API_READ, args=lambda w: {"pk": ReferenceFactory().report_id}),
    Route("action-status-update-list", API_POSTED, method="post", args=_api_status_args(_action_of),
          data=_status_data, format="json", label="own entity"),
    Route("action-status-update-list", expect(API_POSTED, entity_fp=403), method="post",
          args=_api_status_args(_other_action), data=_status_data, format="json", label="other entity"),
    Route("recommendation-export", API_READ),
    Route("recommendation-export", API_READ, data=lambda w: {"format": "xlsx"}, label="xlsx"),
    Route("api-root", PUBLIC),
]
