from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from entities.loading import documents_dir, run_extractors, seed_data_dir
from entities.seed.documents import QuoteNotFound, SeedDocuments


class Command(BaseCommand):
    help = (
        "Regenerates data/seed/*.json from the five seed documents with the project's parsers. "
        "Stops, writing nothing, if a document no longer says what the data claims."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--from", dest="source", metavar="DIR",
            help="Folder holding the five seed documents (default: $SEEDS_DIR).",
        )
        parser.add_argument("--to", metavar="DIR", help="Folder to write the JSON files to (default: data/seed).")

    def handle(self, *args, source=None, to=None, **options):
        try:
            documents = SeedDocuments(documents_dir(source))
            written = run_extractors(documents, to=Path(to) if to else seed_data_dir())
        except (FileNotFoundError, QuoteNotFound, ValueError) as error:
            raise CommandError(str(error)) from error
        for path in written:
            self.stdout.write(f"wrote {path}")
