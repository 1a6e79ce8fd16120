from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.tabular import TableRejected
from entities.services import CONTACT_COLUMNS, contacts_import, contacts_plan


class Command(BaseCommand):
    help = (
        "Imports contacts (focal points) from a CSV or XLSX file, as the staff import page does. Columns: "
        + ", ".join(CONTACT_COLUMNS)
        + ". A row updates the contact of the same State or entity with the same e-mail, else the same name, "
        "or adds one; the active contacts of a State or entity in the file that the file does not list are "
        "deactivated. Every row is checked first; one bad row means nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and say what would change; write nothing.")

    def handle(self, *args, file: Path, dry_run: bool, **options):
        try:
            content = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error}") from None
        try:
            if dry_run:
                plan = contacts_plan(content=content, filename=file.name)
            else:
                result = contacts_import(content=content, filename=file.name)
        except TableRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(rejected.problems)} problem(s); nothing was imported.") from None
        if not dry_run:
            self.stdout.write(
                f"Contacts imported: {result.created} created, {result.changed} changed, "
                f"{result.deactivated} deactivated, {result.unchanged} unchanged."
            )
            return
        for row in plan.create:
            self.stdout.write(f"create      {row.where}: {row.name} (row {row.row})")
        for planned in plan.change:
            fields = ", ".join(sorted(planned.changes))
            self.stdout.write(f"change      {planned.contact.bound_to}: {planned.contact.name} ({fields}; row {planned.row.row})")
        for contact in plan.deactivate:
            self.stdout.write(f"deactivate  {contact.bound_to}: {contact.name}")
        self.stdout.write(
            f"Dry run, nothing written: {len(plan.create)} to create, {len(plan.change)} to change, "
            f"{len(plan.deactivate)} to deactivate, {plan.unchanged} unchanged."
        )
