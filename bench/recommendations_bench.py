#!/usr/bin/env python
"""Benchmark of the recommendations API on PostgreSQL, under gunicorn, measured with wrk.

    .venv/bin/python bench/recommendations_bench.py            # full size: 50k / 200k / 500k
    .venv/bin/python bench/recommendations_bench.py --scale 0.1 --duration 5

1. creates (if needed) the database named by --database-url (default: a separate
   `coordination_bench` database on 127.0.0.1:5432, never the app's own), migrates it and fills
   it with synthetic data with COPY (recommendations, references, 4 actions per
   recommendation, entity links, 2.5 status updates per action) unless it already holds that
   size (--refill forces it);
2. starts gunicorn on a loopback port with bench/recommendations_settings.py (the app plus the
   reference view of bench/recommendations_reference.py);
3. runs wrk (bench/recommendations_wrk.lua adds p95) against /healthz, the list at 50 per
   page with filters, its first page and a page among its last rows (reached by following
   `next` links), and the reference view; prints a Markdown
   table with the targets. Not part of the test suite.
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qs, urlsplit

from pg_database import ensure_database  # bench/, the script's own folder
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/coordination_bench"
FULL = {"recommendations": 50_000, "actions_per_recommendation": 4, "updates": 500_000}
CLUSTERS = [
    "Weapons and ammunition management", "Peacekeeping", "Arms embargoes",
    "Community safety and law enforcement", "Protection of civilians/gender", "Armed violence",
]
REPORTS = ["S/2008/258", "S/2011/255", "S/2013/503", "S/2015/289", "S/2017/1025"]
ADDRESSEES = [
    ("security-council", "Security Council"), ("all-member-states", "All Member States"),
    ("un-system", "United Nations system and other relevant entities"),
]
ENTITIES = ["UNMAS", "UNIDIR", "UNODC", "UNDP", "UNICEF", "UNODA", "DPKO", "UN-Women", "OHCHR", "UNOCT"]
STATUSES = ["not_started", "in_progress", "completed", "discontinued"]
WORDS = ["security", "council", "member", "states", "weapons", "ammunition", "stockpile", "management", "marking", "tracing", "peacekeeping", "missions", "arms", "embargo", "destruction", "surplus", "assistance", "international", "standards", "guidelines", "capacity", "briefing", "report", "research", "cooperation"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (default 1.0)")
    parser.add_argument("--duration", type=int, default=15, help="seconds per wrk run (default 15)")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB))
    parser.add_argument("--port", type=int, default=0, help="loopback port for gunicorn (default: a free one)")
    # As deployed (Dockerfile: sync workers, WEB_CONCURRENCY defaults to 3); --threads N > 1
    # switches to gunicorn's gthread workers.
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--refill", action="store_true", help="refill even if the size matches")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (apt-get install -y wrk)")

    sizes = {
        "recommendations": max(10, int(FULL["recommendations"] * args.scale)),
        "actions_per_recommendation": FULL["actions_per_recommendation"],
        "updates": max(10, int(FULL["updates"] * args.scale)),
    }
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_SETTINGS_MODULE": "bench.recommendations_settings",
        "DEBUG": "false",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("REDIS_URL", None)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    ensure_database(args.database_url)
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True)

    import django

    django.setup()
    token = _fill(sizes, refill=args.refill)
    results = _measure(args, env, token, sizes)
    print(_report(results, sizes, args))
    if args.json:
        Path(args.json).write_text(json.dumps({"sizes": sizes, "results": results}, indent=2))


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _fill(sizes: dict, *, refill: bool) -> str:
    """Fills the tables with COPY (the bulk path); returns an API client token."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from rest_framework.authtoken.models import Token

    from entities.models import AddresseeGroup, Entity, Role, UserRole
    from recommendations.models import Cluster, Recommendation, Report, StatusUpdate

    user, _ = get_user_model().objects.get_or_create(username="bench-api-client")
    UserRole.objects.get_or_create(user=user, defaults={"kind": Role.API_CLIENT})
    token, _ = Token.objects.get_or_create(user=user)
    n_recs = sizes["recommendations"]
    if not refill and Recommendation.objects.count() == n_recs and StatusUpdate.objects.count() == sizes["updates"]:
        print(f"database already holds {n_recs} recommendations; not refilling (use --refill)", flush=True)
        _vacuum()
        return token.key

    started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE recommendations_statusupdate, recommendations_suggestedaction_implementing_entities, "
            "recommendations_suggestedaction_organisations, recommendations_suggestedaction_tags, "
            "recommendations_suggestedaction, recommendations_reference, recommendations_recommendation "
            "RESTART IDENTITY CASCADE"
        )
    clusters = [
        Cluster.objects.get_or_create(slug=name.lower().replace(" ", "-").replace("/", ""), defaults={"name": name, "position": i})[0].pk
        for i, name in enumerate(CLUSTERS, 1)
    ]
    reports = [Report.objects.get_or_create(symbol=symbol)[0].pk for symbol in REPORTS]
    addressees = [AddresseeGroup.objects.get_or_create(slug=slug, defaults={"name": name})[0].pk for slug, name in ADDRESSEES]
    entities = [Entity.objects.get_or_create(acronym=a, defaults={"name": f"{a} (benchmark)"})[0].pk for a in ENTITIES]

    rng = random.Random(2017)
    now = dt.datetime.now(dt.UTC)
    per = sizes["actions_per_recommendation"]
    n_actions = n_recs * per
    action_status = [rng.choices(STATUSES, weights=[4, 3, 2, 1])[0] for _ in range(n_actions)]
    raw = connection.connection  # the psycopg connection under Django's
    with raw.cursor() as cur:
        with cur.copy(
            "COPY recommendations_recommendation (created_at, updated_at, text, cluster_id, re_examined_in_id, position, status) FROM STDIN"
        ) as copy:
            for i in range(n_recs):
                statuses = action_status[i * per:(i + 1) * per]
                stamp = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 700))
                copy.write_row((stamp, stamp, _text(rng, 45), rng.choice(clusters), reports[-1], i + 1, _derive(statuses)))
        with cur.copy("COPY recommendations_reference (recommendation_id, report_id, number, position) FROM STDIN") as copy:
            for i in range(n_recs):
                copy.write_row((i + 1, reports[i % 4], i // 4 + 1, 0))
        with cur.copy(
            "COPY recommendations_suggestedaction (created_at, updated_at, recommendation_id, addressee_id, text, position, status, last_status_update_at) FROM STDIN"
        ) as copy:
            for a in range(n_actions):
                stamp = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 700))
                copy.write_row((stamp, stamp, a // per + 1, addressees[a % per % 3], _text(rng, 22), a % per + 1, action_status[a], stamp))
        with cur.copy("COPY recommendations_suggestedaction_implementing_entities (suggestedaction_id, entity_id) FROM STDIN") as copy:
            for a in range(n_actions):
                for entity in rng.sample(entities, rng.choice([0, 1, 1, 2])):
                    copy.write_row((a + 1, entity))
        with cur.copy(
            "COPY recommendations_statusupdate (action_id, date, status, note, evidence_url, author_id, on_behalf_of_id, created_at, is_demo) FROM STDIN"
        ) as copy:
            for u in range(sizes["updates"]):
                action = u % n_actions
                stamp = now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 700))
                copy.write_row((action + 1, stamp.date(), action_status[action], _text(rng, 12), "", None, None, stamp, False))
    raw.commit()
    _vacuum()
    print(f"filled {n_recs} recommendations, {n_actions} actions, {sizes['updates']} status updates "
          f"in {time.monotonic() - started:.0f} s", flush=True)
    return token.key


def _vacuum() -> None:
    """VACUUM ANALYZE: statistics, and the visibility map index-only scans need, as on a settled database."""
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    previous = raw.autocommit
    raw.autocommit = True
    try:
        with raw.cursor() as cur:
            cur.execute("VACUUM ANALYZE")
    finally:
        raw.autocommit = previous


def _derive(statuses):
    from recommendations.models import derive_status

    return str(derive_status(statuses))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _measure(args, env, token: str, sizes: dict) -> list[dict]:
    port = args.port or _free_port()
    base = f"http://127.0.0.1:{port}"
    gunicorn = [
        str(Path(sys.executable).with_name("gunicorn")), "config.wsgi:application", "-b", f"127.0.0.1:{port}",
        "-w", str(args.workers), "--log-level", "warning",
    ]
    if args.threads > 1:
        gunicorn += ["-k", "gthread", "--threads", str(args.threads)]
    server = subprocess.Popen(gunicorn, cwd=ROOT, env=env, start_new_session=True)
    try:
        _wait_until_up(f"{base}/healthz")
        auth = f"Authorization: Token {token}"
        filtered = "status=in_progress&cluster=peacekeeping&addressee=all-member-states&page_size=50"
        unfiltered = "page_size=50"
        filtered_deep, filtered_row = _deep_page(base, filtered, token)
        deep, deep_row = _deep_page(base, unfiltered, token)
        plan = [
            ("healthz", "/healthz", 1, None),
            ("healthz", "/healthz", 8, None),
            ("list, filtered, page 1", f"/api/v1/recommendations/?{filtered}", 1, auth),
            ("list, filtered, page 1", f"/api/v1/recommendations/?{filtered}", 8, auth),
            ("reference, filtered, page 1", f"/bench/recommendations/?{filtered}", 1, None),
            ("reference, filtered, page 1", f"/bench/recommendations/?{filtered}", 8, None),
            (f"list, filtered, deep page (from row {filtered_row:,})", f"/api/v1/recommendations/?{filtered}{filtered_deep}", 1, auth),
            ("list, unfiltered, page 1", f"/api/v1/recommendations/?{unfiltered}", 1, auth),
            (f"list, unfiltered, deep page (from row {deep_row:,})", f"/api/v1/recommendations/?{unfiltered}{deep}", 1, auth),
            ("reference, unfiltered, page 1", f"/bench/recommendations/?{unfiltered}", 1, None),
            (f"reference, unfiltered, deep page (from row {deep_row:,})", f"/bench/recommendations/?{unfiltered}{deep}", 1, None),
        ]
        results = []
        for label, path, connections, header in plan:
            _get(base + path, token)  # warm up, and fail early on a bad status
            measured = _wrk(base + path, connections, header, args.duration)
            # The machine's 1-minute load average after the run: other work on the box shows here.
            results.append({"label": label, "path": path, "concurrency": connections, **measured,
                            "load_1min": round(os.getloadavg()[0], 1)})
            print(json.dumps(results[-1]), flush=True)
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def _deep_page(base: str, query: str, token: str) -> tuple[str, int]:
    """`&cursor=...` for a page among the last 200 rows of the list, and the row it starts at:
    walks the list by its `next` links, 200 rows a page, as a client pulling everything would.
    A list of at most 200 rows has no deeper page than the first (empty suffix)."""
    url, suffix, rows = f"{base}/api/v1/recommendations/?{query.replace('page_size=50', 'page_size=200')}", "", 0
    while True:
        body = json.loads(_get(url, token))
        if not body["next"]:
            return suffix, rows + 1
        rows += len(body["results"])
        url = body["next"]
        suffix = "&cursor=" + parse_qs(urlsplit(url).query)["cursor"][0]


def _wait_until_up(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


def _get(url: str, token: str) -> bytes:
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 200:
            raise RuntimeError(f"{url}: HTTP {response.status}")
        return response.read()


def _wrk(url: str, connections: int, header: str | None, duration: int) -> dict:
    command = ["wrk", "-t", str(min(connections, 2)), "-c", str(connections), "-d", f"{duration}s",
               "-s", str(ROOT / "bench" / "recommendations_wrk.lua")]
    if header:
        command += ["-H", header]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    return json.loads([line for line in output.splitlines() if line.startswith("{")][-1])


def _report(results: list[dict], sizes: dict, args) -> str:
    def find(label_start, concurrency):
        return next(r for r in results if r["label"].startswith(label_start) and r["concurrency"] == concurrency)

    lines = [
        f"Data: {sizes['recommendations']} recommendations, {sizes['recommendations'] * sizes['actions_per_recommendation']} "
        f"actions, {sizes['updates']} status updates. gunicorn {args.workers} workers x {args.threads} threads "
        f"({'gthread' if args.threads > 1 else 'sync'}); "
        f"wrk {args.duration} s per run.",
        "",
        "| run | concurrency | req/s | p50 ms | p95 ms | p99 ms | non-2xx | load avg |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(f"| {r['label']} | {r['concurrency']} | {r['rps']:.0f} | {r['p50_ms']:.1f} | {r['p95_ms']:.1f} | {r['p99_ms']:.1f} | {r['non_2xx']} | {r['load_1min']} |")
    list1, list8 = find("list, filtered, page 1", 1), find("list, filtered, page 1", 8)
    ref8 = find("reference, filtered, page 1", 8)
    first, last = find("list, unfiltered, page 1", 1), find("list, unfiltered, deep", 1)
    ref1 = find("reference, unfiltered, page 1", 1)
    flast = find("list, filtered, deep", 1)
    checks = [
        ("list throughput >= 1/2 of the reference view (filtered, c=8)", f"{list8['rps']:.0f} vs {ref8['rps']:.0f} req/s "
         f"({list8['rps'] / ref8['rps']:.2f})", list8["rps"] >= ref8["rps"] / 2),
        ("list throughput >= 1/2 of the reference view (unfiltered, c=1)", f"{first['rps']:.0f} vs {ref1['rps']:.0f} req/s "
         f"({first['rps'] / ref1['rps']:.2f})", first["rps"] >= ref1["rps"] / 2),
        ("p95 < 50 ms at concurrency 1 (filtered, 50/page)", f"{list1['p95_ms']:.1f} ms", list1["p95_ms"] < 50),
        ("p99 < 150 ms at concurrency 8 (filtered, 50/page)", f"{list8['p99_ms']:.1f} ms", list8["p99_ms"] < 150),
        ("deep page <= 1.5 x first page (unfiltered, p50)", f"{last['p50_ms']:.1f} vs {first['p50_ms']:.1f} ms "
         f"({last['p50_ms'] / first['p50_ms']:.2f})", last["p50_ms"] <= 1.5 * first["p50_ms"]),
        ("deep page <= 1.5 x first page (filtered, p50)", f"{flast['p50_ms']:.1f} vs {list1['p50_ms']:.1f} ms "
         f"({flast['p50_ms'] / list1['p50_ms']:.2f})", flast["p50_ms"] <= 1.5 * list1["p50_ms"]),
    ]
    lines += ["", "| target | measured | met |", "| --- | --- | --- |"]
    lines += [f"| {name} | {value} | {'yes' if ok else 'NO'} |" for name, value, ok in checks]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
