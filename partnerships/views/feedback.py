from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from partnerships.access import can_give_feedback, can_read_feedback

from .. import services
from ..forms import FeedbackForm
from ..models import Feedback
from .common import apply_errors, paginate


@login_required
@submitted_once
def feedback_give(request):
    actor = request.actor
    if not can_give_feedback(actor):
        raise PermissionDenied
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(actor=actor, user=request.user, data=form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("partnerships:index")
    return render(request, "partnerships/feedback_form.html", {"form": form})


@login_required
def feedback_list(request):
    if not can_read_feedback(request.actor):
        raise PermissionDenied
    page, query_string = paginate(request, Feedback.objects.select_related("state", "user"))
    return render(request, "partnerships/feedback_list.html", {"page_obj": page, "items": page.object_list, "query_string": query_string})
