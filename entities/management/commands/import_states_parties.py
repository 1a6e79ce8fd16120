from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from config.tabular import MAX_BYTES, TableRejected
from entities.models import Treaty
from entities.services import treaty_parties_import


class Command(BaseCommand):
    help = (
        "Imports the depositary's list of States Parties of a treaty from a CSV or XLSX file "
        "(columns: iso_code or country, consent_to_be_bound, entry_into_force; see docs/entities.md). "
        "Every row is checked first; one bad row means nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--treaty", default="APMBC", help="Short name of the treaty (default: APMBC).")
        parser.add_argument("--remove-demo", action="store_true", help="Delete the treaty's demo States Parties.")

    def handle(self, *args, file: Path, treaty: str, remove_demo: bool, **options):
        try:
            treaty_obj = Treaty.objects.get(short_name__iexact=treaty)
        except Treaty.DoesNotExist:
            raise CommandError(f"No treaty with the short name {treaty!r}; load the seed data first.") from None
        try:
            with file.open("rb") as handle:
                content = handle.read(MAX_BYTES + 1)  # read_table refuses anything larger
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        try:
            result = treaty_parties_import(treaty=treaty_obj, content=content, filename=file.name, remove_demo=remove_demo)
        except TableRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(f"row {problem.row or '-'}, {problem.column or '-'}: {problem.message}")
            raise CommandError(f"{len(rejected.problems)} problem(s) in {file.name}; nothing was imported.") from None
        self.stdout.write(
            f"{treaty_obj.short_name}: {result.created} added, {result.updated} updated, {result.unchanged} unchanged, "
            f"{result.demo_removed} demo rows removed"
            + (f"; new non-member States: {', '.join(result.states_added)}" if result.states_added else "")
        )
