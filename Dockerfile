# One image for web (gunicorn), the Celery worker and Celery beat; see docker-compose.yml and
# docs/operations.md. Python 3.12, runs as an unprivileged user, static files built in.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings \
    VAR_DIR=/app/var \
    WEB_CONCURRENCY=3

# gettext: compilemessages. No compiler is needed: every dependency ships a wheel.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app

# Runtime dependencies only (not the test extra), at the exact versions of requirements.lock.
COPY pyproject.toml requirements.lock README.md ./
RUN pip install --constraint requirements.lock . && rm -rf build *.egg-info

COPY . .

# Build-time only: settings refuse to start without a strong key when DEBUG is off.
RUN export DEBUG=false ALLOWED_HOSTS=build.invalid \
        SECRET_KEY="build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
 && python manage.py compilemessages --ignore=.venv --verbosity 0 \
 && python manage.py collectstatic --no-input --verbosity 0 \
 && mkdir -p /app/var/media \
 && chown -R app:app /app/var

USER app
EXPOSE 8000

# Liveness only (/healthz touches neither the database nor Redis). ALLOWED_HOSTS must accept
# 127.0.0.1, which docker-compose.yml includes.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]

CMD ["sh", "-c", "exec gunicorn config.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY} --access-logfile - --error-logfile - --timeout 60 --max-requests 1000 --max-requests-jitter 100"]
