"""`{{ state.region|region }}`: an M49 region or sub-region in the reader's language
(entities/regions.py)."""

from django import template

from entities.regions import region_name

register = template.Library()


@register.filter(name="region")
def region(value) -> str:
    return region_name(value or "")
