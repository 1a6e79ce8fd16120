"""Real set-up for the letters: the article 7 reminder plan and the letter texts.

From `apmbc-15msp-2016-cooperation-assistance-committee.txt`, recommendation (b): a reminding
letter to all States Parties well in advance of the article 7 deadline (30 April); the
offsets (60, 30 and 7 days before, an overdue letter 7 days after) are the product's
defaults, editable by staff. The texts of every letter and e-mail (letters.defaults) are
stored so staff can edit them; a row staff
edited is never overwritten, while a row still holding a text shipped before (SUPERSEDED) is
brought up to the current one. Idempotent.
"""

import hashlib

from entities.models import ReportingObligation
from letters import defaults
from letters.models import LetterTemplate, ReminderPlan

# Digests of the texts shipped before the letters wrote country names with their grammar and
# long dates by locale ("de {{ state }}", date:'j F Y'); see _digest.
SUPERSEDED = {
    "1837be564c927281", "05150afa63d4ad76", "c542b222872c1588",  # report-reminder en, fr, es
    "bcb845cb40602523", "ef32cc5180a311ce", "bc9669feaa524d40",  # report-overdue
    "ce4210fcd6204a9f", "1533aff9e961f0e3", "98667bd5324e4f03",  # platform-call
    "12527457e29b7160", "a8a51e4defa8a0e8", "c94751092ab9650a",  # clearance-reminder
}


def _digest(subject: str, body: str) -> str:
    return hashlib.sha256(f"{subject}\n\x00\n{body}".encode()).hexdigest()[:16]


def load(*, stdout, **options) -> None:
    plans = templates = updated = 0
    for obligation in ReportingObligation.objects.filter(code="article-7", annual_due_month__isnull=False):
        _plan, created = ReminderPlan.objects.get_or_create(obligation=obligation)
        plans += created
    for kind, by_language in defaults.TEMPLATES.items():
        for language, (subject, body) in by_language.items():
            template, created = LetterTemplate.objects.get_or_create(
                kind=kind, language=language, defaults={"subject": subject, "body": body},
            )
            templates += created
            if not created and _digest(template.subject, template.body) in SUPERSEDED:
                template.subject, template.body = subject, body
                template.save(update_fields=["subject", "body", "updated_at"])
                updated += 1
    stdout.write(
        f"letters: {plans} reminder plan(s), {templates} letter and e-mail template(s) created, "
        f"{updated} brought up to the current text"
    )
