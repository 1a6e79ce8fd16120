from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .access import actor_for

# Paths an ISU staff member may reach before completing two-factor sign-in.
_OPEN_PREFIXES = ("/accounts/", "/static/", "/media/", "/healthz", "/readyz", "/i18n/")


class TwoFactorRequiredMiddleware:
    """ISU staff must complete TOTP sign-in before anything else (ISU_STAFF_REQUIRE_2FA)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.ISU_STAFF_REQUIRE_2FA
            and user is not None
            and user.is_authenticated
            and actor_for(user).is_isu_staff
            and not user.is_verified()
            and not request.path.startswith(_OPEN_PREFIXES)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Two-factor sign-in required."}, status=403)
            return redirect(f"{reverse('two-factor')}?next={request.get_full_path()}")
        return self.get_response(request)
