from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.services import NotAllowed
from entities.access import Actor
from partnerships.access import can_decide_match, can_propose_match

from ..choices import ACTIVE_STATUSES, EntryStatus, MatchStatus, Side
from ..models import Entry, Match, SuggestedMatch
from ..selectors import matching
from .notify import match_proposed_notify

# decision -> (statuses it may follow, status it leads to)
TRANSITIONS = {
    "accept": ((MatchStatus.PROPOSED,), MatchStatus.ACCEPTED),
    "decline": ((MatchStatus.PROPOSED, MatchStatus.ACCEPTED), MatchStatus.DECLINED),
    "complete": ((MatchStatus.ACCEPTED,), MatchStatus.COMPLETED),
}
LIVE = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED)


def _set_status(entry: Entry, status: str, user) -> None:
    entry.status = status
    entry.version += 1
    entry._history_user = user
    entry.save(update_fields=["status", "version", "updated_at"])


@transaction.atomic
def match_propose(*, actor: Actor, user, need: Entry, offer: Entry, note: str = "") -> Match:
    if need.side != Side.NEED or offer.side != Side.OFFER:
        raise ValidationError(_("A match puts one need together with one offer."))
    if not can_propose_match(actor, need, offer):
        raise NotAllowed(_("Only the secretariat or a focal point of one of the two States may propose this match."))
    need, offer = (Entry.objects.select_for_update().get(pk=e.pk) for e in (need, offer))
    if need.state_id == offer.state_id:
        raise ValidationError(_("A State cannot be matched with itself."))
    if need.status not in ACTIVE_STATUSES or offer.status not in ACTIVE_STATUSES:
        raise ValidationError(_("Only open entries, or entries in discussion, can be matched."))
    if Match.objects.filter(need=need, offer=offer).exists():
        raise ValidationError(_("This need and this offer have already been matched."))
    scored = matching.ranked(need, Entry.objects.filter(pk=offer.pk)).first()
    match = Match(need=need, offer=offer, note=note, proposed_by=user, score=scored.score if scored else 0)
    match.full_clean()
    match._history_user = user
    match.save()
    for entry in (need, offer):
        if entry.status == EntryStatus.OPEN:
            _set_status(entry, EntryStatus.IN_DISCUSSION, user)
    match_proposed_notify(match=match)
    return match


@transaction.atomic
def match_decide(*, actor: Actor, user, match: Match, decision: str) -> Match:
    if decision not in TRANSITIONS:
        raise ValidationError(_("Unknown decision."))
    if not can_decide_match(actor, match):
        raise NotAllowed(_("Only the secretariat or a focal point of one of the two States may decide on this match."))
    match = Match.objects.select_for_update().select_related("need", "offer").get(pk=match.pk)
    allowed_from, target = TRANSITIONS[decision]
    if match.status not in allowed_from:
        raise ValidationError(
            _("A %(status)s match cannot be %(target)s.")
            % {"status": match.get_status_display().lower(), "target": MatchStatus(target).label.lower()}
        )
    now = timezone.now()
    match.status = target
    if target in (MatchStatus.ACCEPTED, MatchStatus.DECLINED):
        match.decided_at = now
    if target == MatchStatus.COMPLETED:
        match.completed_at = now
    match._history_user = user
    match.save()
    entry_status = {MatchStatus.ACCEPTED: EntryStatus.MATCHED, MatchStatus.COMPLETED: EntryStatus.FULFILLED}.get(target)
    for entry in (match.need, match.offer):
        if entry.status == EntryStatus.WITHDRAWN:
            continue
        if entry_status:
            _set_status(entry, entry_status, user)
        elif not entry.matches_as_need.filter(status__in=LIVE).exists() and not entry.matches_as_offer.filter(status__in=LIVE).exists():
            if entry.status in (EntryStatus.IN_DISCUSSION, EntryStatus.MATCHED):
                _set_status(entry, EntryStatus.OPEN, user)
    return match


@transaction.atomic
def strong_matches_record(*, entry_id: int, limit: int = 50) -> int:
    """Records the strong matches of one entry as suggestions for staff. Idempotent."""
    entry = Entry.objects.select_related("state").filter(pk=entry_id).first()
    if entry is None:
        return 0
    field = "need" if entry.side == Side.NEED else "offer"
    other = "offer" if field == "need" else "need"
    SuggestedMatch.objects.filter(**{field: entry}).delete()
    if entry.status not in ACTIVE_STATUSES:
        return 0
    found = list(matching.strong(entry).values_list("pk", "score")[:limit])
    SuggestedMatch.objects.bulk_create(
        [SuggestedMatch(**{field: entry, f"{other}_id": pk}, score=score) for pk, score in found],
        update_conflicts=True, unique_fields=["need", "offer"], update_fields=["score", "found_at"],
    )
    return len(found)
