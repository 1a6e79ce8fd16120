"""`{% submission_key %}`: the one-time key a create form carries (config/idempotency.py).
Rendered only through templates/includes/submission_key.html."""

from django import template

from config.idempotency import submission_key_for

register = template.Library()


@register.simple_tag(takes_context=True)
def submission_key(context) -> str:
    return submission_key_for(context.get("request"))
