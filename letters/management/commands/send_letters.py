"""Runs the daily scheduling step for a given date: creates and queues the letters due.

    manage.py send_letters --date 2027-03-01 [--dry-run]
"""

import argparse
import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from letters.services.scheduling import letters_schedule


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


class Command(BaseCommand):
    help = "Creates and queues the reminder and campaign letters due on a date (default: today)."

    def add_arguments(self, parser):
        parser.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="The day to run the step for.")
        parser.add_argument("--dry-run", action="store_true", help="List what would be sent; write nothing.")

    def handle(self, *args, date=None, dry_run=False, **options):
        today = date or timezone.localdate()
        result = letters_schedule(today=today, dry_run=dry_run)
        if dry_run:
            for draft in result.drafts:
                to = ", ".join(draft.recipients) or "NO RECIPIENT"
                self.stdout.write(f"{draft.key}\t{draft.language}\t{to}\t{draft.subject}")
            self.stdout.write(f"{today}: {len(result.drafts)} letter(s) would be queued (dry run, nothing written).")
            return
        if not result.drafts and not result.already:
            self.stdout.write(f"{today}: no letter is due.")
            return
        self.stdout.write(
            f"{today}: {result.created} letter(s) queued, {result.already} already existed."
        )
