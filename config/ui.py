"""Helpers shared by the HTML views of every app."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator


def signed_in(predicate=None):
    """Sends anonymous visitors to the sign-in page; a signed-in user failing `predicate`
    (a function of the Actor: a `can_*` of the app's access module) gets 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            actor = request.actor
            if not actor.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if predicate is not None and not predicate(actor):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def paginate(request, queryset, per_page: int = 25) -> tuple[Page, str]:
    """The requested page and the query string without `page`, for the page links."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page, params.urlencode()


def apply_errors(form, error: ValidationError) -> None:
    """Puts a service's ValidationError on the form, field by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
