"""Load benchmark: mixed traffic against the served app (gunicorn + PostgreSQL) on loopback.

    .venv/bin/python bench/load_mixed.py [--duration 30] [--connections 16] [--threads 2] [--workers 4]

Creates a fresh PostgreSQL database (`coordination_bench`, dropped first) with the real seed and
the demo data, serves it with gunicorn (DEBUG off, the production settings bar TLS), signs in the
demo State focal points (mexico, uganda) to get session cookies and CSRF tokens, then runs wrk
(bench/load_mixed.lua) for a fixed duration and concurrency with this mix:

    60 %  public pages (home, Platform, recommendations, task forces, directory)
    30 %  API lists with filters (API client token)
    10 %  focal-point form posts: a new need submitted through the Platform form

and prints throughput, p50/p95/p99 latency and errors (socket errors, non-2xx/3xx answers, form
posts not accepted, server errors in gunicorn's log). The figures go in docs/benchmarks.md
(## Load). Exit status 1 when there was any error: the target is zero.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests

from config.pagination import cursor_token  # a page further in, as a next link gives it
from tests.e2e import server

PAGES = [
    "/", "/platform/", "/platform/?kind=financial", "/platform/?area=mine_clearance&q=survey",
    "/recommendations/", "/recommendations/?q=arms", "/recommendations/dashboard/",
    "/taskforces/", "/directory/entities/", "/directory/states/",
]
API = [
    "/api/v1/recommendations/", "/api/v1/recommendations/?q=embargo",
    "/api/v1/actions/?status=in_progress", "/api/v1/actions/?page_size=10&cursor=" + cursor_token([3, 0, 0]),
    "/api/v1/platform/needs/", "/api/v1/platform/needs/?area=mine_clearance", "/api/v1/platform/offers/?kind=financial",
    "/api/v1/entities/", "/api/v1/states/?q=mex",
]
POST_PATH = "/platform/new/need/"
# %s the CSRF token; %d thread and sequence number make each title unique.
POST_BODY = (
    "csrfmiddlewaretoken=%s&kind=expertise&area=mine_clearance&title=Benchmark+need+%d-%d"
    "&description=Survey+of+suspected+hazardous+areas&amount=&currency=&period_start=&period_end="
    "&geographic_focus=&visibility=parties&version="
)
DATABASE = "coordination_bench"


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string literal is a valid Lua string literal here


def recreate_database(admin_url: str) -> str:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')
    return admin_url.rsplit("/", 1)[0] + f"/{DATABASE}"


def focal_point_session(app, username: str) -> dict[str, str]:
    session = requests.Session()
    login = f"{app.url}/accounts/login/"
    session.get(login, timeout=10)
    answer = session.post(login, data={
        "username": username, "password": server.DEMO_PASSWORD,
        "csrfmiddlewaretoken": session.cookies["csrftoken"], "next": "/",
    }, headers={"Referer": login}, timeout=10)
    answer.raise_for_status()
    if "sessionid" not in session.cookies:
        raise RuntimeError(f"{username} could not sign in")
    form = session.get(app.url + POST_PATH, timeout=10)
    if form.status_code != 200:
        raise RuntimeError(f"{username} cannot open {POST_PATH}: HTTP {form.status_code}")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    cookie = "; ".join(f"{name}={value}" for name, value in session.cookies.items())
    return {"cookie": cookie, "csrf": token}


def check_post_is_accepted(app, sess: dict[str, str]) -> None:
    """One post by hand first: a form that re-renders with errors would look like a success."""
    answer = requests.post(app.url + POST_PATH, data=(POST_BODY % (sess["csrf"], 0, 0)),
                           headers={"Cookie": sess["cookie"], "Content-Type": "application/x-www-form-urlencoded",
                                    "Referer": app.url + POST_PATH, "Origin": app.url},
                           allow_redirects=False, timeout=10)
    if answer.status_code != 302:
        raise RuntimeError(f"the benchmark's form post is not accepted (HTTP {answer.status_code}):\n{answer.text[:3000]}")


def write_config(path: Path, app, token: str, sessions: list[dict[str, str]]) -> None:
    lines = [
        "return {",
        f"  origin = {lua_string(app.url)},",
        f"  token = {lua_string(token)},",
        "  weights = { page = 60, api = 30, post = 10 },",
        "  pages = {" + ", ".join(lua_string(p) for p in PAGES) + "},",
        "  api = {" + ", ".join(lua_string(p) for p in API) + "},",
        f"  post_path = {lua_string(POST_PATH)},",
        f"  post_body = {lua_string(POST_BODY)},",
        "  sessions = {" + ", ".join(
            "{ cookie = " + lua_string(s["cookie"]) + ", csrf = " + lua_string(s["csrf"]) + " }" for s in sessions
        ) + "},",
        "}",
    ]
    path.write_text("\n".join(lines) + "\n")


def check_paths(app, token: str) -> list[str]:
    """Every path of the mix must answer 200 before the run (a 404 would be counted as load)."""
    wrong = []
    for path in PAGES:
        status = requests.get(app.url + path, timeout=10).status_code
        if status != 200:
            wrong.append(f"{path}: {status}")
    for path in API:
        status = requests.get(app.url + path, headers={"Authorization": f"Token {token}"}, timeout=10).status_code
        if status != 200:
            wrong.append(f"{path}: {status}")
    return wrong


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=int, default=30, help="seconds of load (default 30)")
    parser.add_argument("--connections", type=int, default=16, help="open connections (default 16)")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres",
                        help="PostgreSQL server (an admin database URL); the benchmark database is created on it")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is missing: run scripts/e2e-deps.sh --bench", file=sys.stderr)
        return 2

    database_url = recreate_database(args.postgres)
    app = server.prepare(database_url=database_url)
    server.serve(app, workers=args.workers, threads=1)
    try:
        token = app.api_token("api-client")
        wrong = check_paths(app, token)
        if wrong:
            print("paths of the mix that do not answer 200:\n  " + "\n  ".join(wrong), file=sys.stderr)
            return 1
        sessions = [focal_point_session(app, name) for name in ("mexico", "uganda")]
        check_post_is_accepted(app, sessions[0])
        before = int(app.shell("from partnerships.models import Entry; print(Entry.objects.count())"))
        workdir = Path(tempfile.mkdtemp(prefix="load-"))
        config = workdir / "config.lua"
        write_config(config, app, token, sessions)
        app.new_server_errors()
        command = [
            "wrk", "--threads", str(args.threads), "--connections", str(args.connections),
            "--duration", f"{args.duration}s", "--timeout", "10s", "--latency",
            "--script", str(ROOT / "bench" / "load_mixed.lua"), app.url, "--", str(config),
        ]
        print("$", " ".join(command[:-2]), "<url> -- <config>", flush=True)
        result = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 120, check=False)
        line = next((x for x in result.stdout.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            print(result.stdout, result.stderr, file=sys.stderr)
            return 1
        figures = json.loads(line[len("RESULT "):])
        server_errors = app.new_server_errors()
        created = int(app.shell("from partnerships.models import Entry; print(Entry.objects.count())")) - before
    finally:
        server.cleanup(app)

    seconds = figures["duration_us"] / 1e6
    statuses = figures["statuses"]
    bad_status = sum(n for s, n in statuses.items() if not s.startswith(("2", "3")))
    socket_errors = sum(v for k, v in figures["errors"].items() if k != "status")
    posts_accepted = statuses.get("302", 0)
    post_errors = abs(figures["posts_sent"] - created) if figures["posts_sent"] else 0
    errors = bad_status + socket_errors + len(server_errors)
    report = {
        "duration_s": round(seconds, 1), "connections": args.connections, "threads": args.threads,
        "gunicorn_workers": args.workers, "requests": figures["requests"],
        "throughput_rps": round(figures["requests"] / seconds, 1),
        "p50_ms": round(figures["p50_us"] / 1000, 1), "p95_ms": round(figures["p95_us"] / 1000, 1),
        "p99_ms": round(figures["p99_us"] / 1000, 1), "max_ms": round(figures["max_us"] / 1000, 1),
        "statuses": statuses, "socket_errors": figures["errors"], "server_errors_logged": len(server_errors),
        "form_posts_sent": figures["posts_sent"], "form_posts_redirected": posts_accepted, "needs_created": created,
        "errors": errors,
    }
    out = server.ARTIFACTS / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / "load_mixed.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))
    print(
        f"\n{report['throughput_rps']} req/s over {report['duration_s']} s, {args.connections} connections; "
        f"p50 {report['p50_ms']} ms, p95 {report['p95_ms']} ms, p99 {report['p99_ms']} ms; "
        f"errors {errors} (form posts in flight at the end: {post_errors})"
    )
    for line in server_errors[:10]:
        print("server error:", line[:500], file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
