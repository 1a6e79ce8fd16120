from django.shortcuts import render
from django.utils import timezone

from partnerships.access import can_change_entry, can_see_history, can_submit_entry

from .. import selectors
from ..choices import Side
from ..csv_export import entries_csv_response
from ..filters import EntryFilter
from .common import paginate, visible_entry_or_404


def index(request):
    """The public Platform: needs and offers anyone may browse, filter and download."""
    actor = request.actor
    visible = selectors.entries_for(actor)
    filterset = EntryFilter(request.GET or None, queryset=visible)
    page, query_string = paginate(request, filterset.qs)
    return render(request, "partnerships/index.html", {
        "filter": filterset, "page_obj": page, "entries": page.object_list, "query_string": query_string,
        "totals": selectors.side_totals(selectors.current(visible)),
        "can_submit": can_submit_entry(actor), "export_query": query_string,
    })


def export_csv(request):
    """The filtered list as CSV (what the visitor may see, nothing more)."""
    filterset = EntryFilter(request.GET or None, queryset=selectors.entries_for(request.actor))
    stamp = timezone.now().strftime("%Y%m%d")
    return entries_csv_response(filterset.qs, filename=f"platform-for-partnerships-{stamp}.csv")


def entry_detail(request, pk: int):
    actor = request.actor
    entry = visible_entry_or_404(request, pk)
    history = entry.history.select_related("history_user").order_by("-history_date")[:20] if can_see_history(actor, entry) else None
    return render(request, "partnerships/entry_detail.html", {
        "entry": entry, "history": history, "can_change": can_change_entry(actor, entry),
        "matches": selectors.matches_of_entry(actor, entry),
        "is_need": entry.side == Side.NEED,
    })
