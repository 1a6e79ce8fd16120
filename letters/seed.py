"""Real set-up for the letters: the article 7 reminder plan and the letter texts.

From `apmbc-15msp-2016-cooperation-assistance-committee.txt`, recommendation (b): a reminding
letter to all States Parties well in advance of the article 7 deadline (30 April); the
offsets (60, 30 and 7 days before, an overdue letter 7 days after) are the product's
defaults, editable by staff. The letter texts are stored so staff can edit them; existing
rows are never overwritten. Idempotent.
"""

from entities.models import ReportingObligation
from letters import defaults
from letters.models import LetterTemplate, ReminderPlan


def load(*, stdout, **options) -> None:
    plans = templates = 0
    for obligation in ReportingObligation.objects.filter(code="article-7", annual_due_month__isnull=False):
        _plan, created = ReminderPlan.objects.get_or_create(obligation=obligation)
        plans += created
    for kind, by_language in defaults.TEMPLATES.items():
        for language, (subject, body) in by_language.items():
            _template, created = LetterTemplate.objects.get_or_create(
                kind=kind, language=language, defaults={"subject": subject, "body": body},
            )
            templates += created
    stdout.write(f"letters: {plans} reminder plan(s), {templates} letter template(s) created")
