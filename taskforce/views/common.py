from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator

from entities.access import actor_for


def actor_of(request):
    return actor_for(request.user)


def signed_in(predicate=None):
    """Sends anonymous visitors to the login page; a signed-in user failing `predicate` gets 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if predicate is not None and not predicate(actor_of(request)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def paginate(request, queryset, per_page: int = 25):
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
