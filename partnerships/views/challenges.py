"""The mapping of challenges: shared only with the State's consent."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from config.services import Conflict
from partnerships.access import can_change_challenge, can_record_challenge

from .. import selectors, services
from ..filters import ChallengeFilter
from ..forms import ChallengeForm
from ..models import Challenge
from .common import apply_errors, paginate


def challenge_list(request):
    actor = request.actor
    filterset = ChallengeFilter(request.GET or None, queryset=selectors.challenges_for(actor))
    page, query_string = paginate(request, filterset.qs)
    for challenge in page.object_list:
        challenge.can_change = can_change_challenge(actor, challenge)
    return render(request, "partnerships/challenge_list.html", {
        "filter": filterset, "page_obj": page, "challenges": page.object_list, "query_string": query_string,
        "can_record": can_record_challenge(actor),
    })


@login_required
@submitted_once
def challenge_create(request):
    actor = request.actor
    if not can_record_challenge(actor):
        raise PermissionDenied
    form = ChallengeForm(request.POST or None, staff=actor.is_isu_staff, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_record(actor=actor, user=request.user, data=form.cleaned_data, state=form.cleaned_data.get("state"))
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Challenge recorded."))
            return redirect("partnerships:challenge-list")
    return render(request, "partnerships/challenge_form.html", {"form": form, "creating": True})


@login_required
def challenge_edit(request, pk: int):
    actor = request.actor
    try:
        challenge = selectors.challenges_for(actor).get(pk=pk)
    except Challenge.DoesNotExist:
        raise Http404 from None
    if not can_change_challenge(actor, challenge):
        raise PermissionDenied
    form = ChallengeForm(request.POST or None, instance=challenge, staff=actor.is_isu_staff, creating=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.challenge_update(
                actor=actor, user=request.user, challenge=challenge, data=form.cleaned_data,
                expected_version=form.cleaned_data.get("version"),
            )
        except Conflict as conflict:
            form.add_error(None, conflict.message)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("partnerships:challenge-list")
    return render(request, "partnerships/challenge_form.html", {"form": form, "challenge": challenge, "creating": False})
