"""Letters and reporting records: who sees and does what.

The outbox, templates, plans, campaigns, compliance and analytics are ISU staff only.
Reporting records (which State reported when) are read by staff and API clients; a State
focal point sees and records only its own State's reports. What a list holds is decided by
`Letter.objects.visible_to(actor)` and `ReportSubmission.objects.visible_to(actor)`.
"""

from entities.access import Actor


def can_manage_letters(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_record_report(actor: Actor, state_id: int | None = None) -> bool:
    """Staff record any State's report; a State focal point only its own State's."""
    if actor.is_isu_staff:
        return True
    return actor.is_state_focal_point and (state_id is None or state_id == actor.state_id)
