"""A missing or malformed environment variable stops start-up with a message that names it."""

import json

import pytest

from .subprocess_env import production_env, run_python, start_up


def _refused(env: dict[str, str], variable: str) -> str:
    result = start_up(env)
    assert result.returncode != 0, f"start-up accepted {env}"
    assert "ImproperlyConfigured" in result.stderr
    message = result.stderr.strip().splitlines()[-1]
    assert variable in message, message
    return message


def test_production_defaults_start():
    result = start_up(production_env())
    assert result.returncode == 0, result.stderr


def test_embedded_default_starts_with_no_environment_at_all():
    result = run_python("import django; django.setup(); from django.conf import settings; print(settings.DEBUG)", {})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_missing_secret_key_with_debug_off_stops_start_up():
    env = production_env()
    del env["SECRET_KEY"]
    _refused(env, "SECRET_KEY")


@pytest.mark.parametrize("weak", ["changeme", "django-insecure-" + "x" * 60, "a" * 64])
def test_weak_secret_key_with_debug_off_stops_start_up(weak):
    message = _refused(production_env(SECRET_KEY=weak), "SECRET_KEY")
    assert weak not in message  # the refused secret itself is never printed


def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret_key"
    key = "file-" + "k3y-" * 15
    key_file.write_text(key + "\n")
    env = production_env(SECRET_KEY_FILE=str(key_file))
    del env["SECRET_KEY"]
    result = run_python("import django; django.setup(); from django.conf import settings; print(settings.SECRET_KEY)", env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == key


def test_unreadable_secret_key_file_stops_start_up(tmp_path):
    env = production_env(SECRET_KEY_FILE=str(tmp_path / "missing"))
    _refused(env, "SECRET_KEY_FILE")


def test_missing_allowed_hosts_with_debug_off_stops_start_up():
    env = production_env()
    del env["ALLOWED_HOSTS"]
    _refused(env, "ALLOWED_HOSTS")


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("REDIS_URL", "http://cache.internal:6379/0"),
        ("REDIS_URL", "redis://cache.internal:port/0"),
        ("DATABASE_URL", "postgres://tracker@db:notaport/tracker"),
        ("DATABASE_URL", "nonsense://db/tracker"),
        ("EMAIL_PORT", "smtp"),
        ("SESSION_COOKIE_AGE", "eight hours"),
        ("SECURE_HSTS_SECONDS", "-1"),
        ("EMAIL_USE_TLS", "sometimes"),
    ],
)
def test_malformed_variable_stops_start_up_naming_it(variable, value):
    _refused(production_env(**{variable: value}), variable)


def test_a_password_in_a_malformed_redis_url_is_not_printed():
    message = _refused(production_env(REDIS_URL="http://:s3cret-pass@cache:6379/0"), "REDIS_URL")
    assert "s3cret-pass" not in message


def test_database_url_selects_postgresql():
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "db = settings.DATABASES['default']; print(json.dumps([db['ENGINE'], db['HOST'], db['PORT'], db['NAME']]))"
    )
    result = run_python(code, production_env(DATABASE_URL="postgres://tracker:pw@db:5432/tracker"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["django.db.backends.postgresql", "db", 5432, "tracker"]


def test_without_redis_tasks_run_in_process_and_with_it_they_go_to_the_broker():
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps([settings.CELERY_BROKER_URL, settings.CELERY_TASK_ALWAYS_EAGER]))"
    )
    without = run_python(code, production_env())
    with_redis = run_python(code, production_env(REDIS_URL="redis://cache:6379/0"))
    assert json.loads(without.stdout) == ["memory://", True]
    assert json.loads(with_redis.stdout) == ["redis://cache:6379/0", False]
