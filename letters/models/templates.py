"""A kind of letter in one language, and the template language letters are written in.

Templates use Django template syntax with autoescaping off (the output is plain text: an
e-mail body and the paragraphs of the PDF). Only `if` and `for` tags are allowed, and only the
placeholders listed for the kind, so a typo is refused when the template is saved instead of
producing a letter with a blank where the State's name should be. Rendering is
letters.services.rendering's.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.template import Engine, TemplateSyntaxError
from django.template.base import Variable, VariableNode
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import Language, TimeStamped


class TemplateKind(models.TextChoices):
    REPORT_REMINDER = "report-reminder", _("Reminder before a report deadline")
    REPORT_OVERDUE = "report-overdue", _("Overdue report")
    PLATFORM_CALL = "platform-call", _("Annual call for Platform for Partnerships updates")
    CLEARANCE_REMINDER = "clearance-reminder", _("Reminder before an article 5 clearance deadline")


COMMON = {"state", "treaty", "period", "secretariat"}
PLACEHOLDERS: dict[str, set[str]] = {
    TemplateKind.REPORT_REMINDER: COMMON | {"obligation", "article", "deadline", "days_left"},
    TemplateKind.REPORT_OVERDUE: COMMON | {"obligation", "article", "deadline", "days_late"},
    TemplateKind.PLATFORM_CALL: COMMON | {"meeting", "send_on"},
    TemplateKind.CLEARANCE_REMINDER: COMMON | {"deadline", "months_left"},
}
ALLOWED_TAGS = {"if", "elif", "else", "endif", "for", "endfor", "empty"}
_TAG = re.compile(r"{%-?\s*(\w+)")

ENGINE = Engine(
    autoescape=False, debug=False,
    builtins=["entities.templatetags.country_grammar", "entities.templatetags.locale_dates"],
)


def template_compile(field: str, source: str, allowed: set[str]):
    """The compiled template, or ValidationError naming `field` and what is wrong."""
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
            template_compile(field, source or "", allowed)
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)


class LetterTemplate(TimeStamped):
    """The subject and body of a kind of letter in one language, edited by staff.

    Placeholders are Django template variables (`{{ state }}`); the allowed names per kind
    are in PLACEHOLDERS and are checked when the template is saved.
    """

    kind = models.CharField(_("kind"), max_length=40, choices=TemplateKind.choices)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("body"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "language"]
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [models.UniqueConstraint(fields=["kind", "language"], name="one_template_per_kind_language")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language})"

    def clean(self):
        super().clean()
        template_check(kind=self.kind, subject=self.subject, body=self.body)
