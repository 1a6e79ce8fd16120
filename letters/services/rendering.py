"""Letter templates: the allowed placeholders per kind, checking a template when staff save
it, and rendering a subject and body in the recipient's language.

Templates use Django template syntax with autoescaping off (the output is plain text: an
e-mail body and the paragraphs of the PDF). Only `if` and `for` tags are allowed, and only
the placeholders listed for the kind, so a typo is refused when the template is saved
instead of producing a letter with a blank where the State's name should be.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.template.base import Variable, VariableNode
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from letters import defaults
from letters.models import LetterTemplate, TemplateKind

COMMON = {"state", "treaty", "period", "secretariat"}
# Placeholders that change from one letter to the next within a scheduling run.
PER_LETTER = "state"
_MARKER = "\x00state\x00"
PLACEHOLDERS: dict[str, set[str]] = {
    TemplateKind.REPORT_REMINDER: COMMON | {"obligation", "article", "deadline", "days_left"},
    TemplateKind.REPORT_OVERDUE: COMMON | {"obligation", "article", "deadline", "days_late"},
    TemplateKind.PLATFORM_CALL: COMMON | {"meeting", "send_on"},
    TemplateKind.CLEARANCE_REMINDER: COMMON | {"deadline", "months_left"},
}
ALLOWED_TAGS = {"if", "elif", "else", "endif", "for", "endfor", "empty"}
_TAG = re.compile(r"{%-?\s*(\w+)")

ENGINE = Engine(autoescape=False, debug=False)


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str
    language: str


def _compile(field: str, source: str, allowed: set[str]):
    for tag in _TAG.findall(source):
        if tag not in ALLOWED_TAGS:
            raise ValidationError({field: _("The tag {%% %(tag)s %%} is not allowed here.") % {"tag": tag}})
    try:
        template = ENGINE.from_string(source)
    except TemplateSyntaxError as exc:
        raise ValidationError({field: _("Broken template syntax: %(reason)s") % {"reason": exc}}) from None
    for node in template.nodelist.get_nodes_by_type(VariableNode):
        var = node.filter_expression.var
        if isinstance(var, Variable) and var.lookups and var.lookups[0] not in allowed:
            raise ValidationError({
                field: _("Unknown placeholder {{ %(name)s }}. Allowed: %(allowed)s.")
                % {"name": var.lookups[0], "allowed": ", ".join(sorted(allowed))}
            })
    return template


def template_check(*, kind: str, subject: str, body: str) -> None:
    """Raises ValidationError naming the field and the reason when a template is unusable."""
    allowed = PLACEHOLDERS.get(kind)
    if allowed is None:
        raise ValidationError({"kind": _("Unknown kind of letter.")})
    errors: dict = {}
    for field, source in (("subject", subject), ("body", body)):
        try:
            _compile(field, source or "", allowed)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)


@lru_cache(maxsize=64)
def _compiled(kind: str, language: str, subject: str, body: str):
    allowed = PLACEHOLDERS[kind]
    subject_tpl, body_tpl = _compile("subject", subject, allowed), _compile("body", body, allowed)
    return subject_tpl, body_tpl, _state_is_plain(subject_tpl, subject) and _state_is_plain(body_tpl, body)


def _state_is_plain(template, source: str) -> bool:
    """True when {{ state }} appears only bare (no filter, not inside a tag), so a run can
    render the template once and put each State's name in by substitution."""
    for block in re.findall(r"{%.*?%}", source, flags=re.S):
        if re.search(rf"\b{PER_LETTER}\b", block):
            return False
    for node in template.nodelist.get_nodes_by_type(VariableNode):
        var = node.filter_expression.var
        if isinstance(var, Variable) and var.lookups and var.lookups[0] == PER_LETTER:
            if node.filter_expression.filters or len(var.lookups) != 1:
                return False
    return True


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
        with translation.override(language):
            ctx = Context(context, autoescape=False)
            subject = " ".join(subject_tpl.render(ctx).split())
            body = body_tpl.render(ctx).strip()
        return Rendered(subject=subject[:300], body=body, language=language)

    def renderer(self, *, kind: str, language: str, context: dict):
        """A function state_name -> Rendered for many letters sharing everything but the State.

        When the template allows it, the template is rendered once and the State's name is
        substituted (10,000 letters in a run); otherwise each letter is rendered in full."""
        subject_tpl, body_tpl, plain = _compiled(kind, language, *self.source(kind, language))
        if not plain:
            return lambda state_name: self._render(subject_tpl, body_tpl, language, {**context, PER_LETTER: state_name})
        once = self._render(subject_tpl, body_tpl, language, {**context, PER_LETTER: _MARKER})

        def fill(state_name: str) -> Rendered:
            return Rendered(
                subject=once.subject.replace(_MARKER, state_name)[:300],
                body=once.body.replace(_MARKER, state_name), language=language,
            )

        return fill

    def render(self, *, kind: str, language: str, context: dict) -> Rendered:
        subject_tpl, body_tpl, _plain = _compiled(kind, language, *self.source(kind, language))
        return self._render(subject_tpl, body_tpl, language, context)


def letter_render(*, kind: str, language: str, context: dict) -> Rendered:
    return TemplateSet().render(kind=kind, language=language, context=context)
