"""Reminder stages from the screen: the stage due today and the coming ones, who one stage
would write to, and "send this stage now" through the daily step's own service."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from entities.views.directory import by_name
from letters import selectors
from letters.services.scheduling import (
    STAGE_HORIZON_DAYS,
    Stage,
    StepResult,
    letters_schedule,
    stage_find,
    stage_preview,
)

from .common import staff_required


@staff_required
def stage_list(request):
    today = timezone.localdate()
    due, coming = selectors.stages_overview(today=today)
    return render(request, "letters/stages.html", {
        "today": today, "due": due, "coming": coming, "horizon": STAGE_HORIZON_DAYS,
    })


def _stage(plan: int, period: int, stage: str) -> Stage:
    found = stage_find(plan_id=plan, period=period, name=stage, today=timezone.localdate())
    if found is None:
        raise Http404(_("No such reminder stage."))
    return found


def outbox_url(stage: Stage) -> str:
    """The outbox showing only this stage's letters, with their progress."""
    query = urlencode({"purpose": stage.purpose, "period": stage.period, "stage": stage.stage})
    return f"{reverse('letters:outbox')}?{query}"


@staff_required
def stage_detail(request, plan, period, stage):
    found = _stage(plan, period, stage)
    try:
        preview = stage_preview(stage=found, today=timezone.localdate())
    except ValidationError as exc:
        preview, closed = None, " ".join(exc.messages)
    else:
        closed = ""
    return render(request, "letters/stage_detail.html", {
        "stage": found, "preview": preview, "closed": closed,
        "rows": sorted(preview.rows, key=by_name) if preview else [], "outbox_url": outbox_url(found),
    })


def _sent_message(result: StepResult) -> tuple[int, str]:
    total = result.already + len(result.drafts)
    if result.created == 0 and total:
        # Also the answer to a double click: the first click created them all.
        return messages.INFO, ngettext(
            "The letter of this stage was already queued; nothing new sent.",
            "All %(count)s letters of this stage were already queued; nothing new sent.", total,
        ) % {"count": total}
    if result.created == 0:
        return messages.INFO, _("Every State Party has sent this report: nothing to send.")
    text = ngettext("%(count)s letter queued.", "%(count)s letters queued.", result.created) % {"count": result.created}
    if result.created == len(result.drafts) and result.no_recipient:
        text += " " + ngettext("%(count)s of them has no recipient.", "%(count)s of them have no recipient.",
                               result.no_recipient) % {"count": result.no_recipient}
    if result.created < total:
        text += " " + ngettext("%(count)s was already queued before.", "%(count)s were already queued before.",
                               total - result.created) % {"count": total - result.created}
    return messages.SUCCESS, text


@staff_required
@require_POST
def stage_send(request, plan, period, stage):
    found = _stage(plan, period, stage)
    try:
        result = letters_schedule(today=timezone.localdate(), stage=found)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("letters:stage-detail", plan=plan, period=period, stage=stage)
    level, text = _sent_message(result)
    messages.add_message(request, level, text)
    return redirect(outbox_url(found))
