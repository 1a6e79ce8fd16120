"""A kind of outgoing message in one language, and the template language they are written in.

Every message the outbox sends is composed here: the letters to States Parties (reminders,
campaigns) and the e-mails other apps send (match proposed, entries to confirm, overdue action
items, mapping-survey invitations). Templates use Django template syntax with autoescaping off
(the output is plain text: an e-mail body and the paragraphs of the PDF). Only `if` and `for`
tags are allowed, and only the placeholders listed for the kind (and the variables a `for`
names), so a typo is refused when the template is saved instead of producing a message with a
blank where the State's name should be. Rendering is letters.services.rendering's.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.template import Engine, TemplateSyntaxError
from django.template.base import FilterExpression, Variable, VariableNode
from django.template.defaulttags import ForNode, IfNode
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import Language, TimeStamped


class TemplateKind(models.TextChoices):
    REPORT_REMINDER = "report-reminder", _("Reminder before a report deadline")
    REPORT_OVERDUE = "report-overdue", _("Overdue report")
    PLATFORM_CALL = "platform-call", _("Annual call for Platform for Partnerships updates")
    CLEARANCE_REMINDER = "clearance-reminder", _("Reminder before an article 5 clearance deadline")
    # The e-mails of other apps. Their values are the outbox purposes those apps already write
    # on every message, so the outbox names each message by its kind's label.
    MATCH_PROPOSED = "partnerships-match", _("Platform for Partnerships: match proposed")
    ENTRIES_TO_CONFIRM = "partnerships-stale", _("Platform for Partnerships: entries to confirm")
    ACTION_ITEMS_OVERDUE = "taskforce-overdue", _("Task force: overdue action item")
    SURVEY_INVITATION = "taskforce-survey", _("Task force: mapping survey invitation")


# The kinds a campaign may send to all States Parties and the preview page shows: the letters.
# The other kinds are e-mails composed for one recipient from a record (a match, entries).
LETTER_KINDS = (
    TemplateKind.REPORT_REMINDER, TemplateKind.REPORT_OVERDUE, TemplateKind.PLATFORM_CALL, TemplateKind.CLEARANCE_REMINDER,
)
LETTER_KIND_CHOICES = [(kind.value, kind.label) for kind in LETTER_KINDS]

COMMON = {"state", "treaty", "period", "secretariat"}
# E-mails to a focal point: its name (empty when the State has no focal point to write to).
MESSAGE = {"name", "state", "secretariat"}
PLACEHOLDERS: dict[str, set[str]] = {
    TemplateKind.REPORT_REMINDER: COMMON | {"obligation", "article", "deadline", "days_left"},
    TemplateKind.REPORT_OVERDUE: COMMON | {"obligation", "article", "deadline", "days_late"},
    TemplateKind.PLATFORM_CALL: COMMON | {"meeting", "send_on"},
    TemplateKind.CLEARANCE_REMINDER: COMMON | {"deadline", "months_left"},
    TemplateKind.MATCH_PROPOSED: MESSAGE | {"need", "offer", "score", "note", "link"},
    TemplateKind.ENTRIES_TO_CONFIRM: MESSAGE | {"entries", "count"},
    # `state` for items a State owns, `entity` (its acronym) for items a UN entity owns.
    TemplateKind.ACTION_ITEMS_OVERDUE: MESSAGE | {"entity", "items", "count"},
    # Sent only to UN entities' focal points, so no `state`: it would always be blank. `survey`
    # is the survey's title, `link` its answer page.
    TemplateKind.SURVEY_INVITATION: {"name", "entity", "survey", "link", "secretariat"},
}
# What a placeholder that is a record (need.title) or a list ({% for item in items %}
# {{ item.text }}) holds, shown beside it on the edit page. A need or offer the recipient may
# not see has the title "A confidential entry" and no State.
PLACEHOLDER_FIELDS: dict[str, tuple[str, ...]] = {
    "need": ("title", "state"), "offer": ("title", "state"),
    "entries": ("side", "title", "link"), "items": ("text", "mechanism", "due", "link"),
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
    for name in _names_used(template.nodelist, frozenset()):
        if name not in allowed:
            raise ValidationError({
                field: _("Unknown placeholder {{ %(name)s }}. Allowed: %(allowed)s.")
                % {"name": name, "allowed": ", ".join(sorted(allowed))}
            })
    return template


def _names_used(nodelist, bound: frozenset):
    """The placeholder names a template reads, in order: in `{{ }}`, in filter arguments and in
    `if` and `for` conditions; a name a `for` binds counts only inside its loop."""
    for node in nodelist:
        if isinstance(node, VariableNode):
            yield from _expression_names(node.filter_expression, bound)
        elif isinstance(node, ForNode):
            yield from _expression_names(node.sequence, bound)
            yield from _names_used(node.nodelist_loop, bound | {*node.loopvars, "forloop"})
            yield from _names_used(node.nodelist_empty, bound)
        elif isinstance(node, IfNode):
            for condition, branch in node.conditions_nodelists:
                yield from _condition_names(condition, bound)
                yield from _names_used(branch, bound)
        else:
            for attribute in node.child_nodelists:
                yield from _names_used(getattr(node, attribute, None) or [], bound)


def _expression_names(expression: FilterExpression, bound: frozenset):
    variables = [expression.var] + [value for _function, arguments in expression.filters
                                     for is_lookup, value in arguments if is_lookup]
    for var in variables:
        if isinstance(var, Variable) and var.lookups and var.lookups[0] not in bound:
            yield var.lookups[0]


def _condition_names(condition, bound: frozenset):
    """The `if` condition is a tree of operators over literals (each a FilterExpression)."""
    if condition is None:
        return
    if isinstance(getattr(condition, "value", None), FilterExpression):
        yield from _expression_names(condition.value, bound)
    for side in (getattr(condition, "first", None), getattr(condition, "second", None)):
        if side is not None:
            yield from _condition_names(side, bound)


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
    """The subject and body of a kind of letter or e-mail in one language, edited by staff.

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
