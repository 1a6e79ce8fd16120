from dataclasses import dataclass

from entities.models import Role


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    role: str | None
    state_id: int | None = None
    entity_id: int | None = None

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


ANONYMOUS = Actor(user_id=None, role=None)


def actor_for(user) -> Actor:
    """The Actor for a request's user, cached on the user object for the request."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_actor", None)
    if cached is not None:
        return cached
    if user.is_superuser:
        actor = Actor(user_id=user.pk, role=Role.ISU_STAFF)
    else:
        role = getattr(user, "role", None) if _has_role(user) else None
        actor = Actor(
            user_id=user.pk,
            role=role.kind if role else None,
            state_id=role.state_id if role else None,
            entity_id=role.entity_id if role else None,
        )
    user._actor = actor
    return actor


def _has_role(user) -> bool:
    from entities.models import UserRole

    try:
        user.role
    except UserRole.DoesNotExist:
        return False
    return True
