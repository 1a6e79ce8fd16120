"""The request's actor, two-factor enforcement and the central log of refused accesses."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .access import actor_for
from .audit import log_refused_access, refusal_already_logged

# Set at sign-in (entities.signals) when the user has a confirmed authenticator: from then on
# that session must pass the two-factor step, whatever the role.
OTP_REQUIRED_SESSION_KEY = "otp_required"

# Reachable before the two-factor step: the step itself, signing in and out, static files,
# probes and the language switch. Nothing else, not even the rest of /accounts/.
_OPEN_PREFIXES = ("/static/", "/media/", "/healthz", "/readyz", "/i18n/")
_OPEN_NAMES = ("login", "logout", "two-factor")


def two_factor_pending(request) -> bool:
    """True when this signed-in session still has to pass the two-factor step."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    # Right after login() the request holds the plain user, not yet wrapped by OTPMiddleware.
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    # Anyone who can reach the admin counts as staff here, whatever their product role.
    if settings.ISU_STAFF_REQUIRE_2FA and (user.is_staff or actor_for(user).is_isu_staff):
        return True
    session = getattr(request, "session", None)
    return bool(session is not None and session.get(OTP_REQUIRED_SESSION_KEY))


class TwoFactorRequiredMiddleware:
    """ISU staff (ISU_STAFF_REQUIRE_2FA) and anyone who enrolled an authenticator must pass the
    TOTP step before anything else. Browsers are sent to the step; API calls get a JSON 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if two_factor_pending(request) and not self._is_open(request.path):
            if request.path.startswith("/api/"):
                log_refused_access(request, "two-factor sign-in not completed", status=403)
                return JsonResponse({"detail": _("Two-factor sign-in required.")}, status=403)
            return redirect(f"{reverse('two-factor')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _is_open(path: str) -> bool:
        return path.startswith(_OPEN_PREFIXES) or path in {reverse(name) for name in _OPEN_NAMES}


class RefusedAccessLogMiddleware:
    """Logs every 401 and 403 answer (HTML, API, CSRF failures) to the security log, once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in (401, 403) and not refusal_already_logged(request):
            log_refused_access(request, f"HTTP {response.status_code}", status=response.status_code)
        return response


class ActorMiddleware:
    """Sets `request.actor`: who is acting, resolved once for the whole request (and only if
    something reads it). HTML views read it instead of resolving the user themselves; the API
    resolves its actor after token authentication (config.api_views.ActorMixin)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.actor = SimpleLazyObject(lambda: actor_for(request.user))
        return self.get_response(request)
