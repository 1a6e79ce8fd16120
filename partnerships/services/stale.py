import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..models import Entry
from .notify import queue_to_focal_points, site_link

PURPOSE = "partnerships-stale"


def stale_entries_request_confirmation(*, now: dt.datetime | None = None) -> int:
    """Asks each State with stale entries to confirm or withdraw them: once per staleness.

    Entries are claimed with a conditional UPDATE (only those not asked yet), so two runs never
    ask twice; confirming or editing an entry clears the mark. The messages go through the
    letters outbox. Returns the number of States asked.
    """
    now = now or timezone.now()
    pending = Entry.objects.stale(now).filter(stale_request_sent_at__isnull=True)
    asked = 0
    for state_id in sorted(set(pending.values_list("state_id", flat=True))):
        with transaction.atomic():
            ids = list(pending.filter(state_id=state_id).select_for_update().values_list("pk", flat=True))
            if not Entry.objects.filter(pk__in=ids, stale_request_sent_at__isnull=True).update(stale_request_sent_at=now):
                continue
            entries = list(Entry.objects.filter(pk__in=ids).select_related("state").order_by("side", "title"))
            state = entries[0].state
            queue_to_focal_points(
                state=state, key=f"{PURPOSE}:{state.code.code}:{now.date().isoformat()}", kind=PURPOSE,
                context=lambda language, entries=entries: {
                    "entries": [
                        {"side": entry.get_side_display(), "title": entry.title, "link": site_link(entry.get_absolute_url())}
                        for entry in entries
                    ],
                    "count": len(entries),
                },
            )
            asked += 1
    return asked
