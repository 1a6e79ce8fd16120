from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Match
from ..notifications import focal_points_of, send_to_focal_point


def match_proposed_notify(*, match_id: int) -> int:
    """E-mails the focal points of both States once (claimed by a conditional UPDATE)."""
    claimed = Match.objects.filter(pk=match_id, notified_at__isnull=True).update(notified_at=timezone.now())
    if not claimed:
        return 0
    match = Match.objects.select_related("need__state", "offer__state", "proposed_by").get(pk=match_id)
    recipients = focal_points_of([match.need.state_id, match.offer.state_id])
    try:
        for focal_point in recipients:
            send_to_focal_point(
                focal_point, template="match_proposed",
                subject=_("Platform for Partnerships: a match is proposed for “%(title)s”"),
                context={"match": match, "subject_params": {"title": match.need.title}},
            )
    except Exception:
        # Let a retry send it again (it may repeat the e-mails already sent to some recipients).
        Match.objects.filter(pk=match_id).update(notified_at=None)
        raise
    return len(recipients)
