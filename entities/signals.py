"""Security-log receivers for sign-in, sign-out, failed sign-in and lockout."""

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from .access import actor_for
from .audit import record_event
from .middleware import OTP_REQUIRED_SESSION_KEY
from .models import SecurityEventKind


def requires_two_factor(user) -> bool:
    """ISU staff and admin users always (unless ISU_STAFF_REQUIRE_2FA is off); others once enrolled."""
    if settings.ISU_STAFF_REQUIRE_2FA and (user.is_staff or actor_for(user).is_isu_staff):
        return True
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@receiver(user_logged_in, dispatch_uid="security-log-signed-in")
def on_signed_in(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        session[OTP_REQUIRED_SESSION_KEY] = requires_two_factor(user)
    record_event(kind=SecurityEventKind.SIGNED_IN, request=request, user=user)


@receiver(user_logged_out, dispatch_uid="security-log-signed-out")
def on_signed_out(sender, request, user, **kwargs):
    if user is not None:
        record_event(kind=SecurityEventKind.SIGNED_OUT, request=request, user=user)


@receiver(user_login_failed, dispatch_uid="security-log-sign-in-failed")
def on_sign_in_failed(sender, credentials, request=None, **kwargs):
    username = str((credentials or {}).get("username") or "")
    record_event(kind=SecurityEventKind.SIGN_IN_FAILED, request=request, username=username, status=None)


@receiver(user_locked_out, dispatch_uid="security-log-locked-out")
def on_locked_out(sender, request, username, ip_address, **kwargs):
    record_event(
        kind=SecurityEventKind.LOCKED_OUT, request=request, username=str(username or ""),
        detail=f"{settings.AXES_FAILURE_LIMIT} failed sign-ins",
    )
