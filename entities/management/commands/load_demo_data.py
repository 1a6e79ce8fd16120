from django.core.management.base import BaseCommand

from entities.loading import run_loaders


class Command(BaseCommand):
    help = (
        "Adds the DEMO data set: demo logins for each role, States marked as parties for the "
        "demo, sample needs and offers. Clearly labelled as demo; never part of the real seed."
    )

    def handle(self, *args, **options):
        run_loaders("demo", stdout=self.stdout)
