"""Production settings: `check --deploy` finds nothing; HSTS, secure and HttpOnly cookies."""

import json

from .subprocess_env import PROJECT, production_env, run_python

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
secure = client.get("/healthz", secure=True)
plain = client.get("/accounts/login/")
print(json.dumps({
    "hsts": secure.get("Strict-Transport-Security"),
    "redirect": [plain.status_code, plain.get("Location")],
    "healthz_plain": client.get("/healthz").status_code,
    "cookies": {
        "session": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY],
        "csrf": [settings.CSRF_COOKIE_SECURE, settings.CSRF_COOKIE_HTTPONLY],
        "language": [settings.LANGUAGE_COOKIE_SECURE, settings.LANGUAGE_COOKIE_HTTPONLY],
    },
    "debug": settings.DEBUG,
}))
"""


def test_check_deploy_reports_no_issue():
    result = run_python("", production_env(), str(PROJECT / "manage.py"), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout


def test_production_answers_carry_hsts_redirect_to_https_and_use_secure_cookies():
    result = run_python(PROBE, production_env())
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    assert probe["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert probe["redirect"] == [301, "https://testserver/accounts/login/"]
    assert probe["healthz_plain"] == 200  # probes from the orchestrator speak plain HTTP
    assert probe["cookies"] == {"session": [True, True], "csrf": [True, True], "language": [True, True]}
    assert probe["debug"] is False
