"""The scheduling step: which letters are due on a given day, created in bulk and handed
to Celery. Run daily by Celery beat (letters.tasks.letters_schedule_today) and for any date
by `manage.py send_letters --date YYYY-MM-DD [--dry-run]`.

A reminder stage is due from its send date (deadline minus the offset) until the next stage
starts, so a step missed on its exact day still catches up the next day; the unique
constraint on (State, purpose, period, stage) makes a rerun add nothing.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from entities.models import FocalPoint, ReportingObligation, State, TreatyParty
from letters.models import Campaign, CampaignStatus, Letter, ReminderPlan, ReportKind, ReportSubmission, TemplateKind
from letters.services.outbox import Draft, messages_enqueue_bulk, recipients_check
from letters.services.rendering import TemplateSet

ATTACHMENTS = "letters.pdf.letter_attachments"
OVERDUE_WINDOW_DAYS = 120

__all__ = ["Stage", "StepResult", "campaign_queue", "letters_schedule", "obligation_purpose", "plan_stages", "stages_between", "state_addresses"]


def obligation_purpose(obligation: ReportingObligation) -> str:
    return f"{obligation.treaty.short_name.lower()}-{obligation.code}"


@dataclass(frozen=True)
class Stage:
    """One stage of one plan for one report year: when it goes out and until when it is due."""

    plan: ReminderPlan
    period: int
    stage: str
    kind: str
    send_on: dt.date
    until: dt.date  # exclusive
    deadline: dt.date

    @property
    def days_before(self) -> int:
        return (self.deadline - self.send_on).days


def plan_stages(plan: ReminderPlan, period: int) -> list[Stage]:
    deadline = plan.obligation.annual_deadline(period)
    if deadline is None:
        return []
    offsets = sorted({int(d) for d in plan.offsets_days}, reverse=True)
    stages: list[Stage] = []
    for index, days in enumerate(offsets):
        send_on = deadline - dt.timedelta(days=days)
        until = deadline - dt.timedelta(days=offsets[index + 1]) if index + 1 < len(offsets) else deadline
        stages.append(Stage(plan, period, f"reminder-{days}", TemplateKind.REPORT_REMINDER, send_on, until, deadline))
    if plan.overdue_after_days is not None:
        send_on = deadline + dt.timedelta(days=plan.overdue_after_days)
        stages.append(Stage(plan, period, "overdue", TemplateKind.REPORT_OVERDUE, send_on,
                            send_on + dt.timedelta(days=OVERDUE_WINDOW_DAYS), deadline))
    return stages


def _plans() -> list[ReminderPlan]:
    return list(ReminderPlan.objects.filter(is_active=True).select_related("obligation__treaty"))


def stages_due(today: dt.date, plans: Iterable[ReminderPlan] | None = None) -> list[Stage]:
    due = []
    for plan in plans if plans is not None else _plans():
        for period in range(today.year - 2, today.year + 1):
            due += [s for s in plan_stages(plan, period) if s.send_on <= today < s.until]
    return due


def stages_between(start: dt.date, end: dt.date) -> list[Stage]:
    """Stages whose send date falls in [start, end], for the staff plan."""
    found = []
    for plan in _plans():
        for period in range(start.year - 2, end.year + 1):
            found += [s for s in plan_stages(plan, period) if start <= s.send_on <= end]
    return sorted(found, key=lambda s: (s.send_on, s.stage))


def _addresses_by_state(state_ids: Iterable[int]) -> dict[int, list[FocalPoint]]:
    by_state: dict[int, list[FocalPoint]] = defaultdict(list)
    rows = FocalPoint.objects.filter(state_id__in=list(state_ids), is_active=True).order_by("pk").only(
        "pk", "email", "language", "state_id",
    )
    for focal_point in rows:
        by_state[focal_point.state_id].append(focal_point)
    return by_state


def _language_and_addresses(focal_points: list[FocalPoint]) -> tuple[list[str], str]:
    addresses = [fp.email for fp in focal_points if fp.email]
    valid, _malformed = recipients_check(addresses)
    first_valid = next((fp for fp in focal_points if fp.email in valid), None)
    language = (first_valid or (focal_points[0] if focal_points else None))
    return addresses, language.language if language else "en"


def state_addresses(state_id: int) -> tuple[list[str], str]:
    """The e-mail addresses (as typed, to be checked) and preferred language of a State."""
    return _language_and_addresses(_addresses_by_state([state_id]).get(state_id, []))


def _pending_parties(stage: Stage) -> list[TreatyParty]:
    """States Parties owing the annual report for the stage's year and not yet submitted."""
    obligation = stage.plan.obligation
    submitted = ReportSubmission.objects.filter(
        obligation=obligation, kind=ReportKind.ANNUAL, period=stage.period,
    ).values("state_id")
    year_end = dt.date(stage.period, 12, 31)
    return list(
        TreatyParty.objects.filter(treaty_id=obligation.treaty_id)
        .exclude(state_id__in=submitted)
        .exclude(entry_into_force__gt=year_end)
        .select_related("state")
        .order_by("state__code")
    )


@dataclass
class StepResult:
    today: dt.date
    drafts: list[Draft] = field(default_factory=list)
    created: int = 0
    already: int = 0

    @property
    def no_recipient(self) -> int:
        return sum(1 for d in self.drafts if not recipients_check(d.recipients)[0])


def _drafts_for(states: list[State], *, kind: str, purpose: str, period: int, stage: str,
                context: dict, templates: TemplateSet, today: dt.date) -> list[Draft]:
    by_state = _addresses_by_state(s.pk for s in states)
    drafts = []
    for state in states:
        addresses, language = _language_and_addresses(by_state.get(state.pk, []))
        rendered = templates.render(kind=kind, language=language, context={**context, "state": state})
        drafts.append(Draft(
            key=f"{purpose}:{state.code}:{period}:{stage}", purpose=purpose, subject=rendered.subject,
            body=rendered.body, recipients=addresses, language=language, state_id=state.pk,
            period=period, stage=stage, attachments_builder=ATTACHMENTS,
        ))
    return drafts


def _existing_state_ids(purpose: str, period: int, stage: str) -> set[int]:
    return set(Letter.objects.filter(purpose=purpose, period=period, stage=stage).values_list("state_id", flat=True))


def _stage_drafts(stage: Stage, templates: TemplateSet, today: dt.date, result: StepResult) -> list[Draft]:
    obligation = stage.plan.obligation
    purpose = obligation_purpose(obligation)
    existing = _existing_state_ids(purpose, stage.period, stage.stage)
    parties = _pending_parties(stage)
    states = [p.state for p in parties if p.state_id not in existing]
    result.already += len(parties) - len(states)
    context = {
        "treaty": obligation.treaty.name, "obligation": obligation.name, "article": obligation.article,
        "period": stage.period, "deadline": stage.deadline, "secretariat": settings.LETTERS_SECRETARIAT,
        "days_left": (stage.deadline - today).days, "days_late": (today - stage.deadline).days,
    }
    return _drafts_for(states, kind=stage.kind, purpose=purpose, period=stage.period, stage=stage.stage,
                       context=context, templates=templates, today=today)


def _campaign_drafts(campaign: Campaign, templates: TemplateSet, today: dt.date, result: StepResult | None = None) -> list[Draft]:
    purpose, stage = campaign.kind, campaign.purpose
    existing = _existing_state_ids(purpose, campaign.period, stage)
    parties = TreatyParty.objects.filter(treaty_id=campaign.treaty_id).select_related("state").order_by("state__code")
    states = [p.state for p in parties if p.state_id not in existing]
    if result is not None:
        result.already += len(existing)
    context = {
        "treaty": campaign.treaty.name, "period": campaign.period, "meeting": campaign.meeting,
        "send_on": campaign.send_on, "secretariat": settings.LETTERS_SECRETARIAT,
    }
    return _drafts_for(states, kind=campaign.kind, purpose=purpose, period=campaign.period, stage=stage,
                       context=context, templates=templates, today=today)


def campaign_queue(*, campaign: Campaign, today: dt.date | None = None) -> int:
    """Creates and queues the letters of a campaign now (staff "send now", or its send date)."""
    today = today or timezone.localdate()
    drafts = _campaign_drafts(campaign, TemplateSet(), today)
    with transaction.atomic():
        created = messages_enqueue_bulk(drafts)
        Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.QUEUED, queued_at=timezone.now())
    return len(created)


def letters_schedule(*, today: dt.date, dry_run: bool = False) -> StepResult:
    """Creates and queues every letter due on `today` that does not exist yet.

    With dry_run, nothing is written: the result lists what would be created."""
    result = StepResult(today=today)
    templates = TemplateSet()
    for stage in stages_due(today):
        result.drafts += _stage_drafts(stage, templates, today, result)
    campaigns = list(
        Campaign.objects.filter(status=CampaignStatus.PLANNED, send_on__lte=today).select_related("treaty")
    )
    for campaign in campaigns:
        result.drafts += _campaign_drafts(campaign, templates, today, result)
    if dry_run:
        return result
    with transaction.atomic():
        result.created = len(messages_enqueue_bulk(result.drafts))
        if campaigns:
            Campaign.objects.filter(pk__in=[c.pk for c in campaigns]).update(
                status=CampaignStatus.QUEUED, queued_at=timezone.now(),
            )
    return result


def preview_context(*, kind: str, treaty_name: str, obligation: ReportingObligation | None, period: int, days: int,
                    meeting: str = "") -> dict:
    """The placeholders of a letter as the scheduling step would fill them, for the preview."""
    deadline = obligation.annual_deadline(period) if obligation else None
    return {
        "treaty": treaty_name, "period": period, "secretariat": settings.LETTERS_SECRETARIAT,
        "obligation": obligation.name if obligation else "", "article": obligation.article if obligation else "",
        "deadline": deadline, "days_left": days, "days_late": days, "meeting": meeting,
        "send_on": (deadline - dt.timedelta(days=days)) if deadline else timezone.localdate(),
    }
