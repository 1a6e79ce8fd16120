from django.core.management.base import BaseCommand

from entities.loading import run_loaders


class Command(BaseCommand):
    help = (
        "Loads the real data of the five seed documents (entities, States, mechanisms, "
        "recommendations, the CASA project...). Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seeds-dir", help="Folder holding the seed documents (default: ../shared/seeds).")

    def handle(self, *args, seeds_dir=None, **options):
        run_loaders("seed", stdout=self.stdout, seeds_dir=seeds_dir)
