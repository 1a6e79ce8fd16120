from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404

from entities.access import actor_for

from .. import selectors
from ..models import Entry


def actor_of(request):
    return actor_for(request.user)


def visible_entry_or_404(request, pk: int) -> Entry:
    try:
        return selectors.entry_for(actor_of(request), pk)
    except Entry.DoesNotExist:
        raise Http404 from None


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
