"""The security log: sign-ins, failed sign-ins, lockouts, two-factor steps and refused accesses.

Each event is a `SecurityEvent` row (ISU staff read them at /accounts/audit/) and a line on the
`security` logger, so it also reaches whatever collects the process logs.

Other apps call `log_refused_access(request, reason)` where they refuse something without a
403 response (for instance a record hidden from a focal point, answered with a 404 so that its
existence does not leak). Every 401 and 403 response is logged centrally by
`entities.middleware.RefusedAccessLogMiddleware`; the helper marks the request so that a
refusal is logged once.
"""

import ipaddress
import logging

from django.conf import settings
from django.db import DatabaseError, transaction

from .models import SecurityEvent, SecurityEventKind

__all__ = ["client_address", "client_ip", "log_refused_access", "record_event"]

logger = logging.getLogger("security")

_LOGGED_FLAG = "_security_refusal_logged"


def _valid_address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address, used by the lockout (AXES_CLIENT_IP_CALLABLE) and by the log.

    With PROXY_COUNT=n trusted reverse proxies in front of the app, the client is the n-th
    address from the right of X-Forwarded-For (what the outermost trusted proxy saw); anything
    further left was written by the client and is not trusted. Without proxies, REMOTE_ADDR.
    """
    remote = _valid_address(request.META.get("REMOTE_ADDR", "") or "")
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return _valid_address(forwarded[-proxies]) or remote
    return remote


def client_address(request) -> str | None:
    return client_ip(request) if request is not None else None


def _username_of(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_username()


def record_event(
    *, kind: str, request=None, user=None, username: str = "", status: int | None = None, detail: str = ""
) -> SecurityEvent | None:
    """Writes one security event; a failure to store it is logged, never raised."""
    if user is None and request is not None:
        request_user = getattr(request, "user", None)
        if request_user is not None and request_user.is_authenticated:
            user = request_user
    username = (username or _username_of(user))[:150]
    address = client_address(request)
    method = request.method[:10] if request is not None and request.method else ""
    path = request.path[:500] if request is not None else ""
    detail = str(detail)[:300]
    logger.info(
        "%s user=%r address=%s %s %s status=%s %s", kind, username, address or "-", method, path, status or "-", detail,
    )
    try:
        # A savepoint, so that a failed write cannot spoil a surrounding transaction.
        with transaction.atomic():
            return SecurityEvent.objects.create(
                kind=kind,
                user=user if user is not None and user.pk else None,
                username=username,
                ip_address=address,
                method=method,
                path=path,
                status=status,
                detail=detail,
            )
    except DatabaseError:
        logger.exception("could not store security event %s for %r", kind, username)
        return None


def log_refused_access(request, reason: str, *, status: int | None = None) -> None:
    """Logs that `request` was refused (once per request), with a short reason."""
    if getattr(request, _LOGGED_FLAG, False):
        return
    setattr(request, _LOGGED_FLAG, True)
    record_event(kind=SecurityEventKind.ACCESS_REFUSED, request=request, status=status, detail=reason)


def refusal_already_logged(request) -> bool:
    return getattr(request, _LOGGED_FLAG, False)
