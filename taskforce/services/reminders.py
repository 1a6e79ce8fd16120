"""Weekly reminders of overdue action items to their owners' focal points, through the outbox.

Which items: open, with a due date before today, owned by a UN entity or a State. Who: the
active focal points of the owner that have an e-mail address (a focal point without one still
gets an outbox row, flagged "no recipient", so staff see the gap). One message per focal
point per ISO week lists all of its overdue items; the outbox key makes a second run in the
same week a no-op. The message is composed from its template (letters, kind
"taskforce-overdue"), in the focal point's language.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import translation

from entities.models import FocalPoint
from taskforce.models import ActionItem, ActionItemStatus, ReminderSent

PURPOSE = "taskforce-overdue"


@dataclass
class Reminder:
    focal_point: FocalPoint
    items: list[ActionItem] = field(default_factory=list)


def iso_week(day: dt.date) -> str:
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def overdue_action_items(*, today: dt.date):
    return (
        ActionItem.objects.filter(status=ActionItemStatus.OPEN, due_on__lt=today)
        .exclude(entity__isnull=True, state__isnull=True)
        .select_related("mechanism", "entity", "state")
        .order_by("due_on", "pk")
    )


def overdue_reminders_select(*, today: dt.date) -> list[Reminder]:
    """Who should be reminded of what: one Reminder per focal point, in two queries."""
    items = list(overdue_action_items(today=today))
    by_entity, by_state = defaultdict(list), defaultdict(list)
    for item in items:
        (by_entity[item.entity_id] if item.entity_id else by_state[item.state_id]).append(item)
    focal_points = FocalPoint.objects.filter(is_active=True).filter(
        Q(entity_id__in=list(by_entity)) | Q(state_id__in=list(by_state))
    ).order_by("pk")
    reminders = []
    for focal_point in focal_points:
        owned = by_entity.get(focal_point.entity_id, []) if focal_point.entity_id else by_state.get(focal_point.state_id, [])
        if owned:
            reminders.append(Reminder(focal_point=focal_point, items=owned))
    return reminders


def reminder_context(reminder: Reminder, *, base_url: str) -> dict:
    """The placeholders of the reminder's template, read with its language active: the
    mechanisms' names are the reader's."""
    focal_point = reminder.focal_point
    return {
        "name": focal_point.name, "count": len(reminder.items),
        # A State's focal point reads its State's name with its grammar; an entity's, the acronym.
        "entity": focal_point.entity.acronym if focal_point.entity_id else "",
        "state": None if focal_point.entity_id else focal_point.state,
        "items": [
            {"text": item.text, "mechanism": item.mechanism.short, "due": item.due_on,
             "link": f"{base_url}{item.get_absolute_url()}"}
            for item in reminder.items
        ],
    }


@transaction.atomic
def overdue_reminders_queue(*, today: dt.date, base_url: str = "") -> int:
    """Queues this week's reminders in the outbox; returns how many messages were new."""
    from letters.models import Letter
    from letters.secretariat import secretariat_name
    from letters.services.outbox import message_enqueue
    from letters.services.rendering import TemplateSet

    templates = TemplateSet()
    period = iso_week(today)
    created = 0
    for reminder in overdue_reminders_select(today=today):
        focal_point = reminder.focal_point
        key = f"{PURPOSE}:{focal_point.pk}:{period}"
        if Letter.objects.filter(key=key).exists():
            continue
        with translation.override(focal_point.language):
            context = {**reminder_context(reminder, base_url=base_url), "secretariat": secretariat_name}
        rendered = templates.render(kind=PURPOSE, language=focal_point.language, context=context)
        message_enqueue(
            key=key, purpose=PURPOSE, recipients=[focal_point.email] if focal_point.email else [],
            subject=rendered.subject, body=rendered.body, language=focal_point.language,
            entity=focal_point.entity, state=None if focal_point.entity_id else focal_point.state,
        )
        ReminderSent.objects.bulk_create(
            [ReminderSent(action_item=item, focal_point=focal_point, period=period) for item in reminder.items],
            ignore_conflicts=True,
        )
        created += 1
    return created
