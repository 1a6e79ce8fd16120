"""English source text on a French or Spanish page, marked as English (WCAG 3.1.2), so a
screen reader pronounces it as English: recommendation texts, quoted wording of the documents
the data comes from, names that have no official translation.

`{{ recommendation.text|source_text }}` wraps inline text in `<span lang="en">`;
`<div{% source_lang %}>…</div>` marks a block (several paragraphs). Both do nothing on an
English page.
"""

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

register = template.Library()

SOURCE_LANGUAGE = "en"


def _reader_reads_source() -> bool:
    return (get_language() or SOURCE_LANGUAGE).split("-")[0] == SOURCE_LANGUAGE


@register.filter(needs_autoescape=True)
def source_text(value, autoescape=True):
    if value in (None, ""):
        return value
    text = conditional_escape(value) if autoescape else value
    if _reader_reads_source():
        return text
    return format_html('<span lang="{}">{}</span>', SOURCE_LANGUAGE, text)


@register.simple_tag
def source_lang() -> str:
    return "" if _reader_reads_source() else format_html(' lang="{}"', SOURCE_LANGUAGE)
