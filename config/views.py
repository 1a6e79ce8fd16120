"""Site-wide views: the home page, health and readiness probes, error pages.

Error handlers answer JSON (`{"detail": ...}`) under /api/ and the HTML error pages elsewhere;
neither ever shows a traceback (that needs DEBUG, which production refuses to start with
without a strong SECRET_KEY and is documented as development-only).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET


@require_GET
@never_cache
def healthz(request):
    """Liveness: the process answers. Touches neither the database nor Redis."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readyz(request):
    """Readiness: the database answers and, when configured, Redis does too."""
    checks: dict[str, str] = {}
    healthy = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means "not ready"
        checks["database"] = f"error: {exc.__class__.__name__}"
        healthy = False
    if settings.REDIS_URL:
        try:
            import redis

            client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=2, socket_connect_timeout=2)
            try:
                client.ping()
            finally:
                client.close()
            checks["redis"] = "ok"
        except Exception as exc:
            checks["redis"] = f"error: {exc.__class__.__name__}"
            healthy = False
    return JsonResponse({"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503)


def home(request):
    return render(request, "home.html")


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def _error(request, status: int, template: str, detail: str):
    if _is_api(request):
        return JsonResponse({"detail": detail}, status=status)
    return render(request, template, status=status)


@requires_csrf_token
def page_not_found(request, exception):
    return _error(request, 404, "404.html", _("Not found."))


@requires_csrf_token
def permission_denied(request, exception):
    return _error(request, 403, "403.html", _("You do not have permission to perform this action."))


@requires_csrf_token
def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the 403 page, saying why in words a user can act on."""
    if _is_api(request):
        return JsonResponse({"detail": _("CSRF check failed: reload the page and try again.")}, status=403)
    return render(request, "403.html", {"csrf_failed": True}, status=403)


@requires_csrf_token
def bad_request(request, exception):
    if isinstance(exception, RequestDataTooBig):
        return request_too_large(request)
    return _error(request, 400, "400.html", _("Bad request."))


def request_too_large(request):
    """413: the body is larger than REQUEST_BODY_MAX_BYTES (config.middleware) or than what
    Django parses into a form (DATA_UPLOAD_MAX_MEMORY_SIZE, files aside)."""
    megabytes = settings.REQUEST_BODY_MAX_BYTES // (1024 * 1024)
    detail = _("The request is too large: at most %(megabytes)d MB may be sent at once. Nothing was saved.") % {
        "megabytes": megabytes,
    }
    if _is_api(request):
        return JsonResponse({"detail": detail}, status=413)
    return render(request, "413.html", {"megabytes": megabytes}, status=413)


@requires_csrf_token
def server_error(request):
    if _is_api(request):
        return JsonResponse({"detail": _("Server error. It has been logged.")}, status=500)
    try:
        return render(request, "500.html", status=500)
    except Exception:
        # The page itself failed (database down, broken context processor): a bare page then.
        return HttpResponseServerError(
            "<!DOCTYPE html><title>Server error</title><h1>Server error</h1>", content_type="text/html"
        )
