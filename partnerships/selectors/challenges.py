"""States' challenges as a reader may see them (Challenge.objects.visible_to)."""

from django.db.models import QuerySet

from entities.access import Actor

from ..models import Challenge


def challenges_for(actor: Actor) -> QuerySet:
    return Challenge.objects.select_related("state").visible_to(actor)


def own_state_challenges(actor: Actor) -> QuerySet:
    """A State focal point's own State's challenges, shared or not."""
    if not (actor.is_state_focal_point and actor.state_id):
        return Challenge.objects.none()
    return challenges_for(actor).filter(state_id=actor.state_id).order_by("obligation", "pk")
