"""One JSON shape for API errors: {"detail": ..., "errors": {field: [messages]}}."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from config.services import NotAllowed, ServiceError


def exception_handler(exc, context):
    if isinstance(exc, ServiceError) and not isinstance(exc, NotAllowed):
        # A service's refusal (config.services): its status (409 for a stale edit) and message.
        # NotAllowed is a PermissionDenied, which DRF already answers with 403.
        refusal = exc
        exc = exceptions.APIException(str(refusal.message))
        exc.status_code = refusal.status_code
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, exceptions.ValidationError) and isinstance(response.data, (dict, list)):
        errors = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        response.data = {"detail": "Invalid input.", "errors": errors}
    return response
