"""Reads of the registry that need joins; views and API viewsets call these."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from .access import Actor
from .models import AddresseeGroup, Entity, FocalPoint, Organisation, State, Treaty, TreatyParty
from .translation import by_translated_name


def entity_list() -> QuerySet[Entity]:
    return Entity.objects.select_related("parent", "successor").order_by("acronym")


def entity_detail(*, actor: Actor) -> QuerySet[Entity]:
    """Detail rows with parent, children, predecessors, successor, other names and the focal
    points this actor may see."""
    return entity_list().prefetch_related(
        "names",
        Prefetch("children", queryset=Entity.objects.order_by("acronym")),
        Prefetch("predecessors", queryset=Entity.objects.order_by("acronym")),
        Prefetch("focal_points", queryset=FocalPoint.objects.filter(is_active=True).visible_to(actor)),
    )


def state_list() -> QuerySet[State]:
    return State.objects.order_by("code")


def state_detail(*, actor: Actor) -> QuerySet[State]:
    return State.objects.prefetch_related(
        Prefetch("treaty_parties", queryset=TreatyParty.objects.select_related("treaty").order_by("treaty__short_name")),
        Prefetch("focal_points", queryset=FocalPoint.objects.filter(is_active=True).visible_to(actor)),
    )


def organisation_list() -> QuerySet[Organisation]:
    return Organisation.objects.order_by(by_translated_name())


def addressee_group_list() -> QuerySet[AddresseeGroup]:
    return AddresseeGroup.objects.select_related("entity").order_by(by_translated_name())


def treaty_list() -> QuerySet[Treaty]:
    return Treaty.objects.prefetch_related("reporting_obligations").annotate(
        party_count=Count("parties", distinct=True),
        demo_party_count=Count("parties", filter=Q(parties__is_demo=True), distinct=True),
    ).order_by("short_name")


def treaty_party_list() -> QuerySet[TreatyParty]:
    return TreatyParty.objects.select_related("treaty", "state").order_by("treaty__short_name", "state__code")


def contact_list() -> QuerySet[FocalPoint]:
    """Contacts (focal points) for the staff pages, with what they speak for and their login."""
    return FocalPoint.objects.select_related("state", "entity", "user").order_by("name", "pk")


def contacts_of(*, state: State | None = None, entity: Entity | None = None) -> list[FocalPoint]:
    """The contacts of one State or one entity, the active ones first."""
    contacts = contact_list().filter(state=state) if state is not None else contact_list().filter(entity=entity)
    return list(contacts.order_by("-is_active", "name", "pk"))


def contact_detail() -> QuerySet[FocalPoint]:
    return FocalPoint.objects.select_related("state", "entity", "user__role")
