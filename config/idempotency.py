"""Double submits are harmless: one rule for HTML create forms and for API creates.

- Every create form carries a one-time submission key (templates/includes/submission_key.html).
  The view, wrapped in `submitted_once`, records the key with what the form posted and, once
  the record is created, the page it led to. The same key posted again with the same fields (a
  double click, a reload, a retry after a lost connection) creates nothing: it is sent to that
  first page. The same key with different fields (the form corrected after going back) is a new
  submission.
- An API create (POST) may carry an `Idempotency-Key` header (`IdempotentCreateMixin`). The same
  key from the same user with the same body answers the first response's status and body again;
  with another body, or on another endpoint, it is a 422.

Why the database and not the cache: the key is inserted under a unique constraint in the same
transaction as the record it guards. On PostgreSQL a second request inserting the same key
waits for the first transaction and, once it commits, fails on the constraint and reads the
first result; if the first fails, its key is gone with it and the second goes ahead. SQLite runs
write transactions one at a time (transaction_mode IMMEDIATE), so the second simply finds the
key. A cache `add` would be atomic on Redis but not across gunicorn workers without it (the
local-memory cache is per process), and would hold the key even when the record's transaction
rolled back.

Keys are kept a few days (KEEP): older ones of a user are removed when that user submits again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import secrets
from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

from entities.models import SubmissionKey, SubmissionKind

__all__ = [
    "FIELD",
    "HEADER",
    "KEEP",
    "IdempotencyKeyReused",
    "IdempotentCreateMixin",
    "submission_key_for",
    "submitted_once",
]

FIELD = "submission_key"
HEADER = "Idempotency-Key"
KEEP = dt.timedelta(days=3)
# What the include renders (token_urlsafe) and what is accepted back; anything else is ignored.
_FORM_KEY = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# Any visible ASCII: clients use UUIDs, ULIDs or their own request ids.
_API_KEY = re.compile(r"^[\x21-\x7e]{1,128}$")
# Not part of what a person typed: the same rendered form sends the same token anyway.
_NOT_FINGERPRINTED = {FIELD, "csrfmiddlewaretoken"}


def submission_key_for(request: HttpRequest | None) -> str:
    """The key a form carries: the one it was posted with when shown again with errors (so a
    corrected form is still one submission), else a new one."""
    posted = request.POST.get(FIELD, "") if request is not None and request.method == "POST" else ""
    return posted if _FORM_KEY.match(posted) else secrets.token_urlsafe(24)


def submitted_once(view: Callable) -> Callable:
    """Decorates an HTML create view (inside its sign-in decorator). A POST with a valid key
    runs the view in one transaction with the key; a redirect (the record created) is
    remembered, anything else (the form shown again with errors) releases the key."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        key = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not _FORM_KEY.match(key) or not request.user.is_authenticated:
            return view(request, *args, **kwargs)
        fingerprint = _form_fingerprint(request)
        with transaction.atomic():
            row, first = _claim(
                kind=SubmissionKind.FORM, user=request.user, path=request.path, fingerprint=fingerprint,
                key=hashlib.sha256(f"{key}\n{fingerprint}".encode()).hexdigest(),
            )
            if not first:
                messages.info(request, _("This form was already sent; here is what it recorded. Nothing was added twice."))
                return redirect(row.result_url or request.path)
            response = view(request, *args, **kwargs)
            if isinstance(response, HttpResponseRedirect):
                row.result_url = response.url[:500]
                row.save(update_fields=["result_url"])
            else:
                row.delete()
            return response

    return wrapper


class IdempotencyKeyReused(exceptions.APIException):
    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY
    default_code = "idempotency_key_reused"


class IdempotentCreateMixin:
    """For DRF viewsets with CreateModelMixin: honours the `Idempotency-Key` header on create.
    Only a successful create (2xx) is remembered; a refused one releases the key."""

    def create(self, request, *args, **kwargs):
        create = super().create
        key = request.headers.get(HEADER)
        if key is None:
            return create(request, *args, **kwargs)
        if not _API_KEY.match(key):
            raise exceptions.ValidationError({HEADER: [_(
                "Give at most 128 visible characters (letters, digits, punctuation), e.g. a UUID."
            )]})
        fingerprint = _data_fingerprint(request.data)
        with transaction.atomic():
            row, first = _claim(
                kind=SubmissionKind.API, user=request.user, key=key, path=request.path, fingerprint=fingerprint,
            )
            if not first:
                if row.path != request.path or row.fingerprint != fingerprint:
                    raise IdempotencyKeyReused(_(
                        "This Idempotency-Key was already used for a different request (another body or "
                        "endpoint). Use a new key for a new record."
                    ))
                return Response(row.response_body, status=row.status_code, headers={"Idempotent-Replayed": "true"})
            response = create(request, *args, **kwargs)
            if status.is_success(response.status_code):
                row.status_code = response.status_code
                # Stored as the JSON the client received (dates and decimals as text).
                row.response_body = json.loads(json.dumps(response.data, cls=_Encoder))
                row.save(update_fields=["status_code", "response_body"])
            else:
                row.delete()
            return response


def _claim(*, kind: str, user, key: str, path: str, fingerprint: str) -> tuple[SubmissionKey, bool]:
    """Inserts the key, or returns the row that already holds it (False). Runs inside the
    caller's transaction, which also holds the record created."""
    SubmissionKey.objects.filter(user=user, created_at__lt=timezone.now() - KEEP).delete()
    try:
        with transaction.atomic():
            return SubmissionKey.objects.create(
                kind=kind, user=user, key=key, path=path[:500], fingerprint=fingerprint,
            ), True
    except IntegrityError:
        return SubmissionKey.objects.get(kind=kind, user=user, key=key), False


def _form_fingerprint(request) -> str:
    digest = hashlib.sha256()
    for name in sorted(set(request.POST) - _NOT_FINGERPRINTED):
        for value in request.POST.getlist(name):
            digest.update(f"{name}={value}\0".encode(errors="surrogatepass"))
    for name in sorted(request.FILES):
        for upload in request.FILES.getlist(name):
            digest.update(f"{name}:{upload.name}:{upload.size}\0".encode(errors="surrogatepass"))
            for chunk in upload.chunks():
                digest.update(chunk)
            upload.seek(0)
    return digest.hexdigest()


def _data_fingerprint(data) -> str:
    canonical = json.dumps(data, sort_keys=True, cls=_Encoder, ensure_ascii=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


class _Encoder(json.JSONEncoder):
    def default(self, o):
        return str(o)
