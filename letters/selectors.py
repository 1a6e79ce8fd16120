"""Reads with their joins: the outbox, the plan, compliance and reminder analytics."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from entities.access import Actor
from entities.models import FocalPoint, ReportingObligation, State, TreatyParty
from letters import deadlines
from letters.models import Campaign, CampaignStatus, Letter, LetterStatus, ReportKind, ReportSubmission, TemplateKind
from letters.services.outbox import recipients_check
from letters.services.scheduling import (
    CLEARANCE_PURPOSE,
    STAGE_HORIZON_DAYS,
    Stage,
    obligation_label,
    obligation_purpose,
    parties_owing,
    stages_between,
    stages_due,
    states_with_address,
    topic_label,
)


def letters_list() -> QuerySet[Letter]:
    return Letter.objects.select_related("state", "entity").defer("body")


def letters_for(actor: Actor) -> QuerySet[Letter]:
    """The outbox as the actor may see it (Letter.objects.visible_to: ISU staff only)."""
    return letters_list().visible_to(actor)


def status_counts(queryset: QuerySet[Letter]) -> dict[str, int]:
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("id")))
    return {value: counts.get(value, 0) for value in LetterStatus.values}


def reports_list() -> QuerySet[ReportSubmission]:
    return ReportSubmission.objects.select_related("state", "obligation__treaty", "recorded_by")


def reports_for(actor: Actor) -> QuerySet[ReportSubmission]:
    """The reports received the actor may see (ReportSubmission.objects.visible_to)."""
    return reports_list().visible_to(actor)


def article7() -> ReportingObligation | None:
    return ReportingObligation.objects.select_related("treaty").filter(code="article-7").order_by("pk").first()


@dataclass
class AddressProblem:
    state: State
    focal_point: FocalPoint | None
    problem: str


def address_problems() -> list[AddressProblem]:
    """States Parties whose focal points give no usable address, or a malformed one. Only the
    active focal points that receive letters count: they are the ones letters go to."""
    problems = []
    party_states = State.objects.filter(treaty_parties__isnull=False).distinct().order_by("code").prefetch_related("focal_points")
    for state in party_states:
        points = [fp for fp in state.focal_points.all() if fp.is_active and fp.receives_letters]
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
    rows = [_planned(stage) for stage in stages_between(today - dt.timedelta(days=7), today + dt.timedelta(days=days))]
    campaigns = list(Campaign.objects.filter(status=CampaignStatus.PLANNED).select_related("treaty").order_by("send_on"))
    return rows, campaigns


def _planned(stage: Stage) -> PlannedStage:
    """The States Parties a stage would still write to, and how many letters it already has."""
    purpose = obligation_purpose(stage.plan.obligation)
    parties = list(parties_owing(stage).select_related("state"))
    done = set(Letter.objects.filter(purpose=purpose, period=stage.period, stage=stage.stage).values_list("state_id", flat=True))
    return PlannedStage(stage, purpose, [p for p in parties if p.state_id not in done], len(done))


@dataclass
class StageSummary:
    """A reminder stage on the staff "Reminder stages" page: the letters it would send now."""

    planned: PlannedStage
    due: bool
    with_address: int = 0

    @property
    def stage(self) -> Stage:
        return self.planned.stage

    @property
    def letters(self) -> int:
        return len(self.planned.parties)

    @property
    def no_recipient(self) -> int:
        return self.letters - self.with_address

    @property
    def already(self) -> int:
        return self.planned.already


def stages_overview(*, today: dt.date, days: int = STAGE_HORIZON_DAYS) -> tuple[list[StageSummary], list[StageSummary]]:
    """The stages due today (as the daily step sees them) and those starting in the coming
    days, each with how many of its letters would reach an address. Two queries per stage
    and one for every focal point, whatever the number of States."""
    due = [StageSummary(_planned(stage), due=True) for stage in stages_due(today)]
    coming = [StageSummary(_planned(stage), due=False)
              for stage in stages_between(today + dt.timedelta(days=1), today + dt.timedelta(days=days))]
    summaries = due + coming
    reachable = states_with_address({party.state_id for summary in summaries for party in summary.planned.parties})
    for summary in summaries:
        summary.with_address = sum(1 for party in summary.planned.parties if party.state_id in reachable)
    return due, coming


# Messages sent through the outbox that have no template kind, in words (their purposes are
# fixed strings); a kind's purpose is named by the kind's label (letters.models.templates).
PURPOSE_LABELS = {
    CLEARANCE_PURPOSE: _("Article 5: clearance of mined areas"),
}


class Topics:
    """What letters are about, in words ("Article 7 report — reminder 60 days before the
    deadline, 2026"), never their purpose and stage codes. The reporting obligations are read
    once (one query), on first use."""

    def __init__(self) -> None:
        self._obligations: dict[str, ReportingObligation] | None = None

    def __call__(self, purpose: str, stage: str = "", period: int | None = None) -> str:
        if self._obligations is None:
            self._obligations = {obligation_purpose(o): o for o in ReportingObligation.objects.select_related("treaty")}
        obligation = self._obligations.get(purpose)
        if obligation is not None:
            words = obligation_label(obligation)
        else:
            words = dict(TemplateKind.choices).get(purpose, PURPOSE_LABELS.get(purpose, _("Other message")))
        return topic_label(str(words), stage, period)

    def annotate(self, letters: Iterable[Letter]) -> list[Letter]:
        """Sets `topic` on each letter, for the letter tables."""
        letters = list(letters)
        for letter in letters:
            letter.topic = self(letter.purpose, letter.stage, letter.period)
        return letters


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


def compliance(
    *, obligation: ReportingObligation, years: list[int], today: dt.date, region: str = "", status: str = "",
) -> list[ComplianceRow]:
    """Per State Party and year: on time, late, missing (or not yet due); and the initial report.

    Sorted by the State's name in the active language (so "Égypte" sorts with E); `region`
    keeps the States of one region, `status` those with at least one report in that status
    among the columns shown. Two queries, whatever the number of States."""
    from entities.views.directory import by_name  # the directory's sort key; a view module, so not at import time

    received = {
        (r.state_id, r.kind, r.period): r.received_on
        for r in ReportSubmission.objects.filter(obligation=obligation)
        .filter(Q(kind=ReportKind.INITIAL) | Q(period__in=years))
        .only("state_id", "kind", "period", "received_on")
    }
    initial_received = {(sid): when for (sid, kind, _p), when in received.items() if kind == ReportKind.INITIAL}
    rows = []
    parties = TreatyParty.objects.filter(treaty_id=obligation.treaty_id).select_related("state")
    if region:
        parties = parties.filter(state__region=region)
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
        if not status or row.initial == status or any(verdict == status for _y, verdict in row.years):
            rows.append(row)
    rows.sort(key=lambda row: by_name(row.state))
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


# --- Start pages -------------------------------------------------------------------------------

# Letters that wait for staff: nobody to send them to, or sending gave up after its retries.
NEEDS_ATTENTION = (LetterStatus.NO_RECIPIENT, LetterStatus.FAILED)


def letters_needing_attention(*, actor: Actor) -> QuerySet[Letter]:
    return letters_list().filter(status__in=NEEDS_ATTENTION).visible_to(actor)


def reports_received_since(*, actor: Actor, since: dt.date) -> QuerySet[ReportSubmission]:
    return reports_list().filter(received_on__gte=since).visible_to(actor).order_by("-received_on", "-pk")


def letters_to_own_state(*, actor: Actor) -> QuerySet[Letter]:
    """The letters addressed to a State focal point's own State, never another State's.

    The outbox itself stays staff-only (Letter.visible_to); a focal point still sees that a letter
    went to its State, when, and how it fared. Only what the start page shows is loaded, never
    the body. Cancelled letters were never meant to reach the State, so they are left out.
    """
    if not (actor.is_state_focal_point and actor.state_id):
        return Letter.objects.none()
    return (
        Letter.objects.filter(state_id=actor.state_id).exclude(status=LetterStatus.CANCELLED)
        .only("id", "state_id", "subject", "status", "sent_at", "created_at")
        .order_by("-created_at", "-id")
    )


@dataclass
class ReportingYear:
    year: int
    deadline: dt.date | None
    verdict: str
    received_on: dt.date | None


@dataclass
class StateReporting:
    """One State's article 7 reporting as its focal point needs it: what is due next, and whether
    the previous reports arrived (the compliance page's verdicts, for this State only)."""

    obligation: ReportingObligation
    entry_into_force: dt.date | None
    initial_deadline: dt.date | None
    initial_verdict: str
    initial_received_on: dt.date | None
    next_year: int | None
    next_deadline: dt.date | None
    next_received_on: dt.date | None
    previous: list[ReportingYear] = field(default_factory=list)


def state_reporting(*, actor: Actor, today: dt.date, years: int = 3) -> StateReporting | None:
    """The article 7 deadlines of a State focal point's own State; None when it has none (not a
    State Party, or no obligation set up). Three queries."""
    if not (actor.is_state_focal_point and actor.state_id):
        return None
    obligation = article7()
    if obligation is None:
        return None
    party = TreatyParty.objects.filter(treaty_id=obligation.treaty_id, state_id=actor.state_id).only("entry_into_force").first()
    if party is None:
        return None
    entry = party.entry_into_force
    received: dict[tuple[str, int], dt.date] = {
        (r.kind, r.period): r.received_on
        for r in ReportSubmission.objects.filter(obligation=obligation, state_id=actor.state_id).visible_to(actor)
        .only("kind", "period", "received_on")
    }
    initial_received = next((when for (kind, _p), when in received.items() if kind == ReportKind.INITIAL), None)
    initial_deadline = obligation.initial_deadline(entry)
    reporting = StateReporting(
        obligation=obligation, entry_into_force=entry, initial_deadline=initial_deadline,
        initial_verdict=_verdict(initial_received, initial_deadline, today), initial_received_on=initial_received,
        next_year=None, next_deadline=None, next_received_on=None,
    )
    if obligation.annual_deadline(today.year) is None:
        return reporting
    # The next report due covers last year until its deadline has passed, then this year; never
    # a year before the Convention entered into force for the State (as on the compliance page).
    year = today.year - 1 if today <= obligation.annual_deadline(today.year - 1) else today.year
    if entry and entry > dt.date(year, 12, 31):
        year = entry.year
    reporting.next_year = year
    reporting.next_deadline = obligation.annual_deadline(year)
    reporting.next_received_on = received.get((ReportKind.ANNUAL, year))
    for previous in range(year - 1, year - 1 - years, -1):
        if entry and entry > dt.date(previous, 12, 31):
            break
        deadline = obligation.annual_deadline(previous)
        when = received.get((ReportKind.ANNUAL, previous))
        reporting.previous.append(ReportingYear(previous, deadline, _verdict(when, deadline, today), when))
    return reporting


# --- Deadlines under the Convention (articles 7, 4, 5 and 20) ------------------------------------

ARTICLE_7_INITIAL, ARTICLE_7_ANNUAL, ARTICLE_4, ARTICLE_5 = "article-7-initial", "article-7-annual", "article-4", "article-5"
OBLIGATIONS = (ARTICLE_7_INITIAL, ARTICLE_7_ANNUAL, ARTICLE_4, ARTICLE_5)
OBLIGATION_LABELS = {
    ARTICLE_7_INITIAL: _("Article 7: initial transparency report"),
    ARTICLE_7_ANNUAL: _("Article 7: annual transparency report"),
    ARTICLE_4: _("Article 4: destruction of stockpiled mines"),
    ARTICLE_5: _("Article 5: clearance of mined areas"),
}
STATUS_LABELS = {
    deadlines.UPCOMING: _("upcoming"), deadlines.DUE: _("due"), deadlines.MET: _("met"),
    deadlines.COMPLETED: _("completed"), deadlines.OVERDUE: _("overdue"), deadlines.ENDED: _("ended by withdrawal"),
}
STEP_LABELS = {"entry_into_force": _("entry into force"), "extension": _("extension granted")}
# Annual reports listed: the one due next and those of the previous years, back this far.
ANNUAL_YEARS_BACK = 5


@dataclass
class Deadline:
    """One deadline a State Party owes, with its status and how it got there."""

    party: TreatyParty
    obligation: str
    due_on: dt.date
    status: str
    period: int | None = None  # the calendar year an annual report covers
    met_on: dt.date | None = None  # report received, or completion declared
    ends_on: dt.date | None = None  # the withdrawal takes effect
    steps: list[deadlines.Step] = field(default_factory=list)

    @property
    def state(self) -> State:
        return self.party.state

    @property
    def label(self) -> str:
        return str(OBLIGATION_LABELS[self.obligation])

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def _report_states(actor: Actor) -> int | None | bool:
    """Whose article 7 rows an actor may see, as ReportSubmission.visible_to decides for the reports they are
    computed from: True for every State, a State id for its own only, False for none."""
    if actor.is_isu_staff or actor.is_api_client:
        return True
    if actor.is_state_focal_point and actor.state_id:
        return actor.state_id
    return False


def _article7_rows(party: TreatyParty, obligation: ReportingObligation, received: dict, ends_on, today) -> list[Deadline]:
    entry = party.entry_into_force
    rows = []
    initial = obligation.initial_deadline(entry)
    if initial:
        met = received.get((party.state_id, ReportKind.INITIAL))
        rows.append(Deadline(party, ARTICLE_7_INITIAL, initial, deadlines.report_status(
            deadline=initial, received_on=met, ends_on=ends_on, today=today), met_on=met, ends_on=ends_on,
            steps=[deadlines.Step("entry_into_force", entry, initial)]))
    if obligation.annual_deadline(today.year) is None:
        return rows
    # Up to the report due next (last year's until its deadline has passed), as state_reporting.
    last = today.year - 1 if today <= obligation.annual_deadline(today.year - 1) else today.year
    for year in range(max(entry.year, last - ANNUAL_YEARS_BACK), last + 1):
        due = obligation.annual_deadline(year)
        met = received.get((party.state_id, ReportKind.ANNUAL, year))
        rows.append(Deadline(party, ARTICLE_7_ANNUAL, due, deadlines.report_status(
            deadline=due, received_on=met, ends_on=ends_on, today=today), period=year, met_on=met, ends_on=ends_on))
    return rows


def _destruction_rows(party: TreatyParty, ends_on, today) -> list[Deadline]:
    rows = []
    entry = party.entry_into_force
    for record in party.destruction_obligations.all():
        if record.kind == ARTICLE_4:
            due = deadlines.article4_deadline(entry)
            steps = [deadlines.Step("entry_into_force", entry, due)]
        else:
            facts = [deadlines.ExtensionFact(e.decided_on, e.new_deadline, e.decision, e.meeting, e.months_granted)
                     for e in record.extensions.all()]
            computed = deadlines.article5_deadline(entry, facts)
            due, steps = computed.deadline, computed.steps
        status = deadlines.destruction_status(deadline=due, completed_on=record.completed_on, ends_on=ends_on, today=today)
        rows.append(Deadline(party, record.kind, due, status, met_on=record.completed_on, ends_on=ends_on, steps=steps))
    return rows


def deadlines_list(*, actor: Actor, today: dt.date, state_id: int | None = None) -> list[Deadline]:
    """Every deadline of every State Party to the Convention (or of one State), computed from the
    dates of entry into force and the facts recorded, sorted by due date. Five queries, whatever
    the number of States. Articles 4, 5 and 20 facts are public (the States declare them in their
    public article 7 reports and the Meetings decide in public), as the States Parties list is;
    article 7 rows follow who may see the reports received (ReportSubmission.visible_to)."""
    from letters.services.obligations import CONVENTION

    parties = (
        TreatyParty.objects.filter(treaty__short_name=CONVENTION, entry_into_force__isnull=False)
        .select_related("state", "treaty", "withdrawal")
        .prefetch_related("destruction_obligations__extensions")
        .order_by("state__code")
    )
    if state_id is not None:
        parties = parties.filter(state_id=state_id)
    parties = list(parties)
    reports_for = _report_states(actor)
    obligation = article7() if reports_for is not False else None
    received: dict[tuple, dt.date] = {}
    if obligation is not None:
        submissions = ReportSubmission.objects.filter(obligation=obligation, state_id__in=[p.state_id for p in parties])
        if reports_for is not True:
            submissions = submissions.filter(state_id=reports_for)
        for sid, kind, period, when in submissions.values_list("state_id", "kind", "period", "received_on"):
            received[(sid, kind) if kind == ReportKind.INITIAL else (sid, kind, period)] = when
    rows: list[Deadline] = []
    for party in parties:
        withdrawal = getattr(party, "withdrawal", None)
        ends_on = withdrawal.effective_on if withdrawal else None
        if obligation is not None and (reports_for is True or reports_for == party.state_id):
            rows += _article7_rows(party, obligation, received, ends_on, today)
        rows += _destruction_rows(party, ends_on, today)
    rows.sort(key=lambda row: (row.due_on, row.state.code.code, OBLIGATIONS.index(row.obligation)))
    return rows


def deadlines_filter(
    rows: list[Deadline], *, obligation: str = "", status: str = "", due_after: dt.date | None = None,
    due_before: dt.date | None = None,
) -> list[Deadline]:
    """The API's and the overview's filters; `article-7` matches both kinds of report."""
    def keep(row: Deadline) -> bool:
        return (
            (not obligation or row.obligation == obligation or row.obligation.startswith(obligation + "-"))
            and (not status or row.status == status)
            and (due_after is None or row.due_on >= due_after)
            and (due_before is None or row.due_on <= due_before)
        )
    return [row for row in rows if keep(row)]


@dataclass
class ObligationsOverview:
    """The secretariat's view: States Parties by obligation and status, and what falls due soon."""

    counts: list[tuple[str, list[int]]]  # (obligation label, [count per status])
    statuses: list[str]
    coming: list[Deadline]
    by_year: list[tuple[int, int, int]]  # (year, article 4 deadlines, article 5 deadlines)
    withdrawals: list[TreatyParty]


def obligations_overview(*, actor: Actor, today: dt.date, months: int = 12) -> ObligationsOverview:
    rows = deadlines_list(actor=actor, today=today)
    statuses = [str(STATUS_LABELS[s]) for s in deadlines.STATUSES]
    counts = []
    for code in OBLIGATIONS:
        per_status = Counter(row.status for row in rows if row.obligation == code)
        counts.append((str(OBLIGATION_LABELS[code]), [per_status.get(s, 0) for s in deadlines.STATUSES]))
    until = deadlines.add_months(today, months)
    open_statuses = {deadlines.UPCOMING, deadlines.DUE, deadlines.OVERDUE}
    coming = [row for row in rows if today <= row.due_on <= until and row.status in open_statuses]
    years: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        if row.obligation in (ARTICLE_4, ARTICLE_5) and row.status in open_statuses:
            years[row.due_on.year][row.obligation] += 1
    by_year = [(year, years[year][ARTICLE_4], years[year][ARTICLE_5]) for year in sorted(years)]
    withdrawals = sorted({row.party.pk: row.party for row in rows if row.ends_on}.values(), key=lambda p: p.withdrawal.effective_on)
    return ObligationsOverview(counts, statuses, coming, by_year, withdrawals)


def state_obligations(*, actor: Actor, state: State, today: dt.date) -> dict:
    """One State's page: its deadlines, its withdrawal, the facts recorded (with the extension
    milestones), and the challenges and Platform entries mapped to articles 4 and 5 that the
    actor may see."""
    from letters.models import DestructionObligation, Withdrawal
    from partnerships.choices import Area, Obligation
    from partnerships.selectors import challenges_for, entries_for

    rows = deadlines_list(actor=actor, today=today, state_id=state.pk)
    facts = list(
        DestructionObligation.objects.filter(party__state=state, party__treaty__short_name="APMBC")
        .prefetch_related("extensions").order_by("kind")
    )
    withdrawal = Withdrawal.objects.filter(party__state=state, party__treaty__short_name="APMBC").first()
    challenges = list(challenges_for(actor).filter(state=state, obligation__in=[Obligation.ARTICLE_4, Obligation.ARTICLE_5]))
    entries = list(entries_for(actor).filter(state=state, area__in=[Area.STOCKPILE_DESTRUCTION, Area.MINE_CLEARANCE]))
    return {"deadlines": rows, "facts": facts, "withdrawal": withdrawal, "challenges": challenges, "entries": entries}
