"""Letters benchmark: (1) one scheduling step creating and queueing 10,000 letters on
PostgreSQL + Redis, and its rerun; (2) one Celery worker rendering PDFs and sending to a
local SMTP server.

Run (creates and drops its own database `letters_bench`, uses Redis db 14):

    bench/letters_bench.sh

The 10,000 synthetic recipients are 16 synthetic treaties x 625 synthetic States Parties
(two-letter codes AA..ZZ), each with a focal point, so the real scheduling step runs: one
reminder stage per treaty is due on the day.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import signal
import string
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from entities.models import FocalPoint, ReportingObligation, State, Treaty, TreatyParty  # noqa: E402
from letters.models import Letter, LetterStatus, ReminderPlan  # noqa: E402
from letters.services.scheduling import letters_schedule  # noqa: E402

TREATIES, STATES = 16, 625
DAY = dt.date(2027, 3, 1)
SEND_LETTERS = int(os.environ.get("BENCH_SEND_LETTERS", "600"))


def populate() -> None:
    codes = ["".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2)][:STATES]
    State.objects.bulk_create([State(code=code) for code in codes], ignore_conflicts=True)
    states = list(State.objects.filter(code__in=codes))
    FocalPoint.objects.bulk_create([
        FocalPoint(name=f"Focal point {s.code}", email=f"focal@{str(s.code).lower()}.example.org",
                   language=("en", "fr", "es")[i % 3], state=s)
        for i, s in enumerate(states)
    ])
    for n in range(TREATIES):
        treaty = Treaty.objects.create(name=f"Synthetic convention {n}", short_name=f"SYN{n}")
        obligation = ReportingObligation.objects.create(
            treaty=treaty, code="article-7", name="Article 7 transparency report", article="7",
            initial_report_days=180, annual_due_month=4, annual_due_day=30,
        )
        ReminderPlan.objects.create(obligation=obligation)
        TreatyParty.objects.bulk_create([TreatyParty(treaty=treaty, state=s) for s in states])


def bench_queue() -> None:
    started, cpu = time.perf_counter(), time.process_time()
    dry = letters_schedule(today=DAY, dry_run=True)
    print(f"  of which choosing and rendering ({len(dry.drafts)} drafts, dry run): {time.perf_counter() - started:.2f} s")
    started, cpu = time.perf_counter(), time.process_time()
    first = letters_schedule(today=DAY)
    elapsed = time.perf_counter() - started
    print(f"scheduling step: {first.created} letters created and handed off in {elapsed:.2f} s "
          f"({first.created / elapsed:.0f} letters/s; {time.process_time() - cpu:.2f} s CPU in this process)")
    started = time.perf_counter()
    again = letters_schedule(today=DAY)
    print(f"rerun: {again.created} created, {again.already} already there, {time.perf_counter() - started:.2f} s")


def bench_send() -> None:
    from tests.letters.smtp_server import SmtpServer

    import redis

    redis.Redis.from_url(settings.REDIS_URL).delete(settings.LETTERS_QUEUE)  # drop the 10,000 hand-offs above
    # Send SEND_LETTERS of them through one real worker.
    keep = list(Letter.objects.order_by("pk").values_list("pk", flat=True)[:SEND_LETTERS])
    Letter.objects.exclude(pk__in=keep).update(status=LetterStatus.CANCELLED)
    smtp = SmtpServer()
    smtp.start()
    db = connection.settings_dict
    env = {**os.environ, "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1",
           "EMAIL_PORT": str(smtp.port), "LETTERS_QUEUE": settings.LETTERS_QUEUE}
    pool = os.environ.get("BENCH_WORKER_POOL", "solo")  # "solo": one process; "prefork": one worker, one child per core
    worker = subprocess.Popen(
        [str(ROOT / ".venv/bin/celery"), "-A", "config", "worker", "-P", pool, "-Q", settings.LETTERS_QUEUE,
         "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )
    try:
        time.sleep(4)  # worker start-up, not part of the measure
        from letters.services.outbox import hand_off

        started = time.perf_counter()
        hand_off(keep)
        while smtp.handler.total < len(keep):
            time.sleep(0.05)
            if time.perf_counter() - started > 300:
                break
        elapsed = time.perf_counter() - started
        print(f"one worker ({pool}): {smtp.handler.total} letters with PDF sent in {elapsed:.2f} s "
              f"({smtp.handler.total / elapsed:.1f} letters/s); duplicates at the server: {len(smtp.handler.duplicates())}")
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        smtp.stop()
        from tests.letters.test_real_worker import forget_queue

        forget_queue(settings.REDIS_URL, settings.LETTERS_QUEUE)
    print(f"database: {db['ENGINE'].rsplit('.', 1)[-1]}, broker: {settings.CELERY_BROKER_URL.split('@')[-1]}")


if __name__ == "__main__":
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    populate()
    bench_queue()
    bench_send()
