"""Letters and reporting records: who sees and does what.

The outbox, templates, plans, campaigns, compliance and analytics are ISU staff only.
Reporting records (which State reported when) are read by staff and API clients; a State
focal point sees and records only its own State's reports.
"""

from django.db.models import QuerySet

from .actors import Actor


def can_manage_letters(actor: Actor) -> bool:
    return actor.is_isu_staff


def visible_letters(actor: Actor, queryset: QuerySet) -> QuerySet:
    return queryset if actor.is_isu_staff else queryset.none()


def visible_reports(actor: Actor, queryset: QuerySet) -> QuerySet:
    if actor.is_isu_staff or actor.is_api_client:
        return queryset
    if actor.is_state_focal_point:
        return queryset.filter(state_id=actor.state_id)
    return queryset.none()


def can_record_report(actor: Actor, state_id: int | None = None) -> bool:
    """Staff record any State's report; a State focal point only its own State's."""
    if actor.is_isu_staff:
        return True
    return actor.is_state_focal_point and (state_id is None or state_id == actor.state_id)
