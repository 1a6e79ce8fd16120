"""Who may see and change what in task forces, meetings, action items and surveys.

- Mechanisms, meetings, action items, endorsements, capabilities and glossaries are public,
  except confidential meetings (individualised-approach meetings are held "in confidence"):
  those are seen by ISU staff and by the focal points of the meeting's participants and of
  the requesting State; for everyone else they do not exist (404).
- ISU staff record meetings and change every action item; the owner's focal point (the UN
  entity's, or the State's for an item owned by a State) may close its own items.
- Mapping surveys are internal to the UN system: ISU staff and UN entity focal points see them
  (drafts: staff only);
  an entity focal point answers for its own entity when the survey was sent to it.
- A State focal point may request an individualised-approach meeting for its own State.

What a list holds is decided by the models' querysets (`Meeting.objects.visible_to(actor)`,
`ActionItem`, `Survey`); the predicates here decide what an actor may do.
"""

from entities.access import Actor


def can_record_meeting(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_close_action_item(actor: Actor, item) -> bool:
    if actor.is_isu_staff:
        return True
    if not actor.may_write:
        return False
    if actor.is_entity_focal_point and item.entity_id:
        return item.entity_id == actor.entity_id
    if actor.is_state_focal_point and item.state_id:
        return item.state_id == actor.state_id
    return False


def can_see_surveys(actor: Actor) -> bool:
    return actor.is_isu_staff or actor.is_entity_focal_point


def can_answer_survey(actor: Actor, survey, *, invited_entity_ids: set[int]) -> bool:
    return bool(actor.is_entity_focal_point and actor.entity_id in invited_entity_ids and actor.may_write)


def can_manage_surveys(actor: Actor) -> bool:
    return actor.is_isu_staff


def can_request_individualised_approach(actor: Actor) -> bool:
    return actor.is_isu_staff or (actor.is_state_focal_point and actor.may_write)
