"""Who may see and change what: the one place that decides.

`actor_for(user)` says what a user is (ISU staff, focal point of a State or an entity, API
client, anonymous). Each domain has a submodule here (`entities`, `recommendations`,
`taskforce`, `partnerships`, `letters`) with the querysets a user may see and the
predicates for what they may change; views and API viewsets call those, never their own
rules. Another State's private record is filtered out of the queryset, so it is a 404, not a
403, and its existence does not leak.
"""

from .actors import Actor, actor_for

__all__ = ["Actor", "actor_for"]
