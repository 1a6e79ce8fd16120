from django import template
from django.urls import NoReverseMatch
from django.utils.html import format_html

from taskforce.selectors import party_memberships

register = template.Library()


@register.simple_tag
def party_link(party):
    """A link to a party's directory page (plain text where it has none)."""
    if party is None:
        return ""
    try:
        url = party.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return format_html("{}", party)
    return format_html('<a href="{}">{}</a>', url, party)


@register.inclusion_tag("taskforce/includes/membership_list.html")
def memberships_of(party):
    """The mechanisms a party belongs to and its roles: one query."""
    return {"memberships": party_memberships(party) if party is not None else []}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, key)
