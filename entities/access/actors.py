from dataclasses import dataclass
from functools import cached_property

from entities.models import Role


@dataclass(frozen=True)
class Actor:
    """Who is acting, resolved once per request with the ids it acts for.

    `entity_ids` is what a UN entity focal point speaks for: its own entity and the bodies it
    succeeded (a DPO focal point answers for actions naming DPKO). It is computed up front so
    that permission checks over a list of rows need no query per row."""

    user_id: int | None
    role: str | None
    state_id: int | None = None
    entity_id: int | None = None
    entity_ids: frozenset[int] = frozenset()

    @cached_property
    def facts(self) -> dict:
        """Facts about the actor that a rule reads once a request (whether its State is a party,
        say) rather than once per row; an actor lives for one request."""
        return {}

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    @property
    def is_isu_staff(self) -> bool:
        return self.role == Role.ISU_STAFF

    @property
    def is_state_focal_point(self) -> bool:
        return self.role == Role.STATE_FOCAL_POINT

    @property
    def is_entity_focal_point(self) -> bool:
        return self.role == Role.ENTITY_FOCAL_POINT

    @property
    def is_api_client(self) -> bool:
        return self.role == Role.API_CLIENT

    @property
    def may_write(self) -> bool:
        """API clients are read-only everywhere; anonymous visitors never write."""
        return self.is_authenticated and not self.is_api_client and self.role is not None



def actor_for(user) -> Actor:
    """The Actor for a request's user, cached on the user object for the request.

    A focal point's State or entity is read from its contact record (FocalPoint), the one
    record of who the person is; the UserRole gives the kind only. A focal-point login
    without a contact record is bound to nothing, so it sees nothing private."""
    if user is None or not user.is_authenticated:
        return Actor(user_id=None, role=None)  # a new one: its facts are per request
    cached = getattr(user, "_actor", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        actor = Actor(user_id=user.pk, role=Role.ISU_STAFF)
    else:
        kind, state_id, entity_id = _role_and_binding(user)
        entity_id = entity_id if kind == Role.ENTITY_FOCAL_POINT else None
        actor = Actor(
            user_id=user.pk,
            role=kind,
            state_id=state_id if kind == Role.STATE_FOCAL_POINT else None,
            entity_id=entity_id,
            entity_ids=_lineage(entity_id),
        )
    user._actor = actor
    return actor


def _role_and_binding(user) -> tuple[str | None, int | None, int | None]:
    """(role kind, State id, entity id): from the objects already loaded with the user (the API's
    token authentication joins them), else in one query."""
    from django.contrib.auth import get_user_model

    from entities.models import FocalPoint, UserRole

    model = get_user_model()  # not type(user): a request's user is a lazy proxy
    if model.role.is_cached(user) and model.focal_point.is_cached(user):
        try:
            kind = user.role.kind
        except UserRole.DoesNotExist:
            return None, None, None
        try:
            focal_point = user.focal_point
        except FocalPoint.DoesNotExist:
            return kind, None, None
        return kind, focal_point.state_id, focal_point.entity_id
    row = (
        UserRole.objects.filter(user_id=user.pk)
        .values_list("kind", "user__focal_point__state_id", "user__focal_point__entity_id")
        .first()
    )
    return row if row is not None else (None, None, None)


def _lineage(entity_id: int | None) -> frozenset[int]:
    """The entity and those it succeeded, however many renames back (one query a rename)."""
    if entity_id is None:
        return frozenset()
    from entities.models import Entity

    ids, frontier = {entity_id}, {entity_id}
    while frontier:
        frontier = set(Entity.objects.filter(successor_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return frozenset(ids)
