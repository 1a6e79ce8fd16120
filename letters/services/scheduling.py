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

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from entities.countries import country_name
from entities.models import FocalPoint, Language, ReportingObligation, TreatyParty
from letters import deadlines
from letters.models import (
    Campaign,
    CampaignStatus,
    ClearanceReminderPlan,
    DestructionKind,
    DestructionObligation,
    Letter,
    ReminderPlan,
    ReportKind,
    ReportSubmission,
    TemplateKind,
)
from letters.secretariat import secretariat_name
from letters.services.outbox import Draft, messages_enqueue_bulk, recipients_check
from letters.services.rendering import TemplateSet

ATTACHMENTS = "letters.pdf.letter_attachments"
OVERDUE_WINDOW_DAYS = 120

# How far ahead staff see the coming stages, and may send one early from the screen.
STAGE_HORIZON_DAYS = 120

__all__ = [
    "CLEARANCE_PURPOSE", "STAGE_HORIZON_DAYS", "ClearanceStage", "PreviewRow", "Stage", "StagePreview", "StateRecipients", "StepResult", "campaign_queue", "clearance_due", "clearance_plan", "letters_schedule",
    "obligation_label", "obligation_purpose", "parties_to_write", "plan_stages", "stage_check", "stage_find", "stage_label",
    "stage_preview", "stages_between", "state_addresses", "states_with_address", "topic_label",
]


def obligation_purpose(obligation: ReportingObligation) -> str:
    return f"{obligation.treaty.short_name.lower()}-{obligation.code}"


def obligation_label(obligation: ReportingObligation) -> str:
    """The obligation in the reader's language ("Article 7 report"); its stored name is English only."""
    return _("Article %(article)s report") % {"article": obligation.article}


def stage_label(stage: str) -> str:
    """A stage code in words ("reminder 60 days before the deadline"); "" when it has none
    (a campaign's stage only repeats its purpose)."""
    if stage == "overdue":
        return _("overdue letter")
    months = stage.removeprefix("months-")
    if months != stage and months.isdigit():
        return _("reminder %(months)s months before the deadline") % {"months": int(months)}
    days = stage.removeprefix("reminder-")
    if days != stage and days.isdigit():
        return _("reminder %(days)s days before the deadline") % {"days": int(days)}
    return ""


def topic_label(purpose: str, stage: str = "", period: int | None = None) -> str:
    """ "Article 7 report — reminder 60 days before the deadline, 2026": what a letter is about."""
    words = stage_label(stage)
    topic = _("%(purpose)s — %(stage)s") % {"purpose": purpose, "stage": words} if words else purpose
    return _("%(topic)s, %(year)s") % {"topic": topic, "year": period} if period else topic


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

    @property
    def purpose(self) -> str:
        return obligation_purpose(self.plan.obligation)

    @property
    def label(self) -> str:
        return stage_label(self.stage)

    @property
    def title(self) -> str:
        return topic_label(obligation_label(self.plan.obligation), self.stage, self.period)


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


# Ids beyond this cannot be a row (and SQLite refuses larger integers outright).
_MAX_ID = 2**31 - 1


def stage_find(*, plan_id: int, period: int, name: str, today: dt.date) -> Stage | None:
    """The stage a URL names (active plan, report year, stage name), or None when any of the
    three is unknown. Only the years the scheduler looks at are accepted, so no deadline
    arithmetic can run off the calendar."""
    if not (0 < plan_id <= _MAX_ID and today.year - 3 <= period <= today.year + 1):
        return None
    plan = ReminderPlan.objects.filter(pk=plan_id, is_active=True).select_related("obligation__treaty").first()
    if plan is None:
        return None
    return next((stage for stage in plan_stages(plan, period) if stage.stage == name), None)


def stage_check(*, stage: Stage, today: dt.date) -> None:
    """Refuses a stage staff may not send today: one whose time is over (its letters would
    arrive after the next stage, or long after the deadline), or one further ahead than the
    coming stages staff are shown."""
    if today >= stage.until:
        raise ValidationError(_("This stage ended on %(date)s: its letters can no longer be sent.")
                              % {"date": formats.date_format(stage.until - dt.timedelta(days=1))})
    if stage.kind == TemplateKind.REPORT_OVERDUE and today <= stage.deadline:
        # Its text counts the days since the deadline.
        raise ValidationError(_("An overdue letter can only be sent after the deadline (%(date)s).")
                              % {"date": formats.date_format(stage.deadline)})
    if stage.send_on > today + dt.timedelta(days=STAGE_HORIZON_DAYS):
        raise ValidationError(_("This stage starts on %(date)s: it can be sent at most %(days)s days early.")
                              % {"date": formats.date_format(stage.send_on), "days": STAGE_HORIZON_DAYS})


def _addresses_by_state(state_ids: Iterable[int] | None) -> dict[int, list[tuple[str, str]]]:
    """State id -> [(e-mail as typed, preferred language)] of its active focal points that
    receive letters and have an e-mail address (of every State when state_ids is None)."""
    by_state: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = FocalPoint.objects.filter(state__isnull=False, is_active=True, receives_letters=True).exclude(email="")
    if state_ids is not None:
        rows = rows.filter(state_id__in=list(state_ids))
    rows = rows.order_by("pk").values_list("state_id", "email", "language")
    for state_id, email, language in rows:
        by_state[state_id].append((email, language))
    return by_state


def _language_and_addresses(focal_points: list[tuple[str, str]], recorded: str = "") -> tuple[list[str], str]:
    """The addresses to check, and the language of the first focal point with a usable
    address (else of the first focal point; else the language recorded for the State's other
    focal points, `recorded`; else English). The language is never guessed from the country."""
    addresses = [email for email, _language in focal_points if email]
    valid = set(recipients_check(addresses)[0])
    first_valid = next((language for email, language in focal_points if email in valid), None)
    return addresses, first_valid or (focal_points[0][1] if focal_points else recorded or Language.ENGLISH)


def _focal_points_by_state() -> tuple[dict[int, list[tuple[str, str]]], dict[int, str]]:
    """For every State, in one query: the (e-mail, language) of its focal points letters go to
    (as _addresses_by_state), and the language recorded for its focal points (active ones
    first, including those without an address or who do not receive letters), which is the
    State's letter language when no letter recipient gives one."""
    addresses: dict[int, list[tuple[str, str]]] = defaultdict(list)
    active: dict[int, str] = {}
    inactive: dict[int, str] = {}
    rows = FocalPoint.objects.filter(state__isnull=False).order_by("pk").values_list(
        "state_id", "email", "language", "is_active", "receives_letters",
    )
    for state_id, email, language, is_active, receives_letters in rows:
        if is_active and receives_letters and email:
            addresses[state_id].append((email, language))
        (active if is_active else inactive).setdefault(state_id, language)
    return addresses, {**inactive, **active}


def states_with_address(state_ids: Iterable[int]) -> set[int]:
    """Those of the given States whose letter would go to at least one usable address (the
    others' would be recorded as "no recipient"), by the step's own rule. One query."""
    state_ids = list(state_ids)
    if not state_ids:
        return set()
    return {
        state_id for state_id, focal_points in _addresses_by_state(state_ids).items()
        if recipients_check(_language_and_addresses(focal_points)[0])[0]
    }


def state_addresses(state_id: int) -> tuple[list[str], str]:
    """The e-mail addresses (as typed, to be checked) and preferred language of a State."""
    return _language_and_addresses(_addresses_by_state([state_id]).get(state_id, []))


def parties_to_write(treaty_id: int, today: dt.date) -> QuerySet[TreatyParty]:
    """The States Parties letters may go to on `today`: the one rule of every stage and campaign.
    A State whose withdrawal has taken effect (article 20) is left out from that date on; the
    letters it received before stay in the outbox."""
    return TreatyParty.objects.filter(treaty_id=treaty_id).exclude(withdrawal__effective_on__lte=today)


def parties_owing(stage: Stage, today: dt.date | None = None) -> QuerySet[TreatyParty]:
    """States Parties owing the annual report for the stage's year and not yet submitted: the
    one rule for who a reminder stage writes to (the staff's planning pages read it too)."""
    obligation = stage.plan.obligation
    submitted = ReportSubmission.objects.filter(
        obligation=obligation, kind=ReportKind.ANNUAL, period=stage.period,
    ).values("state_id")
    return (
        parties_to_write(obligation.treaty_id, today or timezone.localdate())
        .exclude(state_id__in=submitted)
        .exclude(entry_into_force__gt=dt.date(stage.period, 12, 31))
        .order_by("state__code")
    )


class StateRecipients:
    """Focal-point addresses and each State's letter language, looked up once per run."""

    def __init__(self):
        self._addresses: dict[int, list[tuple[str, str]]] | None = None
        self._languages: dict[int, str] = {}

    def addresses(self, state_id: int) -> list[tuple[str, str]]:
        if self._addresses is None:
            self._addresses, self._languages = _focal_points_by_state()
        return self._addresses.get(state_id, [])

    def addresses_and_language(self, state_id: int) -> tuple[list[str], str]:
        return _language_and_addresses(self.addresses(state_id), self._languages.get(state_id, ""))


@dataclass
class StepResult:
    today: dt.date
    drafts: list[Draft] = field(default_factory=list)
    created: int = 0
    already: int = 0

    @property
    def no_recipient(self) -> int:
        return sum(1 for d in self.drafts if not recipients_check(d.recipients)[0])


def _drafts_for(states: list[tuple[int, str]], *, kind: str, purpose: str, period: int, stage: str,
                context: dict, templates: TemplateSet, recipients: StateRecipients) -> list[Draft]:
    """One draft per State, rendered in its letter language with that language active: the
    country's name and grammar, the treaty, the obligation, the dates and the signature."""
    renderers = {}
    drafts = []
    for state_id, code in states:
        addresses, language = recipients.addresses_and_language(state_id)
        if language not in renderers:
            renderers[language] = templates.renderer(kind=kind, language=language, context=context)
        rendered = renderers[language](code)
        drafts.append(Draft(
            key=f"{purpose}:{code}:{period}:{stage}", purpose=purpose, subject=rendered.subject,
            body=rendered.body, recipients=addresses, language=language, state_id=state_id,
            period=period, stage=stage, attachments_builder=ATTACHMENTS, extra={"state": code},
        ))
    return drafts


def _existing_state_ids(purpose: str, period: int, stage: str) -> set[int]:
    return set(Letter.objects.filter(purpose=purpose, period=period, stage=stage).values_list("state_id", flat=True))


def _obligation_context(obligation: ReportingObligation, period: int, today: dt.date) -> dict:
    """The placeholders of a report reminder or overdue letter. Names are read when the letter
    is rendered (callables), so in the letter's language."""
    deadline = obligation.annual_deadline(period)
    return {
        "treaty": lambda: obligation.treaty.name, "obligation": lambda: obligation.name, "article": obligation.article,
        "period": period, "deadline": deadline, "secretariat": secretariat_name,
        "days_left": max((deadline - today).days, 0), "days_late": max((today - deadline).days, 0),
    }


def _stage_drafts(stage: Stage, templates: TemplateSet, recipients: StateRecipients, today: dt.date,
                  result: StepResult) -> list[Draft]:
    obligation = stage.plan.obligation
    purpose = obligation_purpose(obligation)
    existing = _existing_state_ids(purpose, stage.period, stage.stage)
    pending = list(parties_owing(stage, today).values_list("state_id", "state__code"))
    states = [(state_id, code) for state_id, code in pending if state_id not in existing]
    result.already += len(pending) - len(states)
    return _drafts_for(states, kind=stage.kind, purpose=purpose, period=stage.period, stage=stage.stage,
                       context=_obligation_context(obligation, stage.period, today), templates=templates,
                       recipients=recipients)


def _annual_obligation(treaty_id: int) -> ReportingObligation | None:
    """The treaty's annual report (article 7 for the Convention), which a campaign of reminder
    or overdue letters is about."""
    annual = ReportingObligation.objects.filter(treaty_id=treaty_id, annual_due_month__isnull=False).select_related("treaty")
    return annual.filter(code="article-7").first() or annual.order_by("pk").first()


def _campaign_drafts(campaign: Campaign, templates: TemplateSet, recipients: StateRecipients, today: dt.date,
                     result: StepResult | None = None) -> list[Draft]:
    """The letters of a campaign, with every placeholder its kind of letter uses: a reminder
    or overdue campaign speaks of the treaty's annual report for the campaign's year, an
    article 5 campaign of each State's own clearance deadline (so it goes only to States that
    have one). A reminder or overdue campaign for a treaty without an annual report has no
    letter to write."""
    purpose, stage = campaign.kind, campaign.purpose
    existing = _existing_state_ids(purpose, campaign.period, stage)
    parties = parties_to_write(campaign.treaty_id, today).order_by("state__code").values_list("state_id", "state__code")
    states = [(state_id, code) for state_id, code in parties if state_id not in existing]
    if result is not None:
        result.already += len(existing)
    context = {
        "treaty": lambda: campaign.treaty.name, "period": campaign.period, "meeting": campaign.meeting,
        "send_on": campaign.send_on, "secretariat": secretariat_name,
    }
    kind = campaign.kind
    if kind in (TemplateKind.REPORT_REMINDER, TemplateKind.REPORT_OVERDUE):
        obligation = _annual_obligation(campaign.treaty_id)
        if obligation is None:
            return []
        context.update(_obligation_context(obligation, campaign.period, today))
    elif kind == TemplateKind.CLEARANCE_REMINDER:
        deadlines_by_state = {party.state_id: deadline for party, deadline in _clearance_deadlines(today, campaign.treaty_id)}
        drafts = []
        for state_id, code in states:
            if state_id in deadlines_by_state:
                deadline = deadlines_by_state[state_id]
                drafts += _drafts_for(
                    [(state_id, code)], kind=kind, purpose=purpose, period=campaign.period, stage=stage,
                    context={**context, "deadline": deadline, "months_left": _whole_months(today, deadline)},
                    templates=templates, recipients=recipients,
                )
        return drafts
    return _drafts_for(states, kind=kind, purpose=purpose, period=campaign.period, stage=stage,
                       context=context, templates=templates, recipients=recipients)

# --- Article 5: reminders before each State's clearance deadline ---------------------------------

# The outbox purpose of the article 5 letters; the period is the year of the deadline, so a
# deadline moved to another year by an extension gets its own letters.
CLEARANCE_PURPOSE = "apmbc-article-5"


def clearance_plan() -> ClearanceReminderPlan:
    """The one article 5 plan: the row staff saved, else the defaults (24 and 12 months)."""
    return ClearanceReminderPlan.objects.order_by("pk").first() or ClearanceReminderPlan()


def _whole_months(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (24 on the day the 24-month reminder is due)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if deadlines.add_months(start, months) > end:
        months -= 1
    return max(months, 0)


@dataclass(frozen=True)
class ClearanceStage:
    """One article 5 reminder for one State: due from `send_on` until the next reminder starts
    (or the deadline), so a missed day still catches up, as for article 7."""

    party: TreatyParty
    deadline: dt.date
    months: int
    send_on: dt.date
    until: dt.date  # exclusive

    @property
    def period(self) -> int:
        return self.deadline.year

    @property
    def stage(self) -> str:
        return f"months-{self.months}"


def _clearance_deadlines(today: dt.date, treaty_id: int | None = None) -> list[tuple[TreatyParty, dt.date]]:
    """(party, article 5 deadline) of the States with mined areas recorded, not declared
    completed, still written to (parties_to_write), and whose deadline is still owed (a
    withdrawal taking effect before it ends it). Three queries, whatever the number of States."""
    from letters.services.obligations import CONVENTION

    records = DestructionObligation.objects.filter(
        kind=DestructionKind.MINED_AREAS, completed_on__isnull=True, party__entry_into_force__isnull=False,
    )
    records = records.filter(party__treaty_id=treaty_id) if treaty_id else records.filter(party__treaty__short_name=CONVENTION)
    records = list(
        records.select_related("party__state", "party__treaty", "party__withdrawal").prefetch_related("extensions")
        .order_by("party__state__code")
    )
    if not records:
        return []
    writable = set(parties_to_write(records[0].party.treaty_id, today).values_list("pk", flat=True))
    owed = []
    for record in records:
        party = record.party
        if party.pk not in writable:
            continue
        facts = [deadlines.ExtensionFact(e.decided_on, e.new_deadline) for e in record.extensions.all()]
        deadline = deadlines.article5_deadline(party.entry_into_force, facts).deadline
        withdrawal = getattr(party, "withdrawal", None)
        if withdrawal is not None and withdrawal.effective_on <= deadline:
            continue
        owed.append((party, deadline))
    return owed


def clearance_due(today: dt.date, plan: ClearanceReminderPlan | None = None) -> list[ClearanceStage]:
    """The article 5 reminders due on `today` (see _clearance_deadlines for who owes one)."""
    plan = plan or clearance_plan()
    offsets = sorted({int(m) for m in plan.offsets_months or []}, reverse=True)
    if not plan.is_active or not offsets:
        return []
    due = []
    for party, deadline in _clearance_deadlines(today):
        for index, months in enumerate(offsets):
            send_on = deadlines.add_months(deadline, -months)
            until = deadlines.add_months(deadline, -offsets[index + 1]) if index + 1 < len(offsets) else deadline
            if send_on <= today < until:
                due.append(ClearanceStage(party, deadline, months, send_on, until))
    return due


def _clearance_drafts(due: list[ClearanceStage], templates: TemplateSet, recipients: StateRecipients, today: dt.date,
                      result: StepResult) -> list[Draft]:
    """One letter per State and reminder, in the State's language, unless it exists already."""
    if not due:
        return []
    existing = set(
        Letter.objects.filter(purpose=CLEARANCE_PURPOSE, state_id__in=[s.party.state_id for s in due])
        .values_list("state_id", "period", "stage")
    )
    drafts = []
    for stage in due:
        if (stage.party.state_id, stage.period, stage.stage) in existing:
            result.already += 1
            continue
        treaty = stage.party.treaty
        context = {
            "treaty": lambda treaty=treaty: treaty.name, "period": stage.period, "deadline": stage.deadline,
            "months_left": _whole_months(today, stage.deadline), "secretariat": secretariat_name,
        }
        drafts += _drafts_for([(stage.party.state_id, stage.party.state.code.code)], kind=TemplateKind.CLEARANCE_REMINDER,
                              purpose=CLEARANCE_PURPOSE, period=stage.period, stage=stage.stage, context=context,
                              templates=templates, recipients=recipients)
    return drafts



def campaign_queue(*, campaign: Campaign, today: dt.date | None = None) -> int:
    """Creates and queues the letters of a campaign now (staff "send now", or its send date)."""
    today = today or timezone.localdate()
    drafts = _campaign_drafts(campaign, TemplateSet(), StateRecipients(), today)
    with transaction.atomic():
        created = messages_enqueue_bulk(drafts)
        Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.QUEUED, queued_at=timezone.now())
    return len(created)


def letters_schedule(*, today: dt.date, dry_run: bool = False, stage: Stage | None = None) -> StepResult:
    """Creates and queues every letter due on `today` that does not exist yet: the article 7
    stages, the article 5 reminders (clearance_due) and the campaigns.

    With `stage`, only that stage's letters (staff "send this stage now"; no campaigns, no
    article 5 reminders), even
    before its send date (see stage_check). With dry_run, nothing is written: the result
    lists what would be created; the staff preview is this dry run, so what staff confirm is
    what the step creates."""
    if stage is not None:
        stage_check(stage=stage, today=today)
    result = StepResult(today=today)
    templates, recipients = TemplateSet(), StateRecipients()
    for due in [stage] if stage is not None else stages_due(today):
        result.drafts += _stage_drafts(due, templates, recipients, today, result)
    if stage is None:
        result.drafts += _clearance_drafts(clearance_due(today), templates, recipients, today, result)
    campaigns = [] if stage is not None else list(
        Campaign.objects.filter(status=CampaignStatus.PLANNED, send_on__lte=today).select_related("treaty")
    )
    for campaign in campaigns:
        result.drafts += _campaign_drafts(campaign, templates, recipients, today, result)
    if dry_run:
        return result
    with transaction.atomic():
        result.created = len(messages_enqueue_bulk(result.drafts))
        if campaigns:
            Campaign.objects.filter(pk__in=[c.pk for c in campaigns]).update(
                status=CampaignStatus.QUEUED, queued_at=timezone.now(),
            )
    return result


@dataclass(frozen=True)
class PreviewRow:
    """One letter of a stage as the step would create it: to which State, in which language,
    to which addresses (none: the letter is recorded as "no recipient")."""

    state_code: str
    language: str
    addresses: list[str]
    malformed: list[str]
    subject: str

    @property
    def name(self) -> str:
        # Resolved when shown, so in the reader's language, not the letter's.
        return country_name(self.state_code)

    @property
    def language_label(self) -> str:
        return str(Language(self.language).label)

    @property
    def no_recipient(self) -> bool:
        return not self.addresses


@dataclass
class StagePreview:
    stage: Stage
    rows: list[PreviewRow]
    already: int  # letters of this stage created before (by beat, the command or the screen)

    @property
    def no_recipient(self) -> int:
        return sum(1 for row in self.rows if row.no_recipient)


def stage_preview(*, stage: Stage, today: dt.date) -> StagePreview:
    """Who would receive what if the stage were sent now: the dry run of letters_schedule for
    that stage, so the preview and the sending share one rule. Raises ValidationError like it."""
    result = letters_schedule(today=today, dry_run=True, stage=stage)
    rows = []
    for draft in result.drafts:
        valid, malformed = recipients_check(draft.recipients)
        rows.append(PreviewRow(draft.extra["state"], draft.language, valid, malformed, draft.subject))
    return StagePreview(stage=stage, rows=rows, already=result.already)


def preview_context(*, kind: str, treaty_name: str, obligation: ReportingObligation | None, period: int, days: int,
                    meeting: str = "") -> dict:
    """The placeholders of a letter as the scheduling step would fill them, for the preview
    (names read when rendered, so in the preview's language)."""
    deadline = obligation.annual_deadline(period) if obligation else None
    return {
        "treaty": (lambda: obligation.treaty.name) if obligation else treaty_name, "period": period,
        "secretariat": secretariat_name,
        "obligation": (lambda: obligation.name) if obligation else "", "article": obligation.article if obligation else "",
        "deadline": deadline, "days_left": days, "days_late": days, "meeting": meeting,
        # The article 5 letter counts in months; the preview's days are converted.
        "months_left": max(1, round(days / 30.44)),
        "send_on": (deadline - dt.timedelta(days=days)) if deadline else timezone.localdate(),
    }
