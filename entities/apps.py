from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EntitiesConfig(AppConfig):
    name = "entities"
    verbose_name = _("Entities and States")

    def ready(self):
        # Receivers for the security log; the admin page of that log.
        from . import audit_admin, signals  # noqa: F401
