"""The change history of any domain record (django-simple-history), for ISU staff.

Generic: `history/<app_label>/<model>/<pk>/` works for every model with `history =
HistoricalRecords()`; other apps link to it with `{% url 'entities:history' app_label=...
model=... pk=... %}` (see docs/entities.md).
"""

from __future__ import annotations

from functools import wraps

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from entities.access import actor_for
from entities.access.entities import can_see_history

PAGE_SIZE = 50


def isu_staff_required(view):
    """Anonymous visitors go to the login page; signed-in non-staff get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not actor_for(request.user).is_isu_staff:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def history_model(app_label: str, model_name: str):
    try:
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        raise Http404(_("No such kind of record.")) from None
    if getattr(model, "history", None) is None or not hasattr(model.history, "model"):
        raise Http404(_("This kind of record keeps no history."))
    return model


def describe_changes(records: list) -> list[dict]:
    """One row per history record, newest first, with the fields changed since the one before."""
    rows = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=["updated_at", "created_at"])
            for change in delta.changes:
                field = record.instance_type._meta.get_field(change.field)
                changes.append({"field": field.verbose_name, "old": change.old, "new": change.new})
        rows.append({"record": record, "changes": changes})
    return rows


@isu_staff_required
def record_history(request, app_label: str, model: str, pk: str):
    if not can_see_history(actor_for(request.user)):
        raise PermissionDenied
    model_class = history_model(app_label, model)
    try:
        lookup = {model_class._meta.pk.attname: model_class._meta.pk.to_python(pk)}
    except (ValidationError, FieldDoesNotExist):
        raise Http404(_("No such record.")) from None
    history = model_class.history.filter(**lookup).select_related("history_user").order_by("-history_date", "-history_id")
    page = Paginator(history, PAGE_SIZE).get_page(request.GET.get("page"))
    records = list(page.object_list)
    if not records:
        raise Http404(_("No history for this record."))
    # The record one past the page, to show what the oldest row on the page changed.
    following = history[page.end_index(): page.end_index() + 1] if page.has_next() else []
    rows = describe_changes([*records, *following])[: len(records)]
    current = model_class._default_manager.filter(**lookup).first()
    return render(request, "entities/history.html", {
        "model_name": model_class._meta.verbose_name,
        "record": current,
        "label": str(current) if current is not None else str(records[0]),
        "rows": rows,
        "page_obj": page,
    })
