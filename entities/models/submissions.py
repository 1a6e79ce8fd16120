"""One-time submission keys: what makes a double click, or a client's retry, create nothing twice.

The row is written in the same transaction as the record it guards, under a unique constraint:
a second request with the same key waits for the first to commit (PostgreSQL blocks on the
unique index; SQLite runs write transactions one at a time), then finds the key taken and is
answered with the first result. The cache was not used: without Redis it is per process, so
two gunicorn workers would each accept the key. See config/idempotency.py.
"""

from django.conf import settings
from django.db import models


class SubmissionKind(models.TextChoices):
    FORM = "form", "form"
    API = "api", "API"


class SubmissionKey(models.Model):
    kind = models.CharField(max_length=8, choices=SubmissionKind.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # A form's key is stored with a fingerprint of what was posted (so a different body is a new
    # submission); an API key is stored as the client sent it and its body fingerprint kept apart.
    key = models.CharField(max_length=128)
    path = models.CharField(max_length=500)
    fingerprint = models.CharField(max_length=64)
    result_url = models.CharField(max_length=500, blank=True)
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    response_body = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="one_submission_per_key"),
        ]
        indexes = [models.Index(fields=["user", "created_at"], name="submission_user_created")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:12]}"
