"""Reads with their joins: the outbox, the plan, compliance and reminder analytics."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from entities.models import FocalPoint, ReportingObligation, State, TreatyParty
from letters.models import Campaign, CampaignStatus, Letter, LetterStatus, ReportKind, ReportSubmission
from letters.services.outbox import recipients_check
from letters.services.scheduling import Stage, _pending_parties, obligation_purpose, stages_between


def letters_list() -> QuerySet[Letter]:
    return Letter.objects.select_related("state", "entity").defer("body")


def status_counts(queryset: QuerySet[Letter]) -> dict[str, int]:
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("id")))
    return {value: counts.get(value, 0) for value in LetterStatus.values}


def reports_list() -> QuerySet[ReportSubmission]:
    return ReportSubmission.objects.select_related("state", "obligation__treaty", "recorded_by")


def article7() -> ReportingObligation | None:
    return ReportingObligation.objects.select_related("treaty").filter(code="article-7").order_by("pk").first()


@dataclass
class AddressProblem:
    state: State
    focal_point: FocalPoint | None
    problem: str


def address_problems() -> list[AddressProblem]:
    """States Parties whose focal points give no usable address, or a malformed one."""
    problems = []
    party_states = State.objects.filter(treaty_parties__isnull=False).distinct().prefetch_related("focal_points")
    for state in party_states:
        points = [fp for fp in state.focal_points.all() if fp.is_active]
        for fp in points:
            if fp.email and not recipients_check([fp.email])[0]:
                problems.append(AddressProblem(state, fp, "malformed"))
        if not any(fp.email and recipients_check([fp.email])[0] for fp in points):
            problems.append(AddressProblem(state, None, "none"))
    return problems


@dataclass
class PlannedStage:
    stage: Stage
    purpose: str
    parties: list[TreatyParty]
    already: int


def plan_ahead(*, today: dt.date, days: int = 120) -> tuple[list[PlannedStage], list[Campaign]]:
    """Who will get what, when: reminder stages whose send date falls in the coming days,
    with the States Parties that would receive them if nothing changes, and planned campaigns."""
    rows = []
    for stage in stages_between(today - dt.timedelta(days=7), today + dt.timedelta(days=days)):
        purpose = obligation_purpose(stage.plan.obligation)
        parties = _pending_parties(stage)
        done = set(Letter.objects.filter(purpose=purpose, period=stage.period, stage=stage.stage).values_list("state_id", flat=True))
        rows.append(PlannedStage(stage, purpose, [p for p in parties if p.state_id not in done], len(done)))
    campaigns = list(Campaign.objects.filter(status=CampaignStatus.PLANNED).select_related("treaty").order_by("send_on"))
    return rows, campaigns


ON_TIME, LATE, MISSING, NOT_DUE = "on_time", "late", "missing", "not_due"


@dataclass
class ComplianceRow:
    state: State
    initial: str
    years: list[tuple[int, str]] = field(default_factory=list)

    @property
    def on_time_rate(self) -> int | None:
        due = [s for _y, s in self.years if s != NOT_DUE]
        return round(100 * sum(1 for s in due if s == ON_TIME) / len(due)) if due else None


def _verdict(received: dt.date | None, deadline: dt.date | None, today: dt.date) -> str:
    if deadline is None:
        return NOT_DUE
    if received is None:
        return MISSING if today > deadline else NOT_DUE
    return ON_TIME if received <= deadline else LATE


def compliance(*, obligation: ReportingObligation, years: list[int], today: dt.date) -> list[ComplianceRow]:
    """Per State Party and year: on time, late, missing (or not yet due); and the initial report."""
    received = {
        (r.state_id, r.kind, r.period): r.received_on
        for r in ReportSubmission.objects.filter(obligation=obligation).only("state_id", "kind", "period", "received_on")
    }
    initial_received = {(sid): when for (sid, kind, _p), when in received.items() if kind == ReportKind.INITIAL}
    rows = []
    parties = TreatyParty.objects.filter(treaty_id=obligation.treaty_id).select_related("state").order_by("state__code")
    for party in parties:
        row = ComplianceRow(
            state=party.state,
            initial=_verdict(initial_received.get(party.state_id), obligation.initial_deadline(party.entry_into_force), today),
        )
        for year in years:
            if party.entry_into_force and party.entry_into_force > dt.date(year, 12, 31):
                row.years.append((year, NOT_DUE))
                continue
            row.years.append((year, _verdict(received.get((party.state_id, ReportKind.ANNUAL, year)),
                                             obligation.annual_deadline(year), today)))
        rows.append(row)
    return rows


@dataclass
class AnalyticsYear:
    year: int
    letters_by_stage: dict[str, int]
    reports_after_stage: dict[str, int]
    reports_without_letter: int
    reports_total: int


def reminder_analytics(*, obligation: ReportingObligation, years: list[int]) -> tuple[list[str], list[AnalyticsYear]]:
    """Year by year: letters sent per stage, and how many reports arrived after each stage
    (the last letter sent to that State before its report) and how many without any letter."""
    purpose = obligation_purpose(obligation)
    sent = defaultdict(list)  # (state_id, year) -> [(sent_on, stage)]
    letters = Letter.objects.filter(purpose=purpose, period__in=years, status=LetterStatus.SENT).values_list(
        "state_id", "period", "stage", "sent_at",
    )
    per_stage: dict[int, Counter] = defaultdict(Counter)
    for state_id, period, stage, sent_at in letters:
        sent[(state_id, period)].append((sent_at.date(), stage))
        per_stage[period][stage] += 1
    stages: set[str] = {stage for counter in per_stage.values() for stage in counter}
    result = []
    reports = ReportSubmission.objects.filter(obligation=obligation, kind=ReportKind.ANNUAL, period__in=years).values_list(
        "state_id", "period", "received_on",
    )
    after: dict[int, Counter] = defaultdict(Counter)
    without: Counter = Counter()
    total: Counter = Counter()
    for state_id, period, received_on in reports:
        total[period] += 1
        before = [(when, stage) for when, stage in sent.get((state_id, period), []) if when <= received_on]
        if before:
            after[period][max(before)[1]] += 1
        else:
            without[period] += 1
    order = sorted(stages, key=lambda s: (s == "overdue", -int(s.split("-")[1]) if s.startswith("reminder-") else 0))
    for year in years:
        result.append(AnalyticsYear(year, dict(per_stage[year]), dict(after[year]), without[year], total[year]))
    return order, result
