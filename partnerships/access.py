"""Platform for Partnerships: who sees and changes needs, offers, matches and challenges.

- Public entries: everyone.
- "States Parties only": the secretariat and focal points of any State party to the APMBC.
- "Secretariat only": the secretariat and the owning State's focal points.
- A State's own entries (any visibility, withdrawn included): its focal points.
- Through another object (a match, its e-mail, a list of matches), an entry the reader may not
  see by these rules is shown only as "a confidential entry" (`flag_confidential_entries`).
Only focal points of a State that is party to the APMBC submit entries, and only for their
own State; the secretariat may record an entry on behalf of any State Party.

What a list holds is decided by the models' querysets (`Entry.objects.visible_to(actor)`,
`Match`, `Challenge`), which read `entry_rule` below; the predicates here decide what an actor
may change.
"""

from django.db.models import BooleanField, Case, Q, QuerySet, Value, When

from entities.access import Actor
from entities.models import Role, State, TreatyParty

from .choices import Visibility

TREATY = "APMBC"


def is_state_party(state_id: int | None) -> bool:
    if state_id is None:
        return False
    return TreatyParty.objects.filter(treaty__short_name=TREATY, state_id=state_id).exists()


def party_states(queryset=None):
    """The States party to the APMBC (for pick lists and filters)."""
    queryset = queryset if queryset is not None else State.objects.all()
    return queryset.filter(treaty_parties__treaty__short_name=TREATY).distinct()


def entry_rule(actor: Actor, prefix: str = "") -> Q | None:
    """The Q deciding which entries an actor sees; None means everything. `prefix` reaches the
    entry through a relation (`"need__"` from a match), so the same rule decides both what a list
    holds and what another object may show of the entries it points to."""
    if actor.is_isu_staff:
        return None
    rule = Q(**{f"{prefix}visibility": Visibility.PUBLIC})
    if actor.is_state_focal_point and actor.state_id:
        rule |= Q(**{f"{prefix}state_id": actor.state_id})
        if actor_state_is_party(actor):
            rule |= Q(**{f"{prefix}visibility": Visibility.PARTIES})
    return rule


def flag_confidential_entries(actor: Actor, queryset: QuerySet, *relations: str) -> QuerySet:
    """Annotates each row with `<relation>_confidential`: True when the entry it points to through
    `relation` is one the actor may not see (by the very rule of `Entry.objects.visible_to`).
    Whatever shows an entry through another object (a match, its e-mail, a page listing matches)
    reads this flag and shows the entry only as "a confidential entry"."""
    flags = {}
    for relation in relations:
        rule = entry_rule(actor, prefix=f"{relation}__")
        flags[f"{relation}_confidential"] = (
            Value(False) if rule is None
            else Case(When(rule, then=Value(False)), default=Value(True), output_field=BooleanField())
        )
    return queryset.annotate(**flags)


def state_reader(state_id: int) -> Actor:
    """What any focal point of a State may see: the reader of a message sent to that State."""
    return Actor(user_id=None, role=Role.STATE_FOCAL_POINT, state_id=state_id)


def actor_state_is_party(actor: Actor) -> bool:
    """Whether the actor's State is party to the APMBC, asked once a request (actor.facts)."""
    if "state_is_party" not in actor.facts:
        actor.facts["state_is_party"] = is_state_party(actor.state_id)
    return actor.facts["state_is_party"]


def can_submit_entry(actor: Actor) -> bool:
    if actor.is_isu_staff:
        return True
    return actor.is_state_focal_point and actor.may_write and actor_state_is_party(actor)


def can_change_entry(actor: Actor, entry) -> bool:
    """Edit, confirm, withdraw. Assumes the entry is already known to be visible."""
    if actor.is_isu_staff:
        return True
    return (
        actor.is_state_focal_point and actor.may_write
        and entry.state_id == actor.state_id and actor_state_is_party(actor)
    )


def can_see_history(actor: Actor, record) -> bool:
    return actor.is_isu_staff or (actor.is_state_focal_point and record.state_id == actor.state_id)


# --- Matches ---------------------------------------------------------------------------------

def can_propose_match(actor: Actor, need, offer) -> bool:
    if actor.is_isu_staff:
        return True
    return (
        actor.is_state_focal_point and actor.may_write and actor.state_id in (need.state_id, offer.state_id)
        and actor_state_is_party(actor)
    )


def can_decide_match(actor: Actor, match) -> bool:
    """Accept, decline or complete: the secretariat or a focal point of one of the two States."""
    if actor.is_isu_staff:
        return True
    return actor.is_state_focal_point and actor.may_write and actor.state_id in (
        match.need.state_id, match.offer.state_id,
    )


# --- Challenges ------------------------------------------------------------------------------

def can_record_challenge(actor: Actor) -> bool:
    return can_submit_entry(actor)


def can_change_challenge(actor: Actor, challenge) -> bool:
    return can_change_entry(actor, challenge)


# --- Projects and feedback ------------------------------------------------------------------

def can_give_feedback(actor: Actor) -> bool:
    return actor.is_isu_staff or (actor.is_state_focal_point and actor.may_write)


def can_read_feedback(actor: Actor) -> bool:
    return actor.is_isu_staff
