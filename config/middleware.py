"""Request-level limits applied before any view, parser or CSRF check reads the body."""

from __future__ import annotations

from django.conf import settings

from .views import request_too_large

__all__ = ["RequestBodyLimitMiddleware"]


class RequestBodyLimitMiddleware:
    """Answers 413 to a body larger than REQUEST_BODY_MAX_BYTES, from its Content-Length,
    without reading it. Django's own limit (DATA_UPLOAD_MAX_MEMORY_SIZE) is met only when a
    form is parsed, and answers a bare 400; the API's parsers read the body as a stream and
    never meet it. Sits after the authentication middleware so that the HTML answer is the
    site's page, with the visitor's language and menu."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads a malformed length as an empty body, and so do we.
        if length > settings.REQUEST_BODY_MAX_BYTES:
            return request_too_large(request)
        return self.get_response(request)
