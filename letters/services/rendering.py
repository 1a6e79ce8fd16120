"""Rendering a letter's subject and body in the recipient's language. The template language
(allowed placeholders per kind, allowed tags, the check run when staff save a template) is the
template model's: letters.models.templates.

The country-name filters (`{{ state|de }}`: "du Mexique", "del Perú"; see
entities/templatetags/country_grammar.py) and `{{ deadline|long_date }}` ("1er mars 2027", "30 de
abril de 2027") are built in; a letter is always rendered with its language active.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.template import Context
from django.template.base import Variable, VariableNode
from django.utils import translation

from entities.countries import CountryName, country_forms
from entities.templatetags.country_grammar import CONSTRUCTIONS, StatePlaceholder, register
from letters import defaults
from letters.models import LetterTemplate
from letters.models.templates import PLACEHOLDERS, template_compile

# Per-letter placeholder and the markers StatePlaceholder writes for it.
PER_LETTER = "state"
# What StatePlaceholder writes for {{ state }} and {{ state|<construction>[:"argument"] }}.
_MARKER = re.compile(r"\x00state(?:\|(\w+)\|([^\x00]*))?\x00")


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    language: str


@lru_cache(maxsize=64)
def _compiled(kind: str, language: str, subject: str, body: str):
    allowed = PLACEHOLDERS[kind]
    subject_tpl, body_tpl = template_compile("subject", subject, allowed), template_compile("body", body, allowed)
    return subject_tpl, body_tpl, _state_is_plain(subject_tpl, subject) and _state_is_plain(body_tpl, body)


def _state_is_plain(template, source: str) -> bool:
    """True when {{ state }} appears only bare or with one country-name filter (with at most a
    constant argument), not inside a tag: a run can then render the template once and put
    each State's forms in by substitution."""
    for block in re.findall(r"{%.*?%}", source, flags=re.S):
        if re.search(rf"\b{PER_LETTER}\b", block):
            return False
    for node in template.nodelist.get_nodes_by_type(VariableNode):
        var = node.filter_expression.var
        if isinstance(var, Variable) and var.lookups and var.lookups[0] == PER_LETTER:
            filters = node.filter_expression.filters
            if len(var.lookups) != 1 or len(filters) > 1:
                return False
            for function, arguments in filters:
                if function.__name__ not in _GRAMMAR_FUNCTIONS or any(lookup for lookup, _value in arguments):
                    return False
    return True


_GRAMMAR_FUNCTIONS = {register.filters[name].__name__ for name in CONSTRUCTIONS}


def _fill(text: str, state, language: str) -> str:
    """Puts one State's forms where the placeholder's markers are."""
    forms = country_forms(state, language)

    def replace(match: re.Match) -> str:
        construction, argument = match.group(1), match.group(2) or ""
        return forms.form(construction, argument) if construction else forms.name

    return _MARKER.sub(replace, text)


class Meeting(CountryName):
    """A meeting a letter names, with its article: `{{ meeting }}` writes "the Intersessional
    Meetings", `{{ meeting|de }}` "des réunions intersessions"."""

    def __str__(self) -> str:
        return self.with_article


def meeting_forms(text: str, language: str) -> Meeting | None:
    """The meeting a campaign names (typed in English), in the letter's language; None when
    there is none, or when it is not one of defaults.MEETINGS and the letter is not English
    (the template then names the usual meetings rather than insert English words)."""
    text = " ".join((text or "").split())
    if not text:
        return None
    key = re.sub(r"^the\s+", "", text.rstrip("."), flags=re.I).casefold()
    known = defaults.MEETINGS.get(key)
    if known is None:
        return Meeting("", "en", text) if language == "en" else None
    name, article, gender = known[language]
    return Meeting("", language, name, article, gender or "m", "p" if article in {"les", "las", "los"} else "s",
                   article == "l'")


class TemplateSet:
    """The templates of one scheduling run, read once: staff-edited rows, else the defaults."""

    def __init__(self):
        self._rows = {(t.kind, t.language): t for t in LetterTemplate.objects.all()}

    def source(self, kind: str, language: str) -> tuple[str, str]:
        row = self._rows.get((kind, language))
        if row is not None:
            return row.subject, row.body
        return defaults.TEMPLATES[kind][language]

    def _render(self, subject_tpl, body_tpl, language: str, context: dict) -> Rendered:
        if isinstance(context.get("meeting"), str):
            context = {**context, "meeting": meeting_forms(context["meeting"], language)}
        with translation.override(language):
            ctx = Context(context, autoescape=False)
            subject = " ".join(subject_tpl.render(ctx).split())
            body = body_tpl.render(ctx).strip()
        return Rendered(subject=subject[:300], body=body, language=language)

    def renderer(self, *, kind: str, language: str, context: dict):
        """A function state -> Rendered for many letters sharing everything but the State
        (a State, its ISO code, or its name as the table writes it).

        When the template allows it, the template is rendered once and each State's forms are
        substituted (10,000 letters in a run); otherwise each letter is rendered in full."""
        subject_tpl, body_tpl, plain = _compiled(kind, language, *self.source(kind, language))
        if not plain:
            return lambda state: self._render(
                subject_tpl, body_tpl, language, {**context, PER_LETTER: country_forms(state, language)},
            )
        once = self._render(subject_tpl, body_tpl, language, {**context, PER_LETTER: StatePlaceholder()})

        def fill(state) -> Rendered:
            subject = " ".join(_fill(once.subject, state, language).split())
            return Rendered(subject=subject[:300], body=_fill(once.body, state, language), language=language)

        return fill

    def render(self, *, kind: str, language: str, context: dict) -> Rendered:
        subject_tpl, body_tpl, _plain = _compiled(kind, language, *self.source(kind, language))
        if context.get(PER_LETTER):
            context = {**context, PER_LETTER: country_forms(context[PER_LETTER], language)}
        return self._render(subject_tpl, body_tpl, language, context)
