"""Who is acting, and the registry's own rules.

`actor_for(user)` says what a user is (ISU staff, focal point of a State or an entity, API
client, anonymous) and the ids it acts for; it is resolved once per request (`request.actor`,
set by entities.middleware.ActorMiddleware; `ActorMixin.actor` in API views). `entities` here
holds the registry's predicates.

Each app owns the rules of its own records: what a list holds is a queryset method on the
app's models (`Entry.objects.visible_to(actor)`, `Meeting.objects.visible_to(actor)`...),
and what an actor may change are the `can_*` predicates of the app's `access` module
(`partnerships.access`, `taskforce.access`, `recommendations.access`, `letters.access`).
Another State's private record is filtered out of the queryset, so it is a 404, not a 403,
and its existence does not leak.
"""

from .actors import Actor, actor_for

__all__ = ["Actor", "actor_for"]
