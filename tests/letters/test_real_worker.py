"""Fault tests with a REAL Celery worker process, the real Redis and a real SMTP server.

The worker runs as `celery -A config worker` in a subprocess, pointed at the test database
(PostgreSQL: a separate process needs a shared database), at a queue of its own on Redis, and
at an aiosmtpd server on a loopback port started here. After each fault, every expected
letter was accepted once by the SMTP server and none twice (counted by Message-ID there).
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from letters.models import Letter, LetterStatus
from letters.services.outbox import hand_off
from letters.services.sending import letters_stalled
from letters.services.scheduling import letters_schedule
from tests.factories import FocalPointFactory, ReminderPlanFactory, ReportingObligationFactory, StateFactory, TreatyPartyFactory

from .smtp_server import SmtpServer

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
CELERY = ROOT / ".venv" / "bin" / "celery"
CODES = ["AF", "AL", "DZ", "AD", "AO", "AG", "AR", "AM", "AU", "AT", "BS", "BH", "BD", "BB", "BY",
         "BE", "BZ", "BJ", "BT", "BO", "BA", "BW", "BR", "BN", "BG", "BF", "BI", "KH", "CM", "CA"]
SEND_DAY = dt.date(2027, 3, 1)


@pytest.fixture
def queue(settings):
    name = f"letters-test-{uuid.uuid4().hex[:8]}"
    settings.LETTERS_QUEUE = name
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.LETTERS_CLAIM_LEASE_SECONDS = 3  # as in the workers' environment below
    return name


@pytest.fixture
def smtp():
    server = SmtpServer()
    yield server
    server.stop()


@pytest.fixture
def parties(transactional_db):
    """30 States Parties, none has reported for 2026, each with one focal point."""
    obligation = ReportingObligationFactory()
    ReminderPlanFactory(obligation=obligation)
    for index, code in enumerate(CODES):
        state = StateFactory(code=code)
        TreatyPartyFactory(treaty=obligation.treaty, state=state, entry_into_force=dt.date(1999, 3, 1))
        FocalPointFactory(state=state, email=f"focal@{code.lower()}.example.org", language=("en", "fr", "es")[index % 3])
    return obligation


def _service_env(queue: str, smtp_port: int) -> dict[str, str]:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_TIMEOUT": "5",
        "LETTERS_QUEUE": queue,
        "LETTERS_RETRY_BASE_SECONDS": "1",
        "LETTERS_RETRY_MAX_SECONDS": "2",
        "LETTERS_CLAIM_LEASE_SECONDS": "3",
        "LETTERS_MAX_ATTEMPTS": "20",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    if db.get("PASSWORD"):
        env["DATABASE_URL"] = env["DATABASE_URL"].replace("@", f":{db['PASSWORD']}@", 1)
    return env


class Workers:
    """Starts real worker processes and always stops them (SIGKILL) at the end."""

    def __init__(self, queue: str, smtp_port: int):
        self.queue, self.smtp_port = queue, smtp_port
        self.processes: list[subprocess.Popen] = []
        self.logs: list[Path] = []

    def start(self, name: str) -> subprocess.Popen:
        log = Path(tempfile.mkstemp(prefix=f"worker-{name}-", suffix=".log")[1])
        self.logs.append(log)
        process = subprocess.Popen(
            [str(CELERY), "-A", "config", "worker", "-P", "solo", "-Q", self.queue, "-n", f"{name}-{self.queue}@%h",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "info"],
            cwd=ROOT, env=_service_env(self.queue, self.smtp_port), stdout=log.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes:
            self.kill(process)
        for log in self.logs:
            log.unlink(missing_ok=True)

    def tail(self) -> str:
        return "\n".join(log.read_text()[-3000:] for log in self.logs if log.exists())


def forget_queue(redis_url: str, queue: str) -> None:
    """Removes what the test left on the shared Redis: its queue, bindings and the unacked
    copies of its messages (a killed worker leaves some), nobody else's."""
    import json

    import redis

    client = redis.Redis.from_url(redis_url)
    client.delete(queue, f"_kombu.binding.{queue}", f"_kombu.binding_permanent.{queue}")
    for tag, raw in client.hscan_iter("unacked"):
        try:
            routing_key = json.loads(raw)[2]
        except (ValueError, IndexError, TypeError):
            continue
        if routing_key == queue:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


@pytest.fixture
def workers(queue, smtp):
    pool = Workers(queue, smtp.port)
    yield pool
    pool.stop_all()
    forget_queue(settings.REDIS_URL, queue)
    connection.close()


def expected_message_ids() -> set[str]:
    return set(Letter.objects.filter(status__in=[LetterStatus.QUEUED, LetterStatus.SENDING, LetterStatus.SENT]).values_list("message_id", flat=True))


def wait_until_all_sent(smtp: SmtpServer, workers: Workers, *, expected: int, timeout: float = 40, resume: bool = False) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sent = Letter.objects.filter(status=LetterStatus.SENT).count()
        if sent >= expected and smtp.handler.total >= expected:
            time.sleep(0.5)  # let any stray duplicate arrive before we count
            return
        if resume:
            stalled = letters_stalled()
            if stalled:
                hand_off(stalled)
        time.sleep(0.3)
    statuses = list(Letter.objects.values_list("status", "attempts", "last_error"))
    pytest.fail(f"not all letters sent in {timeout}s: {statuses[:5]}... smtp={smtp.handler.total}\n{workers.tail()}")


def assert_each_delivered_once(smtp: SmtpServer, expected: int) -> None:
    ids = set(Letter.objects.values_list("message_id", flat=True))
    assert Letter.objects.filter(status=LetterStatus.SENT).count() == expected
    assert smtp.handler.duplicates() == {}
    assert set(smtp.handler.accepted) == ids
    assert smtp.handler.total == expected


def test_scheduling_step_run_twice_at_once_queues_and_delivers_each_letter_once(parties, smtp, workers, queue):
    smtp.start()
    workers.start("w1")
    env = _service_env(queue, smtp.port)
    command = [sys.executable, "manage.py", "send_letters", "--date", SEND_DAY.isoformat()]
    runs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for _ in range(2)]
    outputs = [run.communicate(timeout=60)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs

    assert Letter.objects.count() == len(CODES)
    wait_until_all_sent(smtp, workers, expected=len(CODES))
    assert_each_delivered_once(smtp, len(CODES))


def test_two_workers_with_every_letter_handed_off_twice_deliver_each_once(parties, smtp, workers):
    smtp.start()
    workers.start("w1")
    workers.start("w2")
    letters_schedule(today=SEND_DAY)
    hand_off(list(Letter.objects.values_list("pk", flat=True)))  # a duplicate hand-off of every letter

    wait_until_all_sent(smtp, workers, expected=len(CODES))
    assert_each_delivered_once(smtp, len(CODES))


def test_smtp_server_down_for_the_first_attempts_then_up(parties, smtp, workers):
    workers.start("w1")
    letters_schedule(today=SEND_DAY)  # the server is not listening yet: connection refused
    deadline = time.monotonic() + 20
    while not Letter.objects.filter(attempts__gte=2).exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Letter.objects.filter(attempts__gte=2).exists(), workers.tail()
    assert Letter.objects.exclude(last_error="").exists()
    smtp.handler.refuse_next = 5  # up, but refusing a few more
    smtp.start()

    wait_until_all_sent(smtp, workers, expected=len(CODES), timeout=60)
    assert_each_delivered_once(smtp, len(CODES))
    assert Letter.objects.filter(attempts__gte=2).exists()


def test_worker_killed_mid_batch_and_restarted_delivers_the_rest_once(parties, smtp, workers):
    first = workers.start("w1")

    def kill_on_fifth(seen: int) -> bool:
        if seen == 5:
            workers.kill(first)  # SIGKILL while it is handing over the fifth letter
            return False
        return True

    smtp.handler.before_accept = kill_on_fifth
    smtp.start()
    letters_schedule(today=SEND_DAY)
    deadline = time.monotonic() + 30
    while first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert first.poll() is not None, "the worker was not killed"
    assert smtp.handler.total == 4
    assert Letter.objects.filter(status=LetterStatus.SENDING).exists()  # its claim is left behind

    workers.start("w1-restarted")
    wait_until_all_sent(smtp, workers, expected=len(CODES), timeout=60, resume=True)
    assert_each_delivered_once(smtp, len(CODES))
