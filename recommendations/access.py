"""Who may see and change recommendations and suggested actions.

Recommendations, actions and their status histories are public (the public part of
recommendation status): `Recommendation.objects.visible_to(actor)` and
`SuggestedAction.objects.visible_to(actor)` hold everything. Status updates: ISU staff on any
action; a UN entity focal point on the actions its entity implements or names, including
actions that name an entity it succeeded (a DPO focal point for an action naming the
Department of Peacekeeping Operations); nobody else. Imports are for ISU staff.
"""

from entities.access import Actor


def entities_acted_for(actor: Actor) -> set[int]:
    """The entity ids a focal point speaks for: its own and those its entity succeeded."""
    return set(actor.entity_ids) if actor.is_entity_focal_point else set()


def can_update_action(actor: Actor, action) -> bool:
    """Uses the action's prefetched implementing entities when the page loaded them, so a
    list of actions costs no query per action."""
    if not actor.may_write:
        return False
    if actor.is_isu_staff:
        return True
    if actor.is_entity_focal_point and actor.entity_ids:
        prefetched = getattr(action, "_prefetched_objects_cache", {})
        if "implementing_entities" in prefetched:
            return any(entity.pk in actor.entity_ids for entity in prefetched["implementing_entities"])
        return action.implementing_entities.filter(pk__in=actor.entity_ids).exists()
    return False


def can_update_any_action(actor: Actor) -> bool:
    """Whether to offer status forms at all (entity focal points and ISU staff)."""
    return actor.may_write and (actor.is_isu_staff or actor.is_entity_focal_point)


def can_import(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_export(actor: Actor) -> bool:
    return actor.is_isu_staff
