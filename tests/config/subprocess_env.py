"""Runs Python in a fresh process with a chosen environment, to test start-up itself."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

# Variables the settings read that must not leak from the test run into the child.
_CLEARED = (
    "DEBUG", "SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS", "DATABASE_URL", "DATABASE_URL_FILE", "REDIS_URL",
    "REDIS_URL_FILE", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_BACKEND", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS",
    "CSRF_TRUSTED_ORIGINS", "BEHIND_TLS_PROXY", "PROXY_COUNT",
)


def strong_secret_key() -> str:
    return secrets.token_urlsafe(64)


def production_env(**overrides: str) -> dict[str, str]:
    env = {
        "DEBUG": "false",
        "SECRET_KEY": strong_secret_key(),
        "ALLOWED_HOSTS": "tracker.example.org,testserver",
        "DATABASE_URL": "sqlite:///:memory:",
    }
    env.update(overrides)
    return env


def run_python(code: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    full_env = {key: value for key, value in os.environ.items() if key not in _CLEARED}
    full_env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(PROJECT)})
    full_env.update(env)
    command = [sys.executable, *(args or ("-c", code))]
    return subprocess.run(command, cwd=PROJECT, env=full_env, capture_output=True, text=True, timeout=120)


def start_up(env: dict[str, str]) -> subprocess.CompletedProcess:
    return run_python("import django; django.setup()", env)
