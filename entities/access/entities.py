"""Who may see what in the registry.

The directory (entities, States, organisations, treaties and their parties) is public
information. Focal points' contact details and the change history are for ISU staff only;
so are maintaining the list of States Parties and correcting how a State is named.

Which focal points a list holds is `FocalPoint.objects.visible_to(actor)`.
"""

from .actors import Actor


def can_see_focal_points(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_see_history(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_import_treaty_parties(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_correct_country_names(actor: Actor) -> bool:
    return actor.is_isu_staff
