from django.http import Http404

from config.ui import apply_errors, paginate

from .. import selectors
from ..models import Entry

__all__ = ["apply_errors", "paginate", "visible_entry_or_404"]


def visible_entry_or_404(request, pk: int) -> Entry:
    try:
        return selectors.entry_for(request.actor, pk)
    except Entry.DoesNotExist:
        raise Http404 from None
