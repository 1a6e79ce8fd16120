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
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from entities.access.entities import can_see_history

PAGE_SIZE = 50


def isu_staff_required(view):
    """Anonymous visitors go to the login page; signed-in non-staff get a 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not request.actor.is_isu_staff:
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


# Bookkeeping a reader has no use for: a row's id, its edit counter, its timestamps.
INTERNAL_FIELDS = {"id", "version", "created_at", "updated_at"}
# A row that only moves these fields is a confirmation that the record is still current.
CONFIRMATION_FIELDS = {"confirmed_at", "stale_request_sent_at"}


def _display(field, value, names: dict) -> str:
    """A value as a reader knows it: a choice's label, a related record's name, yes or no."""
    if value is None or value == "":
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.related_model is not None:
        return names.get((field.related_model, value), _("(deleted record)"))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return value


def _related_names(model, deltas) -> dict:
    """The names of every related record the diffs mention: one query per related model."""
    wanted: dict = {}
    for delta in deltas:
        for change in delta.changes:
            field = model._meta.get_field(change.field)
            if field.is_relation and field.related_model is not None and not field.many_to_many:
                wanted.setdefault(field.related_model, set()).update(v for v in (change.old, change.new) if v not in (None, ""))
    return {
        (related, obj.pk): str(obj)
        for related, pks in wanted.items()
        for obj in related._default_manager.filter(pk__in=pks)
    }


def describe_changes(records: list) -> list[dict]:
    """One row per history record, newest first, with the fields changed since the one before,
    in words: field labels, choice labels and names, never internal fields or stored codes."""
    if not records:
        return []
    model = records[0].instance_type
    excluded = [f.name for f in model._meta.fields if f.name in INTERNAL_FIELDS or f.attname in INTERNAL_FIELDS]
    deltas = []
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        delta = None
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=excluded)
        deltas.append(delta)
    names = _related_names(model, [d for d in deltas if d is not None])
    rows = []
    for record, delta in zip(records, deltas):
        changes, summary = [], ""
        if delta is not None:
            changed = {change.field for change in delta.changes}
            if "confirmed_at" in changed and changed <= CONFIRMATION_FIELDS:
                summary = _("Confirmed as current")
            else:
                for change in delta.changes:
                    field = model._meta.get_field(change.field)
                    changes.append({
                        "field": capfirst(field.verbose_name),
                        "old": _display(field, change.old, names),
                        "new": _display(field, change.new, names),
                    })
        reason = record.history_change_reason
        rows.append({"record": record, "changes": changes, "summary": summary, "reason": _(reason) if reason else ""})
    return rows


@isu_staff_required
def record_history(request, app_label: str, model: str, pk: str):
    if not can_see_history(request.actor):
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
