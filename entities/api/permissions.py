from rest_framework.permissions import SAFE_METHODS, BasePermission

from entities.access import actor_for


class ReadOnlyForApiClients(BasePermission):
    """The default: signed in (token or session); API clients may only read.

    Writes are further decided per object by the domain's rules in entities.access.
    """

    message = "API client tokens are read-only."

    def has_permission(self, request, view) -> bool:
        actor = actor_for(request.user)
        if not actor.is_authenticated:
            return False
        return request.method in SAFE_METHODS or actor.may_write


class PublicReadOnly(BasePermission):
    """Anyone may read (the public Platform and public status); writing needs a writer role."""

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return actor_for(request.user).may_write


class IsIsuStaff(BasePermission):
    def has_permission(self, request, view) -> bool:
        return actor_for(request.user).is_isu_staff
