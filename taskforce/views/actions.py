from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from taskforce.access import can_close_action_item
from taskforce import selectors
from taskforce.filters import ActionItemFilter
from taskforce.forms import ActionItemStatusForm
from taskforce.services.actions import action_item_set_status

from .common import apply_errors, paginate


def action_item_list(request):
    filterset = ActionItemFilter(request.GET, queryset=selectors.action_items(request.actor))
    page, query_string = paginate(request, filterset.qs)
    return render(request, "taskforce/action_item_list.html", {"filter": filterset, "page_obj": page, "query_string": query_string})


@submitted_once
def action_item_detail(request, pk):
    """The item with its status history; its owner's focal point (or ISU staff) may close it here."""
    actor = request.actor
    item = selectors.action_items(actor).filter(pk=pk).prefetch_related("updates__by").first()
    if item is None:
        raise Http404
    may_change = can_close_action_item(actor, item)
    form = ActionItemStatusForm(request.POST or None, allow_reopen=actor.is_isu_staff)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{_login_url()}?next={request.path}")
        if not may_change:
            raise PermissionDenied
        if form.is_valid():
            try:
                action_item_set_status(item=item, status=form.cleaned_data["status"], note=form.cleaned_data["note"], actor=request.actor, user=request.user)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("The action item is updated."))
                return redirect(item)
    return render(request, "taskforce/action_item_detail.html", {
        "item": item, "form": form, "may_change": may_change,
    }, status=400 if request.method == "POST" else 200)


def _login_url() -> str:
    from django.conf import settings
    from django.shortcuts import resolve_url

    return resolve_url(settings.LOGIN_URL)
