"""Recording that a State's report was received."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entities.access import Actor
from entities.access.letters import can_record_report
from entities.models import ReportingObligation, State
from letters.models import ReportSubmission


@transaction.atomic
def report_record(
    *, actor: Actor, obligation: ReportingObligation, state: State, kind: str, period: int,
    received_on: dt.date, link: str = "", file=None, user=None,
) -> ReportSubmission:
    """Records a report; staff for any State, a State focal point for its own. One record per
    (obligation, State, kind, period): recording again is refused with a message."""
    if not can_record_report(actor, state.pk):
        raise PermissionDenied
    if received_on > timezone.localdate() + dt.timedelta(days=1):
        raise ValidationError({"received_on": _("The date received cannot be in the future.")})
    if not link and not file and not actor.is_isu_staff:
        raise ValidationError({"link": _("Give a link to the report or attach the file.")})
    submission = ReportSubmission(
        obligation=obligation, state=state, kind=kind, period=period, received_on=received_on,
        link=link, recorded_by=user,
    )
    if file:
        submission.file = file
    try:
        with transaction.atomic():
            submission.save()
    except IntegrityError:
        raise ValidationError({"period": _("A report of this kind for this year is already recorded for this State.")}) from None
    return submission
