"""Serves the app as production does (gunicorn, DEBUG off, collected static files) on a free
loopback port, with a fresh database holding the real seed and the demo data set.

Used by the browser journeys (tests/e2e), the API fuzzing (tests/fuzz) and the load benchmark
(bench/load_*). The database is a new SQLite file unless `database_url` is given.
"""

from __future__ import annotations

import atexit
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
DEMO_PASSWORD = "demo-password-2026"
# Requests that took the server into an error, from gunicorn's access log ("<status> <path>").
_SERVER_ERROR = re.compile(r'^ACCESS (?P<method>\S+) (?P<path>\S+) (?P<status>5\d\d) ')


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class ServedApp:
    url: str
    workdir: Path
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = None
    _log_offset: int = 0

    # --- running management commands against the served database --------------------------
    def manage(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
            capture_output=True, text=True, timeout=600, check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def shell(self, code: str) -> str:
        """Runs Python in the served app's Django (for set-up and for checking what was saved)."""
        return self.manage("shell", "--no-imports", "-c", code).strip()

    # --- credentials of the demo logins -----------------------------------------------------
    def api_token(self, username: str) -> str:
        """The user's API token, created when missing (DRF's own command)."""
        output = self.manage("drf_create_token", username)
        match = re.search(r"token (\S+) for user", output)
        if not match:
            raise RuntimeError(f"no token in: {output}")
        return match.group(1)

    def totp_code(self, username: str) -> str:
        """A code the user's confirmed TOTP device accepts now, computed from its key as an
        authenticator app would. django-otp refuses a time step already used (`last_t`), so a
        second sign-in within the same 30 s takes the next step while the device's tolerance
        allows it, and otherwise waits for it."""
        from django_otp.oath import TOTP

        key_hex, step, t0, digits, drift, tolerance, last_t = self._totp_device(username)
        totp = TOTP(bytes.fromhex(key_hex), step=step, t0=t0, digits=digits, drift=drift)
        totp.time = time.time()
        wanted = max(totp.t(), last_t + 1)
        if wanted > totp.t() + tolerance:
            time.sleep((wanted - totp.t() - tolerance) * step - (time.time() - t0) % step + 0.5)
            totp.time = time.time()
        totp.time = t0 + (wanted - drift) * step + 1
        return f"{totp.token():0{digits}d}"

    def _totp_device(self, username: str) -> tuple[str, int, int, int, int, int, int]:
        out = self.shell(
            "from django_otp.plugins.otp_totp.models import TOTPDevice as D\n"
            f"d = D.objects.filter(user__username={username!r}, confirmed=True).first()\n"
            "print(d.key, d.step, d.t0, d.digits, d.drift, d.tolerance, d.last_t) if d else print('none')"
        )
        if out == "none":
            raise RuntimeError(f"{username} has no confirmed TOTP device in the demo data")
        key, *numbers = out.split()
        step, t0, digits, drift, tolerance, last_t = (int(n) for n in numbers)
        return key, step, t0, digits, drift, tolerance, last_t

    # --- the server's own record of what went wrong -------------------------------------------
    def new_server_errors(self) -> list[str]:
        """5xx responses (and the traceback of each 500) logged since the previous call."""
        text = self.log_path.read_text(errors="replace")
        fresh, self._log_offset = text[self._log_offset:], len(text)
        errors = [line for line in fresh.splitlines() if _SERVER_ERROR.match(line)]
        # Django logs refused requests (403, 404) with their traceback too: only a 500's counts.
        for found in re.finditer(r"Internal Server Error: \S+", fresh):
            errors.append(fresh[found.start():found.start() + 4000])
        return errors

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()


_TEMPLATE: dict[str, Path] = {}


def prepare(*, database_url: str | None = None, workdir: Path | None = None, load_demo: bool = True) -> ServedApp:
    """Creates a fresh database (migrate, real seed, demo data) and collected static files.

    On SQLite the first database of a test session is kept as a template and copied for the
    next served app (the journeys and the fuzzing each get their own copy), which saves the
    migrations and loaders the second time."""
    workdir = Path(workdir or tempfile.mkdtemp(prefix="served-app-"))
    workdir.mkdir(parents=True, exist_ok=True)
    ARTIFACTS.mkdir(exist_ok=True)
    env = {
        key: value for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.e2e.server_settings",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        VAR_DIR=str(workdir / "var"),
        SERVED_STATIC_ROOT=str(workdir / "static"),
        SECURE_HSTS_SECONDS="0",
        PYTHONUNBUFFERED="1",
    )
    if os.environ.get("SERVED_REDIS_URL"):
        env["REDIS_URL"] = os.environ["SERVED_REDIS_URL"]
    app = ServedApp(url="", workdir=workdir, env=env, log_path=workdir / "server.log")
    template_key = f"demo={load_demo}"
    if database_url is None and template_key in _TEMPLATE:
        shutil.copy(_TEMPLATE[template_key] / "db.sqlite3", workdir / "db.sqlite3")
        shutil.copytree(_TEMPLATE[template_key] / "static", workdir / "static")
        return app
    app.manage("migrate", "--no-input", "--verbosity", "0")
    app.manage("collectstatic", "--no-input", "--verbosity", "0")
    app.manage("load_seed_data")
    if load_demo:
        app.manage("load_demo_data")
    if database_url is None:
        template = Path(tempfile.mkdtemp(prefix="served-template-"))
        shutil.copy(workdir / "db.sqlite3", template / "db.sqlite3")
        shutil.copytree(workdir / "static", template / "static")
        _TEMPLATE[template_key] = template
        atexit.register(shutil.rmtree, template, True)
    return app


def serve(app: ServedApp, *, workers: int = 2, threads: int = 4, port: int | None = None) -> ServedApp:
    """Starts gunicorn on 127.0.0.1 and waits until /healthz answers."""
    port = port or free_port()
    app.url = f"http://127.0.0.1:{port}"
    log = open(app.log_path, "a")  # noqa: SIM115 (kept open for the server's lifetime)
    app.process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "config.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--threads", str(threads),
            "--timeout", "60", "--access-logfile", "-",
            "--access-logformat", 'ACCESS %(m)s %(U)s %(s)s %(M)sms',
        ],
        cwd=ROOT, env=app.env, stdout=log, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{app.log_path.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{app.url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return app
        except OSError:  # refused, reset or timed out while booting
            time.sleep(0.3)
    app.stop()
    raise RuntimeError("the served app did not answer /healthz within 60 s")


def cleanup(app: ServedApp) -> None:
    app.stop()
    keep = ARTIFACTS / "server-logs"
    keep.mkdir(parents=True, exist_ok=True)
    if app.log_path.exists():
        shutil.copy(app.log_path, keep / f"{app.workdir.name}.log")
    shutil.rmtree(app.workdir, ignore_errors=True)


def attach(state_file: Path) -> ServedApp:
    """A ServedApp for a server started by `python -m tests.e2e.server` (see main)."""
    import json

    state = json.loads(Path(state_file).read_text())
    return ServedApp(url=state["url"], workdir=Path(state["workdir"]), env=state["env"],
                     log_path=Path(state["workdir"]) / "server.log")


def main() -> None:
    """Keeps a served app running, to work on a journey without preparing a database each run:

        .venv/bin/python -m tests.e2e.server var/served-app.json     # prints the URL, Ctrl-C stops
        SERVED_APP=var/served-app.json .venv/bin/python -m pytest tests/e2e/test_isu_staff.py
    """
    import json
    import signal

    state_file = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "var" / "served-app.json")
    app = serve(prepare())
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(json.dumps({"url": app.url, "workdir": str(app.workdir), "env": app.env}))
    print(f"serving {app.url} (state in {state_file}); Ctrl-C stops", flush=True)
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        state_file.unlink(missing_ok=True)
        cleanup(app)


if __name__ == "__main__":
    main()
