"""The start page: after sign-in, each role lands on its own work.

It lives in `config/` because it is the one page that gathers every app's items: each app
owns the reads of its own items (the selectors named below, which apply entities.access), and
this module only puts them side by side. Placing it in one of the apps would make that app
depend on all the others.
"""

import datetime as dt

from django.conf import settings
from django.db.models import QuerySet
from django.shortcuts import render
from django.utils import timezone

from entities.access import Actor
from partnerships.access import can_record_challenge, can_submit_entry
from recommendations.access import can_update_any_action
from entities.models import Entity, State
from letters import selectors as letters
from partnerships import selectors as partnerships
from recommendations import selectors as recommendations
from taskforce import selectors as taskforce

from .ui import signed_in

# How many items of each kind the page lists; the count and a link lead to the rest.
SHOWN = 5
# Reports received "this week": today and the six days before.
RECENT_REPORT_DAYS = 7


def _first(queryset: QuerySet, shown: int = SHOWN) -> dict:
    """The count and the first items of a list: two queries (plus the list's prefetches)."""
    return {"count": queryset.count(), "items": list(queryset[:shown])}


def _staff(actor: Actor, today: dt.date) -> dict:
    since = today - dt.timedelta(days=RECENT_REPORT_DAYS - 1)
    return {
        "letters": _first(letters.letters_needing_attention(actor=actor)),
        "reports": _first(letters.reports_received_since(actor=actor, since=since)),
        "reports_since": since,
        "stale_entries": _first(partnerships.stale_entries_for(actor)),
        "matches": _first(partnerships.matches_awaiting_decision(actor)),
        "overdue_items": _first(taskforce.overdue_action_items(actor, today=today)),
        "stale_actions": _first(recommendations.stale_actions(actor=actor)),
        "stale_days": settings.RECOMMENDATIONS_STALE_DAYS,
    }


def _state(actor: Actor, today: dt.date) -> dict:
    return {
        "state": State.objects.filter(pk=actor.state_id).first(),
        "entries": _first(partnerships.own_state_entries(actor), shown=10),
        "can_submit": can_submit_entry(actor),
        "reporting": letters.state_reporting(actor=actor, today=today),
        "state_letters": _first(letters.letters_to_own_state(actor=actor)),
        "matches": _first(partnerships.matches_awaiting_decision(actor)),
        "challenges": _first(partnerships.own_state_challenges(actor)),
        # The State's own challenges may be edited exactly when a challenge may be recorded.
        "can_edit_challenges": can_record_challenge(actor),
    }


def _entity(actor: Actor, today: dt.date) -> dict:
    actions = recommendations.actions_implemented_by(actor=actor)
    items = taskforce.own_entity_action_items(actor)
    return {
        "entity": Entity.objects.filter(pk=actor.entity_id).first(),
        "actions": _first(actions, shown=10),
        "stale_action_count": actions.filter(is_stale=True).count(),
        "stale_days": settings.RECOMMENDATIONS_STALE_DAYS,
        "can_update_actions": can_update_any_action(actor),
        "items": _first(items, shown=10),
        "overdue_item_count": items.filter(taskforce.overdue_q(today)).count(),
    }


@signed_in()
def start(request):
    """Whatever the role, a page: staff, State and entity focal points see their work; an API
    account and an account without a role are told what they can do."""
    actor = request.actor
    today = timezone.localdate()
    context: dict = {"today": today}
    if actor.is_isu_staff:
        context.update(_staff(actor, today))
    elif actor.is_state_focal_point and actor.state_id:
        context.update(_state(actor, today))
    elif actor.is_entity_focal_point and actor.entity_id:
        context.update(_entity(actor, today))
    return render(request, "start/index.html", context)
