"""Ranking candidates with their reasons, proposing a match, and its lifecycle."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.idempotency import submitted_once
from partnerships.access import can_decide_match, can_propose_match

from .. import selectors, services
from ..choices import Side
from ..forms import MATCH_DECISIONS, ProposeMatchForm
from ..models import Match
from ..selectors import matching
from ..selectors.messages import notified
from ..services.matches import TRANSITIONS
from ..services.notify import PURPOSE as NOTIFY_PURPOSE
from .common import paginate, visible_entry_or_404


@login_required
def entry_matches(request, pk: int):
    """For a need, the offers that could meet it (or the reverse), best first, with reasons."""
    actor = request.actor
    entry = visible_entry_or_404(request, pk)
    candidates = selectors.ranked_candidates_for(actor, entry)
    for candidate in candidates:
        need, offer = (entry, candidate) if entry.side == Side.NEED else (candidate, entry)
        candidate.can_propose = can_propose_match(actor, need, offer)
    return render(request, "partnerships/entry_matches.html", {
        "entry": entry, "candidates": candidates, "points": matching.POINTS, "strong": matching.STRONG_MATCH,
        "already": set(selectors.matches_of_entry(actor, entry).values_list("need_id", "offer_id")),
    })


@login_required
@require_POST
@submitted_once
def match_propose(request, pk: int):
    actor = request.actor
    entry = visible_entry_or_404(request, pk)
    form = ProposeMatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.problem)
        return redirect("partnerships:entry-matches", pk=entry.pk)
    other = visible_entry_or_404(request, form.cleaned_data["other"])
    need, offer = (entry, other) if entry.side == Side.NEED else (other, entry)
    try:
        match = services.match_propose(actor=actor, user=request.user, need=need, offer=offer, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("partnerships:entry-matches", pk=entry.pk)
    messages.success(request, _("Match proposed."))
    for outcome in notified(key_prefix=f"{NOTIFY_PURPOSE}:{match.pk}:"):
        # Read from the outbox: say what was really queued, State by State.
        (messages.success if outcome.queued else messages.warning)(request, str(outcome))
    return redirect(match)


@login_required
def match_list(request):
    actor = request.actor
    page, query_string = paginate(request, selectors.matches_for(actor))
    return render(request, "partnerships/match_list.html", {
        "page_obj": page, "matches": page.object_list, "query_string": query_string,
        "suggestions": selectors.suggestions() if actor.is_isu_staff else None,
    })


def _visible_match_or_404(request, pk: int) -> Match:
    try:
        return selectors.matches_for(request.actor).get(pk=pk)
    except Match.DoesNotExist:
        raise Http404 from None


@login_required
def match_detail(request, pk: int):
    actor = request.actor
    match = _visible_match_or_404(request, pk)
    # An entry the reader may not see gives away nothing: no reasons (they compare its area,
    # amount and period) and no names of the people who proposed or decided (their State).
    confidential = selectors.has_confidential_entry(match)
    scored = None if confidential else matching.ranked(match.need, selectors.entries_for(actor).filter(pk=match.offer_id)).first()
    return render(request, "partnerships/match_detail.html", {
        "match": match, "reasons": matching.reasons(match.need, scored) if scored else None,
        "show_people": not confidential,
        "decisions": {
            decision: label for decision, label in MATCH_DECISIONS.items()
            if match.status in TRANSITIONS[decision][0] and can_decide_match(actor, match)
        },
        "history": match.history.select_related("history_user").order_by("-history_date")[:20],
        "notified": notified(key_prefix=f"{NOTIFY_PURPOSE}:{match.pk}:") if actor.is_isu_staff else [],
    })


@login_required
@require_POST
def match_decide(request, pk: int, decision: str):
    actor = request.actor
    match = _visible_match_or_404(request, pk)
    if decision not in MATCH_DECISIONS:
        raise Http404
    try:
        services.match_decide(actor=actor, user=request.user, match=match, decision=decision)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Saved."))
    return redirect(match)
