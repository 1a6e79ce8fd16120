"""Ranking offers for a need (and needs for an offer) in the database.

A selector, not a service: it only reads and computes (annotated querysets and the reasons
shown beside a score) and saves nothing. The services that record matches
(services.matches) call it to score a pair before they write.

The score (0-100) is the sum of six components, each an SQL CASE expression annotated on the
candidate queryset, so ranking never loops over entries in Python. See docs/partnerships.md.

| component | points |
| --- | --- |
| same area | 30 |
| same kind of assistance | 25 |
| the offer names the need's State (15) or its region (10) | 0-15 |
| amount: the offer covers the need in full (15) or at least half (8), same currency | 0-15 |
| period: both periods known and overlapping (10), cannot be ruled out (5), disjoint (0) | 0-10 |
| recency of the candidate's confirmation: 90 days (5), twelve months (2) | 0-5 |

Candidates are active entries on the other side, of another State, that share the area or the
kind (an entry sharing neither scores at most 45 and is never a useful match).
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import ACTIVE_STATUSES, Side
from ..models import Entry

POINTS = {"area": 30, "kind": 25, "geography": 15, "amount": 15, "period": 10, "recency": 5}
STRONG_MATCH = 70  # a score at or above this is a strong match, recorded for staff
COMPONENTS = tuple(POINTS)


def _case(*whens, default=0):
    return Case(*whens, default=Value(default), output_field=IntegerField())


def _period_case(subject: Entry):
    start, end = subject.period_start, subject.period_end
    disjoint = Q(pk__in=[])
    if end:
        disjoint |= Q(period_start__gt=end)
    if start:
        disjoint |= Q(period_end__lt=start)
    whens = [When(disjoint, then=Value(0))]
    if start and end:
        whens.append(When(period_start__isnull=False, period_end__isnull=False, then=Value(POINTS["period"])))
    return _case(*whens, default=POINTS["period"] // 2)


def _recency_case(now: dt.datetime):
    return _case(
        When(confirmed_at__gte=now - dt.timedelta(days=90), then=Value(POINTS["recency"])),
        When(confirmed_at__gte=now - dt.timedelta(days=365), then=Value(2)),
    )


def _geography_case(subject: Entry):
    if subject.side == Side.NEED:
        region = subject.state.region
        whens = [When(target_state_id=subject.state_id, then=Value(15))]
        if region:
            whens.append(When(target_region=region, then=Value(10)))
        return _case(*whens)
    whens = []
    if subject.target_state_id:
        whens.append(When(state_id=subject.target_state_id, then=Value(15)))
    if subject.target_region:
        whens.append(When(state__region=subject.target_region, then=Value(10)))
    return _case(*whens) if whens else Value(0, output_field=IntegerField())


def _amount_case(subject: Entry):
    if subject.amount is None or not subject.currency:
        return Value(0, output_field=IntegerField())
    same = Q(currency=subject.currency)
    if subject.side == Side.NEED:
        full, half = Q(amount__gte=subject.amount), Q(amount__gte=subject.amount / 2)
    else:
        full, half = Q(amount__lte=subject.amount), Q(amount__lte=subject.amount * 2)
    return _case(When(same & full, then=Value(15)), When(same & half, then=Value(8)))


def candidates(subject: Entry, queryset: QuerySet | None = None) -> QuerySet:
    """Active entries on the other side that share the subject's area or kind."""
    other = Side.OFFER if subject.side == Side.NEED else Side.NEED
    queryset = queryset if queryset is not None else Entry.objects.all()
    return (
        queryset.filter(side=other, status__in=ACTIVE_STATUSES)
        .filter(Q(area=subject.area) | Q(kind=subject.kind))
        .exclude(state_id=subject.state_id)
    )


def ranked(subject: Entry, queryset: QuerySet | None = None, *, now: dt.datetime | None = None) -> QuerySet:
    """Candidates annotated with `score_<component>` and `score`, best first."""
    now = now or timezone.now()
    return (
        candidates(subject, queryset)
        .annotate(
            score_area=_case(When(area=subject.area, then=Value(POINTS["area"]))),
            score_kind=_case(When(kind=subject.kind, then=Value(POINTS["kind"]))),
            score_geography=_geography_case(subject),
            score_amount=_amount_case(subject),
            score_period=_period_case(subject),
            score_recency=_recency_case(now),
        )
        .annotate(
            score=F("score_area") + F("score_kind") + F("score_geography") + F("score_amount")
            + F("score_period") + F("score_recency")
        )
        .order_by("-score", "-confirmed_at", "-id")
    )


def top(subject: Entry, queryset: QuerySet | None = None, *, limit: int = 20) -> list[Entry]:
    """The best `limit` candidates with their score components, in two queries.

    The ranking query returns narrow rows (id, components, score) rather than whole annotated
    entries, which PostgreSQL sorts much faster (see docs/benchmarks.md); the winners are then
    loaded by id and given their components.
    """
    columns = [f"score_{name}" for name in COMPONENTS] + ["score"]
    best = list(ranked(subject, queryset).values_list("pk", *columns)[:limit])
    if not best:
        return []
    by_pk = Entry.objects.select_related("state", "target_state").in_bulk([row[0] for row in best])
    rows = []
    for pk, *values in best:
        entry = by_pk[pk]
        for column, value in zip(columns, values, strict=True):
            setattr(entry, column, value)
        rows.append(entry)
    return rows


def strong(subject: Entry, queryset: QuerySet | None = None) -> QuerySet:
    return ranked(subject, queryset).filter(score__gte=STRONG_MATCH)


@dataclass(frozen=True)
class Reason:
    component: str
    points: int
    maximum: int
    text: str


def reasons(subject: Entry, candidate: Entry) -> list[Reason]:
    """Why a candidate got its score, one line per component (for the ranking page)."""
    need, offer = (subject, candidate) if subject.side == Side.NEED else (candidate, subject)
    rows = []

    def add(component, text):
        rows.append(Reason(component, getattr(candidate, f"score_{component}"), POINTS[component], text))

    add("area", _("Same area") if candidate.score_area else _("Different area"))
    add("kind", _("Same kind of assistance") if candidate.score_kind else _("Different kind of assistance"))
    if candidate.score_geography == 15:
        add("geography", _("The offer names the State in need"))
    elif candidate.score_geography:
        add("geography", _("The offer names the region of the State in need"))
    else:
        add("geography", _("The offer names neither the State nor its region"))
    if candidate.score_amount == 15:
        add("amount", _("The offer covers the amount needed"))
    elif candidate.score_amount:
        add("amount", _("The offer covers at least half of the amount needed"))
    elif need.amount is None or offer.amount is None:
        add("amount", _("No amount to compare"))
    elif need.currency != offer.currency:
        add("amount", _("Amounts are in different currencies"))
    else:
        add("amount", _("The offer covers less than half of the amount needed"))
    if candidate.score_period == POINTS["period"]:
        add("period", _("The periods overlap"))
    elif candidate.score_period:
        add("period", _("A period is not given, so an overlap cannot be ruled out"))
    else:
        add("period", _("The periods do not overlap"))
    if candidate.score_recency == POINTS["recency"]:
        add("recency", _("Confirmed as current in the last 90 days"))
    elif candidate.score_recency:
        add("recency", _("Confirmed as current in the last twelve months"))
    else:
        add("recency", _("Not confirmed for over a year"))
    return rows

