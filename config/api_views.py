"""What every API viewset shares about who is acting.

HTML views read `request.actor` (entities.middleware.ActorMiddleware); an API request's user is
only known once DRF has authenticated it (token or session), after the middleware ran, so API
views resolve their actor here. Visibility is applied once, in `get_queryset`, the way NetBox
applies `restrict()` in its base viewset: a viewset never filters by visibility itself.
"""

from functools import cached_property

from entities.access import Actor, actor_for


class ActorMixin:
    """`self.actor`: the Actor of the authenticated request, resolved once per request."""

    @cached_property
    def actor(self) -> Actor:
        return actor_for(self.request.user)


class VisibleQuerysetMixin(ActorMixin):
    """For viewsets whose model's queryset has `visible_to(actor)`: the viewset's `queryset`
    (or what a subclass's `get_queryset` builds on `super().get_queryset()`) narrowed to what the
    actor may see. A record the actor may not see is a 404, never a 403."""

    def get_queryset(self):
        return super().get_queryset().visible_to(self.actor)
