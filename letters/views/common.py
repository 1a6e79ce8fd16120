from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator

from entities.access import actor_for
from entities.access.letters import can_manage_letters


def staff_required(view):
    """Anonymous visitors go to the sign-in page; signed-in non-staff get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        actor = actor_for(request.user)
        if not actor.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage_letters(actor):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def signed_in(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not actor_for(request.user).is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def paginate(request, queryset, per_page: int = 50):
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()
