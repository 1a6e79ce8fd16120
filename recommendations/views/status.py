from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from recommendations.access import can_update_action

from ..forms import StatusUpdateForm
from ..models import SuggestedAction
from ..services import status_update_post


@login_required
@submitted_once
def action_status(request, pk: int, action_id: int):
    """Post a status update on one action: ISU staff on any, an entity focal point on its own."""
    actor = request.actor
    action = get_object_or_404(
        SuggestedAction.objects.select_related("recommendation", "addressee"), pk=action_id, recommendation_id=pk
    )
    if not can_update_action(actor, action):
        raise PermissionDenied
    form = StatusUpdateForm(request.POST or None, action=action, staff=actor.is_isu_staff)
    if request.method == "POST" and form.is_valid():
        try:
            status_update_post(
                action=action, actor=request.actor, user=request.user, status=form.cleaned_data["status"],
                date=form.cleaned_data["date"], note=form.cleaned_data["note"],
                evidence_url=form.cleaned_data["evidence_url"],
                on_behalf_of=form.cleaned_data.get("on_behalf_of"),
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Status update recorded."))
            return redirect(f"{action.recommendation.get_absolute_url()}#action-{action.pk}")
    return render(request, "recommendations/action_status.html", {"action": action, "form": form})


