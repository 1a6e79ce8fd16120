from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from entities.models import Treaty
from entities.services import ImportRejected, treaty_parties_import


class Command(BaseCommand):
    help = (
        "Imports the depositary's list of States Parties of a treaty from a CSV file "
        "(columns: iso_code or country, consent_to_be_bound, entry_into_force; see docs/entities.md). "
        "Every row is checked first; one bad row means nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)
        parser.add_argument("--treaty", default="APMBC", help="Short name of the treaty (default: APMBC).")
        parser.add_argument("--remove-demo", action="store_true", help="Delete the treaty's demo States Parties.")

    def handle(self, *args, csv_file: Path, treaty: str, remove_demo: bool, **options):
        try:
            treaty_obj = Treaty.objects.get(short_name__iexact=treaty)
        except Treaty.DoesNotExist:
            raise CommandError(f"No treaty with the short name {treaty!r}; load the seed data first.") from None
        try:
            content = csv_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {csv_file}: {error}") from None
        try:
            result = treaty_parties_import(treaty=treaty_obj, content=content, remove_demo=remove_demo)
        except ImportRejected as rejected:
            for problem in rejected.problems:
                self.stderr.write(f"row {problem.row}, {problem.column or '-'}: {problem.reason}")
            raise CommandError(f"{len(rejected.problems)} problem(s); nothing was imported.") from None
        self.stdout.write(
            f"{treaty_obj.short_name}: {result.created} added, {result.updated} updated, {result.unchanged} unchanged, "
            f"{result.demo_removed} demo rows removed"
            + (f"; new non-member States: {', '.join(result.states_added)}" if result.states_added else "")
        )
