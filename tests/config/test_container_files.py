"""docker-compose.yml and the Dockerfile, checked for structure (no Docker engine on the build
machines; `docker compose config -q` is the check to run where Docker is installed)."""

import re
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parents[2]
SERVICES = {"db", "redis", "web", "worker", "beat", "mail"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((PROJECT / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def dockerfile() -> str:
    return (PROJECT / "Dockerfile").read_text()


def test_stack_has_database_broker_web_worker_beat_and_mail_catcher(compose):
    assert SERVICES <= set(compose["services"])
    assert compose["services"]["db"]["image"].startswith("postgres:")
    assert compose["services"]["redis"]["image"].startswith("redis:")
    assert compose["services"]["mail"]["image"].startswith("axllent/mailpit")


def test_every_long_running_service_has_a_health_check(compose):
    for name in SERVICES:
        check = compose["services"][name].get("healthcheck")
        assert check and check.get("test") and not check.get("disable"), name
        assert check["test"][0] in ("CMD", "CMD-SHELL"), name


def test_app_services_are_wired_by_environment_variables(compose):
    for name in ("web", "worker", "beat", "migrate"):
        env = compose["services"][name]["environment"]
        assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"], name
        assert env["REDIS_URL"] == "redis://redis:6379/0", name
        assert (env["EMAIL_HOST"], env["EMAIL_PORT"]) == ("mail", "1025"), name
        assert env["DEBUG"] == "false", name
        assert env["SECRET_KEY"].startswith("${SECRET_KEY:?"), name  # no default key, ever


def test_web_runs_gunicorn_and_worker_and_beat_run_celery(compose, dockerfile):
    assert "gunicorn config.wsgi:application" in dockerfile
    assert compose["services"]["worker"]["command"][:4] == ["celery", "--app", "config", "worker"]
    assert compose["services"]["beat"]["command"][:4] == ["celery", "--app", "config", "beat"]


def test_app_waits_for_migrations_and_healthy_services(compose):
    assert compose["services"]["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker", "beat"):
        depends = compose["services"][name]["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully", name
        assert depends["redis"]["condition"] == "service_healthy", name


def test_services_refer_only_to_declared_volumes(compose):
    declared = set(compose.get("volumes") or {})
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith(("/", ".", "$")):
                assert source in declared, (name, source)


def test_image_is_python_312_slim_runs_unprivileged_and_checks_health(dockerfile):
    assert re.search(r"^FROM python:3\.12-slim", dockerfile, re.M)
    users = re.findall(r"^USER (\S+)", dockerfile, re.M)
    assert users and users[-1] not in ("root", "0")
    assert "collectstatic" in dockerfile
    assert re.search(r"^HEALTHCHECK .*", dockerfile, re.M)
    assert "/healthz" in dockerfile


def test_image_installs_the_locked_versions(dockerfile):
    assert "requirements.lock" in dockerfile


def test_secrets_and_local_state_stay_out_of_the_image():
    ignored = set((PROJECT / ".dockerignore").read_text().split())
    assert {".git", ".venv", ".env", "db.sqlite3", "var"} <= ignored
