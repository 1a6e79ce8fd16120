"""Settings, all read from the environment (twelve-factor).

With no environment at all the app runs on the embedded default: DEBUG on, SQLite in the
project folder, no Redis (Celery tasks run in-process), e-mail written to files in var/mail.
Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and the EMAIL_*
variables; docs/operations.md lists every variable read here.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from .env import check_redis_url, check_secret_key, env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = check_secret_key(env_secret("SECRET_KEY"), debug=DEBUG)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required when DEBUG is off (comma-separated).")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

INSTALLED_APPS = [
    # Before the admin, as its documentation asks, so its admin classes can wrap translated fields.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "entities",
    "taskforce",
    "recommendations",
    "partnerships",
    "letters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # request.actor: who is acting, resolved once a request (after the user is known).
    "entities.middleware.ActorMiddleware",
    # 413 for an oversized body before anything reads it; after authentication so the page has the menu.
    "config.middleware.RequestBodyLimitMiddleware",
    # Sees every answer from here inwards (CSRF failures, views, the two-factor gate).
    "entities.middleware.RefusedAccessLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "entities.middleware.TwoFactorRequiredMiddleware",
    # Last, so that it sees the response of every other layer (lockout included).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "entities.context_processors.actor",
            ],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_secret("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is malformed: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and Celery -----------------------------------------------------------------------
REDIS_URL = check_redis_url(env_secret("REDIS_URL"))
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# Without a broker, tasks run in-process through the same task code (CELERY_TASK_ALWAYS_EAGER).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", REDIS_URL is None)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300, minimum=1)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240, minimum=1)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=60)}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    # Letters: each day's reminder stages and campaigns (docs/letters.md), and letters whose
    # worker died mid-send picked up again.
    "letters-daily-schedule": {
        "task": "letters.tasks.letters_schedule_today",
        "schedule": crontab(hour=env_int("LETTERS_DAILY_HOUR_UTC", 5, minimum=0), minute=0),
    },
    "letters-resume-stalled": {"task": "letters.tasks.letters_resume_stalled", "schedule": timedelta(minutes=5)},
    # Weekly reminders of overdue action items to their owners' focal points (letters outbox).
    "taskforce-overdue-reminders": {
        "task": "taskforce.tasks.taskforce_overdue_reminders",
        "schedule": crontab(day_of_week="mon", hour=6, minute=0),
    },
    # Daily: States with entries not confirmed for twelve months are asked (letters outbox) to
    # confirm or withdraw them; each staleness is asked about once. See docs/partnerships.md.
    "partnerships-stale-entries": {
        "task": "partnerships.tasks.request_stale_confirmations", "schedule": timedelta(days=1),
    },
}

# --- Authentication and sessions ------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# Each role lands on its own work after sign-in; the public home page stays for visitors.
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "home"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600, minimum=300)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Lockout: 5 failures per (username, address) pair, for 15 minutes. Keying on the pair means one
# shared government address cannot lock out everyone behind it.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "entities.views.auth.locked_out"
AXES_VERBOSE = False
# Trusted reverse proxies in front of gunicorn; decides which X-Forwarded-For entry is the client.
PROXY_COUNT = env_int("PROXY_COUNT", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "entities.audit.client_ip"

# Two-factor sign-in (TOTP): required for ISU staff, available to focal points.
ISU_STAFF_REQUIRE_2FA = env_bool("ISU_STAFF_REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "Coordination Tracker"

# --- Security headers -----------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats per language (config/formats): "2 de junio de 2026", never "2 Jui 2026".
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
# Stored names (treaties, UN entities, mechanisms, clusters...) in the three languages: the
# official French or Spanish form where the UN has one (data/reference/names-fr-es.csv), else
# the English one. Lookups and ordering on a translated field follow the active language.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# A record created with a name while French or Spanish is active gets it in English too, so
# no reader ever sees an empty name.
MODELTRANSLATION_AUTO_POPULATE = "default"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# The whole body, files included: larger is a 413 before it is read (config.middleware).
REQUEST_BODY_MAX_BYTES = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if env_str("EMAIL_HOST") else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_FILE_PATH = Path(env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail")))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
# Absolute links in e-mails and letters ("https://tracker.example.org"); no trailing slash.
SITE_URL = (env_str("SITE_URL") or ("http://127.0.0.1:8000" if DEBUG else "")).rstrip("/")
if SITE_URL and not SITE_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_URL must start with http:// or https:// (got {SITE_URL!r}).")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Implementation Support Unit <isu@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- REST API -------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "entities.api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["entities.api.permissions.ReadOnlyForApiClients"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # JSON nesting is limited before decoding (config.parsers): deep bodies are a 400, not a 500.
    "DEFAULT_PARSER_CLASSES": [
        "config.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "config.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "config.api_errors.exception_handler",
    "DEFAULT_THROTTLE_RATES": {"anon": "600/min", "user": "3000/min"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Coordination Tracker API",
    "DESCRIPTION": "Recommendations, suggested actions, entities, States, task forces and the Platform for Partnerships.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # drf-spectacular's enum hook first; then what the views cannot say (config/schema.py).
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "config.schema.document_errors",
        "config.schema.declare_public_reads",
        "config.schema.describe_query_parameters",
        "config.schema.declare_idempotency_key",
        "config.schema.describe_csv",
        "config.schema.declare_pagination",
    ],
    # One stable schema name per choice set that several models or serializers share, for
    # generated clients (otherwise check --deploy warns).
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "taskforce.models.common.DatePrecision",
        "PartyRoleEnum": "taskforce.models.common.PartyRole",
        "ParticipantRoleEnum": "taskforce.models.meetings.ParticipantRole",
        "ActionItemStatusEnum": "taskforce.models.actions.ActionItemStatus",
        "SurveyStatusEnum": "taskforce.models.surveys.SurveyStatus",
        "ActionStatusEnum": "recommendations.models.ActionStatus",
        "ReportKindEnum": "letters.models.reporting.ReportKind",
        "ReportVerdictEnum": ["on_time", "late", "missing", "not_due"],
        "PlatformEntryStatusEnum": "partnerships.choices.EntryStatus",
        "PlatformKindEnum": "partnerships.choices.Kind",
        "PlatformAreaEnum": "partnerships.choices.Area",
        "PlatformSideEnum": "partnerships.choices.Side",
        "PlatformVisibilityEnum": "partnerships.choices.Visibility",
        "PlatformMatchStatusEnum": "partnerships.choices.MatchStatus",
        "PlatformObligationEnum": "partnerships.choices.Obligation",
        "PlatformChallengeNatureEnum": "partnerships.choices.ChallengeNature",
        "PlatformChallengeSourceEnum": "partnerships.choices.ChallengeSource",
        "PlatformPledgeStatusEnum": "partnerships.choices.PledgeStatus",
    },
}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Sign-ins, failures, lockouts, two-factor steps, refused accesses (entities.audit).
        "security": {"level": env_str("SECURITY_LOG_LEVEL", "INFO")},
        "django.db.backends": {"level": "WARNING"},
    },
}

ADMINS = [("ISU", addr) for addr in env_list("ADMIN_EMAILS", [])]

# --- Letters (outbox, reminders) ------------------------------------------------------------
# See docs/letters.md. Attempts are counted per letter; retries back off exponentially from
# LETTERS_RETRY_BASE_SECONDS up to LETTERS_RETRY_MAX_SECONDS; a claim ("sending") older than
# LETTERS_CLAIM_LEASE_SECONDS is taken to belong to a dead worker and is sent again.
LETTERS_MAX_ATTEMPTS = env_int("LETTERS_MAX_ATTEMPTS", 6, minimum=1)
LETTERS_RETRY_BASE_SECONDS = env_int("LETTERS_RETRY_BASE_SECONDS", 60, minimum=1)
LETTERS_RETRY_MAX_SECONDS = env_int("LETTERS_RETRY_MAX_SECONDS", 3600, minimum=1)
LETTERS_CLAIM_LEASE_SECONDS = env_int("LETTERS_CLAIM_LEASE_SECONDS", 600, minimum=1)
LETTERS_HANDOFF_CHUNK = env_int("LETTERS_HANDOFF_CHUNK", 200, minimum=1)
LETTERS_QUEUE = env_str("LETTERS_QUEUE", "celery")
LETTERS_MESSAGE_ID_DOMAIN = env_str("LETTERS_MESSAGE_ID_DOMAIN", "coordination-tracker.local")
LETTERS_SECRETARIAT = env_str("LETTERS_SECRETARIAT", "Implementation Support Unit")
# The secretariat's name in each language (letters.secretariat.secretariat_name()).
LETTERS_SECRETARIAT_NAMES = {
    "en": LETTERS_SECRETARIAT,
    "fr": env_str("LETTERS_SECRETARIAT_FR", "Unité d'appui à l'application"),
    "es": env_str("LETTERS_SECRETARIAT_ES", "Dependencia de Apoyo a la Aplicación"),
}

# --- Recommendations ------------------------------------------------------------------------
# An open suggested action with no status update for this many days is listed as stale.
RECOMMENDATIONS_STALE_DAYS = env_int("RECOMMENDATIONS_STALE_DAYS", 180, minimum=1)
