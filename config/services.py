"""The contract every app's services keep, and the errors they raise.

A service is a function named `<noun>_<verb>` (`entry_update`, `meeting_record`), called with
keyword arguments only, that makes one change in one transaction. The caller passes who acts
(`actor`, resolved once per request: `request.actor`); the service checks its rule once and
refuses with one of the errors below, or with Django's `ValidationError` naming the field
(400). Nothing is saved when it refuses.

Every `ServiceError` carries the HTTP status the views answer with: the API's exception handler
(config.api_errors) maps it for every endpoint; an HTML view catches `Conflict` where it can show
the form again with the message, and lets `NotAllowed` through to Django's 403 page (it is a
`PermissionDenied`).
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _


class ServiceError(Exception):
    """A service refused: nothing was saved. `message` is for the person who asked."""

    status_code = 400
    default_message = _("This change cannot be made.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(self.message)


class NotAllowed(ServiceError, PermissionDenied):
    """The actor may not make this change (403)."""

    status_code = 403
    default_message = _("You do not have permission to perform this action.")


class Conflict(ServiceError):
    """The record changed since the form was opened or the `version` was read (409)."""

    status_code = 409
    default_message = _("Someone else changed this record while you were editing it. Nothing was saved: "
                        "reload the page to see their changes, then make yours again.")
