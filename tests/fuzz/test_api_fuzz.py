"""Schemathesis against the served app's OpenAPI schema (/api/v1/schema/).

Every operation, every check (no 5xx, status codes, content types, headers and bodies conform
to the schema, bad data rejected, good data accepted, unauthenticated requests refused, ...),
positive and negative data, a fixed seed, no response slower than 2 s; once with the read-only
API client's token and once with a State focal point's (Mexico's) token.

Cross-State check: before fuzzing, Uganda gets private entries with a unique marker in their
text; the run with Mexico's token must never see that marker in any response, and Uganda's rows
must be unchanged afterwards.

Findings of the run that are handed to the owning areas and not fixed yet are listed in
OPEN_FINDINGS: while a failure code of the run is among them, the run is reported as xfail with
its summary (full output in artifacts/fuzz/<token>/output.txt); any other failure code fails.
FUZZ_STRICT=1 fails on everything. The cross-State assertions are never relaxed.

Examples per operation: FUZZ_EXAMPLES (default 10 for the CI pass; the full run uses 100:
`FUZZ_EXAMPLES=100 .venv/bin/python -m pytest tests/fuzz -q`). Reports (JUnit, HAR of every
request and response) go to artifacts/fuzz/<token>/.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from tests.e2e.platform_data import private_need
from tests.e2e.server import ARTIFACTS, ROOT

# Run alone, not beside the rest of the suite. The response-time limit catches a request that runs
# away (an unbounded export, a query per row); it is not a latency target: a loaded CI machine
# stalls a 10 ms request past 0.5 s now and then (seen: a 403 at 664 ms that answers in 8 ms
# alone). Latency is measured by the benchmarks (bench/, docs/benchmarks.md).
pytestmark = pytest.mark.serial

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
SEED = int(os.environ.get("FUZZ_SEED", "20260422"))
MAX_RESPONSE_TIME = os.environ.get("FUZZ_MAX_RESPONSE_TIME", "2")
CONFIG = Path(__file__).with_name("schemathesis.toml")
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# Failure code -> the finding behind it, as handed over (remove a line once fixed).
OPEN_FINDINGS: dict[str, str] = {}
MARKER = f"UGPRIVATE{secrets.token_hex(6).upper()}"

SNAPSHOT = """
import json
from django.apps import apps
from django.core import serializers
rows = []
for model in apps.get_models():
    meta = model._meta
    if meta.app_label not in ("partnerships", "letters", "entities") or meta.model_name.startswith("historical"):
        continue
    fields = {f.name for f in meta.concrete_fields}
    if "state" in fields:
        qs = model._base_manager.filter(state__code="UG").order_by("pk")
        rows.extend(json.loads(serializers.serialize("json", qs)))
print(json.dumps(rows, sort_keys=True))
"""


def run_schemathesis(app, name: str, token: str) -> tuple[int, str, Path]:
    out = ARTIFACTS / "fuzz" / name
    out.mkdir(parents=True, exist_ok=True)
    command = [
        str(SCHEMATHESIS), "--config-file", str(CONFIG), "--no-color", "run", f"{app.url}/api/v1/schema/",
        "--header", f"Authorization: Token {token}",
        "--checks", "all", "--mode", "all", "--max-examples", str(EXAMPLES), "--seed", str(SEED),
        "--max-response-time", MAX_RESPONSE_TIME, "--workers", "1", "--generation-database", "none",
        "--report", "junit,har", "--report-dir", str(out),
        "--report-har-path", str(out / "traffic.har"), "--report-junit-path", str(out / "junit.xml"),
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False)
    output = result.stdout + result.stderr
    (out / "output.txt").write_text(output)
    return result.returncode, output, out / "traffic.har"


def judge(status: int, output: str) -> None:
    """Passes a clean run; reports a run whose failures are all open findings as xfail."""
    if status == 0:
        return
    codes = set(re.findall(r"❌ (ST\d+) ", output))
    summary = output[output.rfind("Failures:"):][:1200]
    if codes and codes <= OPEN_FINDINGS.keys() and not os.environ.get("FUZZ_STRICT"):
        pytest.xfail("open findings handed over: " + ", ".join(sorted(codes)) + "\n" + summary)
    pytest.fail(f"Schemathesis failures ({', '.join(sorted(codes)) or 'no code'}):\n{output[-12000:]}")


def response_bodies(har: Path):
    for entry in json.loads(har.read_text())["log"]["entries"]:
        content = entry["response"].get("content", {})
        text = content.get("text") or ""
        if content.get("encoding") == "base64":
            text = base64.b64decode(text).decode(errors="replace")
        yield entry["request"]["method"], entry["request"]["url"], text


@pytest.fixture(scope="module")
def tokens(served_app):
    return {
        "api-client": served_app.api_token("api-client"),
        "mexico": served_app.api_token("mexico"),
    }


@pytest.fixture(scope="module")
def uganda_private(served_app):
    """Two needs of Uganda that only Uganda and the ISU may see, their titles carrying MARKER."""
    return [private_need(served_app, username="uganda", title=f"{MARKER} confidential need {n}") for n in (1, 2)]


def test_api_client_token_fuzzing_finds_no_failure(served_app, tokens):
    status, output, _ = run_schemathesis(served_app, "api-client", tokens["api-client"])
    judge(status, output)


def test_state_token_fuzzing_never_reads_or_changes_another_states_private_data(served_app, tokens, uganda_private):
    before = served_app.shell(SNAPSHOT)
    status, output, har = run_schemathesis(served_app, "mexico", tokens["mexico"])
    after = served_app.shell(SNAPSHOT)
    leaks = [f"{method} {url}" for method, url, body in response_bodies(har) if MARKER in body]
    for entry_id in uganda_private:
        answer = requests.get(f"{served_app.url}/api/v1/platform/needs/{entry_id}/",
                              headers={"Authorization": f"Token {tokens['mexico']}"}, timeout=10)
        assert answer.status_code == 404, f"Mexico's token reads Uganda's private need: {answer.status_code}"
    assert not leaks, f"Uganda's private entries appeared in responses to Mexico's token: {leaks[:10]}"
    assert before == after, "Uganda's rows changed during fuzzing with Mexico's token"
    judge(status, output)
