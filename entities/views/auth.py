"""Sign-in, sign-out, the lockout page and two-factor (TOTP) sign-in."""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..access import actor_for
from ..audit import record_event
from ..middleware import OTP_REQUIRED_SESSION_KEY, two_factor_pending
from ..models import FocalPoint, SecurityEventKind


class SignInForm(AuthenticationForm):
    """Django's sign-in form, with the username's length enforced. Django only sets the
    `maxlength` attribute; an over-long name reached django-axes, which stores attempts in a
    varchar(255) (a 500 on PostgreSQL). No account has such a name: the answer is the usual
    "wrong username or password", and the attempt goes to the security log, shortened."""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if len(username) > self.username_field.max_length:
            record_event(kind=SecurityEventKind.SIGN_IN_FAILED, request=self.request, username=username,
                         detail="username too long")
            raise self.get_invalid_login_error()
        return super().clean()


def preferred_language(user) -> str | None:
    """The interface language recorded on the person's contact record (the language their
    letters are written in), if they have one; ISU staff and API clients have none."""
    focal_point = FocalPoint.objects.filter(user=user).only("language").first()
    if focal_point is None or focal_point.language not in dict(settings.LANGUAGES):
        return None
    return focal_point.language


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        """Signing in switches the interface to the person's preferred language, whatever the
        browser asks for; choosing another language in the switcher afterwards wins (it sets the
        same cookie), until the next sign-in."""
        response = super().form_valid(form)
        language = preferred_language(form.get_user())
        if language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, language,
                max_age=settings.LANGUAGE_COOKIE_AGE, path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN, secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response

    def get_success_url(self):
        url = super().get_success_url()
        if two_factor_pending(self.request):
            return f"{reverse('two-factor')}?{urlencode({'next': url})}"
        return url


class LogoutView(auth_views.LogoutView):
    pass


def locked_out(request, original_response=None, credentials=None):
    """The page shown while a (username, address) pair is locked (AXES_LOCKOUT_CALLABLE)."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"), max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if len(token) != 6 or not token.isdigit():
            raise forms.ValidationError(_("Enter the six digits shown by your authenticator app."))
        return token


def _safe_next(request) -> str:
    """The `next` asked for if it stays on this site; otherwise the start page, as after sign-in."""
    fallback = resolve_url(settings.LOGIN_REDIRECT_URL)
    target = request.POST.get("next") or request.GET.get("next") or fallback
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return fallback


def _qr_svg(uri: str) -> str:
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@never_cache
@login_required
def two_factor(request):
    """The TOTP step. With no confirmed authenticator yet, first shows the key to enrol.

    Required for ISU staff; a focal point may enrol here, and from then on passes this step at
    every sign-in too.
    """
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
            user=user, name="default", confirmed=False
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _why = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["token"]):
            if enrolling:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                record_event(kind=SecurityEventKind.TWO_FACTOR_ENROLLED, request=request)
            request.session[OTP_REQUIRED_SESSION_KEY] = True
            otp_login(request, device)
            record_event(kind=SecurityEventKind.TWO_FACTOR_PASSED, request=request)
            messages.success(request, _("Two-factor sign-in complete."))
            return redirect(_safe_next(request))
        record_event(
            kind=SecurityEventKind.TWO_FACTOR_FAILED, request=request,
            detail="throttled" if not allowed else "wrong code",
        )
        if allowed:
            form.add_error("token", _("That code is not valid. Check the time on your device and try again."))
        else:
            form.add_error("token", _("Too many wrong codes. Wait a minute, then try again."))
    context = {
        "form": form,
        "enrolling": enrolling,
        "optional": enrolling and not (settings.ISU_STAFF_REQUIRE_2FA and (user.is_staff or actor_for(user).is_isu_staff)),
        "verified": user.is_verified(),
        "next": _safe_next(request),
    }
    if enrolling:
        context["qr"] = _qr_svg(device.config_url)
        context["secret"] = base64.b32encode(device.bin_key).decode()
    return render(request, "registration/two_factor.html", context)
