"""`{{ membership.note|seed_note }}`: a note written by the seed loader, in the reader's
language; any other note as typed (taskforce/seed/notes.py)."""

from django import template

from taskforce.seed.notes import note_html

register = template.Library()


@register.filter(name="seed_note")
def seed_note(value):
    return note_html(value)
