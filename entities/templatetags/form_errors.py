"""After a failed submit, the form says so where the reader starts: an error summary at the top
(`role="alert"`, focused by static/js/forms.js) linking to each field in error, and the page
title prefixed with "Error:". Field errors themselves are tied to their input by Django
(`aria-invalid`, `aria-describedby` to `<id>_error`, rendered by includes/form_fields.html).

`{% error_summary form %}` (what includes/form_fields.html does), or, for a page with formsets,
`{% error_summary form participants action_items %}` once at the top of the form.
`{% form_failed form participants as failed %}` tells a title block whether to say "Error:".
"""

from dataclasses import dataclass

from django import template
from django.utils.translation import gettext

register = template.Library()


@dataclass(frozen=True)
class SummaryLine:
    message: str
    label: str = ""
    anchor: str = ""  # the id of the input the line links to


def _is_formset(candidate) -> bool:
    return hasattr(candidate, "non_form_errors") and hasattr(candidate, "forms")


def _is_form(candidate) -> bool:
    return hasattr(candidate, "non_field_errors") and hasattr(candidate, "is_bound")


def _anchor(field) -> str:
    """The input a summary line moves to; for radio buttons and checkboxes, the first one."""
    if field.id_for_label:
        return field.id_for_label
    subwidgets = field.subwidgets
    return (subwidgets[0].id_for_label if subwidgets else "") or field.auto_id


def _form_lines(form, row: int | None = None) -> list[SummaryLine]:
    if not form.is_bound or not form.errors:
        return []
    prefix = gettext("Row %(number)s") % {"number": row} + " — " if row is not None else ""
    lines = [SummaryLine(f"{prefix}{error}") for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            if field.is_hidden:
                lines.append(SummaryLine(f"{prefix}{error}"))
            else:
                lines.append(SummaryLine(str(error), f"{prefix}{field.label}", _anchor(field)))
    return lines


def summary_lines(*candidates) -> list[SummaryLine]:
    lines: list[SummaryLine] = []
    for candidate in candidates:
        if _is_formset(candidate):
            if not candidate.is_bound:
                continue
            lines.extend(SummaryLine(str(error)) for error in candidate.non_form_errors())
            for number, form in enumerate(candidate.forms, start=1):
                lines.extend(_form_lines(form, number))
        elif _is_form(candidate):
            lines.extend(_form_lines(candidate))
    return lines


@register.inclusion_tag("includes/error_summary.html")
def error_summary(*candidates) -> dict:
    return {"lines": summary_lines(*candidates)}


@register.simple_tag
def form_failed(*candidates) -> bool:
    return bool(summary_lines(*candidates))
