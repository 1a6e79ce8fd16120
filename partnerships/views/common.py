from django.http import Http404

from config.ui import apply_errors, paginate
from entities.access import actor_for

from .. import selectors
from ..models import Entry

__all__ = ["actor_of", "apply_errors", "paginate", "visible_entry_or_404"]


def actor_of(request):
    return actor_for(request.user)


def visible_entry_or_404(request, pk: int) -> Entry:
    try:
        return selectors.entry_for(actor_of(request), pk)
    except Entry.DoesNotExist:
        raise Http404 from None
