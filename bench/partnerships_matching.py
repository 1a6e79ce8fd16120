#!/usr/bin/env python
"""Benchmark of Platform matching on PostgreSQL: 20,000 needs and 20,000 offers.

    .venv/bin/python bench/partnerships_matching.py
    .venv/bin/python bench/partnerships_matching.py --needs 2000 --offers 2000 --runs 20

1. creates (if needed) the database named by --database-url (default: a separate
   `coordination_bench_partnerships` database on 127.0.0.1:5432, never the app's own),
   migrates it, and fills it with synthetic needs and offers of 150 States (bulk INSERTs)
   unless it already holds that many (--refill forces it);
2. times, over --runs subjects picked at random among open needs:
   - ranking the offers for one need (`partnerships.selectors.matching.top`, the top 20 with their score
     components: the queries behind the ranking page and the API's `matches` action);
   - finding and recording all strong matches of a newly saved entry
     (`partnerships.services.strong_matches_record`, the background task's work);
3. prints median / p95 / max against the targets (50 ms and 1 s) and the query plan of one
   ranking. Not part of the test suite.
"""

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

from pg_database import ensure_database  # bench/, the script's own folder

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/coordination_bench_partnerships"
REGIONS = ["Africa", "Americas", "Asia", "Europe", "Oceania"]


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(needs: int, offers: int, refill: bool) -> None:
    from django.db import transaction
    from django.utils import timezone
    from django_countries import countries

    from entities.models import State
    from partnerships.choices import Area, EntryStatus, Kind, Side, Visibility
    from partnerships.models import Entry, SuggestedMatch

    if not refill and Entry.objects.filter(side=Side.NEED).count() == needs and Entry.objects.filter(side=Side.OFFER).count() == offers:
        print(f"database already holds {needs} needs and {offers} offers")
        return
    rng = random.Random(20261122)
    with transaction.atomic():
        SuggestedMatch.objects.all().delete()
        Entry.history.model.objects.all().delete()
        Entry.objects.all().delete()
        codes = [code for code, _name in list(countries)[:150]]
        for index, code in enumerate(codes):
            State.objects.get_or_create(code=code, defaults={"region": REGIONS[index % len(REGIONS)], "is_un_member": True})
        states = list(State.objects.filter(code__in=codes))
        now = timezone.now()
        statuses = [EntryStatus.OPEN] * 14 + [EntryStatus.IN_DISCUSSION] * 2 + [EntryStatus.MATCHED] * 2 + [EntryStatus.FULFILLED, EntryStatus.WITHDRAWN]

        def entry(side: str) -> Entry:
            kind = rng.choice(Kind.values)
            start = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
            financial = kind == Kind.FINANCIAL
            target = rng.random()
            return Entry(
                side=side, state=rng.choice(states), kind=kind, area=rng.choice(Area.values),
                title=f"Synthetic {side} {rng.randrange(10**6)}", description="Synthetic benchmark entry.",
                amount=Decimal(rng.randrange(10_000, 2_000_000)) if financial else None,
                currency=rng.choice(["USD", "USD", "EUR", "CHF"]) if financial else "",
                period_start=start if rng.random() < 0.8 else None,
                period_end=start + dt.timedelta(days=rng.randrange(90, 1100)) if rng.random() < 0.8 else None,
                target_state=rng.choice(states) if side == Side.OFFER and target < 0.2 else None,
                target_region=rng.choice(REGIONS) if side == Side.OFFER and 0.2 <= target < 0.5 else "",
                status=rng.choice(statuses), visibility=rng.choice([Visibility.PUBLIC] * 8 + [Visibility.PARTIES, Visibility.SECRETARIAT]),
                confirmed_at=now - dt.timedelta(days=rng.randrange(0, 730)),
            )

        Entry.objects.bulk_create([entry(Side.NEED) for _ in range(needs)], batch_size=2000)
        Entry.objects.bulk_create([entry(Side.OFFER) for _ in range(offers)], batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"filled {needs} needs and {offers} offers")


def timed(function, subjects) -> list[float]:
    durations = []
    for subject in subjects:
        started = time.perf_counter()
        function(subject)
        durations.append((time.perf_counter() - started) * 1000)
    return durations


def summary(name: str, durations: list[float], target_ms: float) -> str:
    ordered = sorted(durations)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    verdict = "meets" if p95 < target_ms else "MISSES"
    return (f"| {name} | {len(durations)} | {statistics.median(ordered):.1f} | {p95:.1f} | {ordered[-1]:.1f} "
            f"| < {target_ms:.0f} | {verdict} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--needs", type=int, default=20_000)
    parser.add_argument("--offers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--refill", action="store_true")
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        sys.exit("This benchmark runs on PostgreSQL (--database-url postgres://...).")
    ensure_database(args.database_url)
    setup_django(args.database_url)
    fill(args.needs, args.offers, args.refill)

    from django.db import connection

    from partnerships.selectors import matching
    from partnerships.choices import ACTIVE_STATUSES, Side
    from partnerships.models import Entry
    from partnerships.services import strong_matches_record

    rng = random.Random(7)
    pool = list(Entry.objects.filter(side=Side.NEED, status__in=ACTIVE_STATUSES).values_list("pk", flat=True))
    subjects = [Entry.objects.select_related("state").get(pk=pk) for pk in rng.sample(pool, args.runs)]
    candidates = [matching.candidates(s).count() for s in subjects[:10]]
    timed(lambda s: matching.top(s, limit=20), subjects[:5])  # warm the caches
    ranking = timed(lambda s: matching.top(s, limit=20), subjects)
    strong = timed(lambda s: strong_matches_record(entry_id=s.pk), subjects)
    recorded = [strong_matches_record(entry_id=s.pk) for s in subjects[:10]]
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(",")[0]
        columns = [f"score_{name}" for name in matching.COMPONENTS] + ["score"]
        sql, params = matching.ranked(subjects[0]).values_list("pk", *columns)[:20].query.sql_with_params()
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'")
        active = cursor.fetchone()[0]
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {active} active PostgreSQL sessions")
    print(f"\n{version}; {args.needs} needs, {args.offers} offers; candidates per need (first 10): "
          f"{min(candidates)}-{max(candidates)}; strong matches recorded (first 10): {recorded}\n")
    print("| operation | runs | median ms | p95 ms | max ms | target ms | |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    print(summary("rank the offers for one need (top 20)", ranking, 50))
    print(summary("find and record all strong matches of a saved entry", strong, 1000))
    print("\nPlan of one ranking:\n" + plan)


if __name__ == "__main__":
    main()
