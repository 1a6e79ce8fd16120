from django.core.management.base import BaseCommand

from entities.loading import run_loaders


class Command(BaseCommand):
    help = (
        "Loads the real data extracted from the five seed documents (entities, States, mechanisms, "
        "recommendations, the CASA project...) from the files in data/seed and data/reference; "
        "the documents themselves are not needed. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        run_loaders("seed", stdout=self.stdout)
