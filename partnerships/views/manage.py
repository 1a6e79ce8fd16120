"""A State's focal point keeps its State's entries current: create, edit, confirm, withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.idempotency import submitted_once
from config.services import Conflict
from partnerships.access import can_change_entry, can_submit_entry

from .. import selectors, services
from ..choices import Side
from ..forms import EntryForm
from .common import apply_errors, paginate, visible_entry_or_404


@login_required
def mine(request):
    """The signed-in focal point's State's entries, stale ones first to confirm."""
    actor = request.actor
    if not actor.state_id:
        if actor.is_isu_staff:
            return redirect("partnerships:dashboard")
        raise PermissionDenied
    entries = selectors.entries_for(actor).filter(state_id=actor.state_id).order_by("confirmed_at", "-id")
    page, query_string = paginate(request, entries)
    return render(request, "partnerships/mine.html", {
        "page_obj": page, "entries": page.object_list, "query_string": query_string,
        "can_submit": can_submit_entry(actor),
    })


@login_required
@submitted_once
def entry_create(request, side: str):
    actor = request.actor
    if side not in Side.values:
        raise Http404
    if not can_submit_entry(actor):
        raise PermissionDenied
    form = EntryForm(request.POST or None, side=side, staff=actor.is_isu_staff, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.entry_submit(
                actor=actor, user=request.user, side=side, data=form.cleaned_data, state=form.cleaned_data.get("state"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved. Thank you: the entry is on the Platform."))
            return redirect(entry)
    return render(request, "partnerships/entry_form.html", {"form": form, "side": side, "creating": True})


@login_required
def entry_edit(request, pk: int):
    actor = request.actor
    entry = visible_entry_or_404(request, pk)
    if not can_change_entry(actor, entry):
        raise PermissionDenied
    form = EntryForm(request.POST or None, instance=entry, side=entry.side, staff=actor.is_isu_staff, creating=False)
    if request.method == "POST" and form.is_valid():
        try:
            services.entry_update(
                actor=actor, user=request.user, entry=entry, data=form.cleaned_data,
                expected_version=form.cleaned_data.get("version"),
            )
        except Conflict as conflict:
            form.add_error(None, conflict.message)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved. The entry is also confirmed as current."))
            return redirect(entry)
    return render(request, "partnerships/entry_form.html", {"form": form, "side": entry.side, "entry": entry, "creating": False})


@login_required
@require_POST
def entry_confirm(request, pk: int):
    actor = request.actor
    entry = visible_entry_or_404(request, pk)
    if not can_change_entry(actor, entry):
        raise PermissionDenied
    try:
        services.entry_confirm(actor=actor, user=request.user, entry=entry)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Confirmed as current. Thank you."))
    if request.POST.get("next") == "mine":
        return redirect("partnerships:mine")
    return redirect(entry)


@login_required
def entry_withdraw(request, pk: int):
    """GET asks to be sure; POST withdraws. The entry stays in the record."""
    actor = request.actor
    entry = visible_entry_or_404(request, pk)
    if not can_change_entry(actor, entry):
        raise PermissionDenied
    if request.method == "POST":
        services.entry_withdraw(actor=actor, user=request.user, entry=entry)
        messages.success(request, _("Withdrawn. The entry stays in the record but is no longer offered for matching."))
        return redirect(entry)
    return render(request, "partnerships/entry_withdraw.html", {"entry": entry})
