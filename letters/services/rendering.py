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

COMMON = {"state", "treaty", "period", "secretariat", "focal_points"}
PLACEHOLDERS: dict[str, set[str]] = {
    TemplateKind.REPORT_REMINDER: COMMON | {"obligation", "article", "deadline", "days_left"},
    TemplateKind.REPORT_OVERDUE: COMMON | {"obligation", "article", "deadline", "days_late"},
    TemplateKind.PLATFORM_CALL: COMMON | {"meeting", "send_on"},
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
    return _compile("subject", subject, allowed), _compile("body", body, allowed)


class TemplateSet:
    """The templates of one scheduling run, read once: staff-edited rows, else the defaults."""

    def __init__(self):
        self._rows = {(t.kind, t.language): t for t in LetterTemplate.objects.all()}

    def source(self, kind: str, language: str) -> tuple[str, str]:
        row = self._rows.get((kind, language))
        if row is not None:
            return row.subject, row.body
        return defaults.TEMPLATES[kind][language]

    def render(self, *, kind: str, language: str, context: dict) -> Rendered:
        subject_source, body_source = self.source(kind, language)
        subject_tpl, body_tpl = _compiled(kind, language, subject_source, body_source)
        with translation.override(language):
            ctx = Context(context, autoescape=False)
            subject = " ".join(subject_tpl.render(ctx).split())
            body = body_tpl.render(ctx).strip()
        return Rendered(subject=subject[:300], body=body, language=language)


def letter_render(*, kind: str, language: str, context: dict) -> Rendered:
    return TemplateSet().render(kind=kind, language=language, context=context)
