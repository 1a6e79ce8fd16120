import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Entry
from ..notifications import focal_points_of, send_to_focal_point


def stale_entries_request_confirmation(*, now: dt.datetime | None = None) -> int:
    """Asks each State with stale entries to confirm or withdraw them: once per staleness.

    Entries are claimed with a conditional UPDATE (only those not asked yet), so two runs never
    ask twice; confirming or editing an entry clears the mark. Returns the number of e-mails sent.
    """
    now = now or timezone.now()
    pending = Entry.objects.stale(now).filter(stale_request_sent_at__isnull=True)
    sent = 0
    for state_id in sorted(set(pending.values_list("state_id", flat=True))):
        with transaction.atomic():
            ids = list(pending.filter(state_id=state_id).select_for_update().values_list("pk", flat=True))
            claimed = Entry.objects.filter(pk__in=ids, stale_request_sent_at__isnull=True).update(stale_request_sent_at=now)
            if not claimed:
                continue
            entries = list(Entry.objects.filter(pk__in=ids).select_related("state").order_by("side", "title"))
            for focal_point in focal_points_of([state_id]):
                send_to_focal_point(
                    focal_point, template="stale_request",
                    subject=_("Platform for Partnerships: please confirm or withdraw %(count)s entries"),
                    context={"entries": entries, "state": entries[0].state, "subject_params": {"count": str(len(entries))}},
                )
                sent += 1
    return sent
