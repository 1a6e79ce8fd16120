from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


def derive_status(statuses) -> str:
    """A recommendation's status from its actions' statuses (the rule in docs/recommendations.md).

    1. No actions, or every action not started (discontinued ones aside): not started.
    2. Every action discontinued: discontinued.
    3. Every action that is not discontinued is completed: completed.
    4. Otherwise (something in progress or completed, something still open): in progress.
    """
    live = [s for s in statuses if s != ActionStatus.DISCONTINUED]
    if not live:
        return ActionStatus.DISCONTINUED if statuses else ActionStatus.NOT_STARTED
    if all(s == ActionStatus.COMPLETED for s in live):
        return ActionStatus.COMPLETED
    if all(s == ActionStatus.NOT_STARTED for s in live):
        return ActionStatus.NOT_STARTED
    return ActionStatus.IN_PROGRESS
