"""Records the obligation facts listed in a CSV or XLSX file, all of them or none.

    manage.py import_obligations FILE [--dry-run]

The file has the columns of the staff import page (state, fact, recorded_on, completed_on,
source, decision, meeting, new_deadline, months, submitted_on, analysed_on, decided_on,
received_on, armed_conflict, later_date). Any problem is printed with its row and column,
nothing is written, and the command exits with status 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.tabular import MAX_BYTES, TableRejected
from entities.access.actors import Actor
from entities.models import Role
from letters.services.obligation_import import CHANGE, CREATE, UNCHANGED, obligations_import, obligations_import_plan

# The command is run by the secretariat on its own server: it acts as ISU staff.
SECRETARIAT = Actor(user_id=None, role=Role.ISU_STAFF)


class Command(BaseCommand):
    help = "Records the obligation facts (stockpiles, mined areas, extensions, withdrawals) listed in a CSV or XLSX file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and print what would change; write nothing.")

    def handle(self, *args, file: Path, dry_run: bool = False, **options):
        try:
            with file.open("rb") as handle:
                content = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from None
        try:
            if dry_run:
                plan = obligations_import_plan(actor=SECRETARIAT, content=content, filename=file.name)
                self.stdout.write(
                    f"{plan.count(CREATE)} to record, {plan.count(CHANGE)} to correct, "
                    f"{plan.count(UNCHANGED)} unchanged (dry run, nothing written)."
                )
                return
            result = obligations_import(actor=SECRETARIAT, content=content, filename=file.name)
        except TableRejected as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} problem(s) in {file.name}: nothing was written.") from None
        self.stdout.write(f"{result.created} recorded, {result.changed} corrected, {result.unchanged} unchanged.")
