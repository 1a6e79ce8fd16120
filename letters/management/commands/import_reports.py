"""Records the article 7 reports received listed in a CSV or XLSX file, all of them or none.

    manage.py import_reports FILE [--dry-run]

The file has the columns of the staff import page (state, year or initial, received_on,
link). Any problem is printed with its row and column, nothing is written, and the command
exits with status 1.
"""

from django.core.management.base import CommandError

from config.table_import import TableImportCommand
from entities.access.actors import Actor
from entities.models import Role
from letters import selectors
from letters.services.reporting import reports_import, reports_import_plan

# The command is run by the secretariat on its own server: it acts as ISU staff.
SECRETARIAT = Actor(user_id=None, role=Role.ISU_STAFF)


class Command(TableImportCommand):
    help = "Records the article 7 reports received listed in a CSV or XLSX file (all or nothing)."

    def needs(self):
        obligation = selectors.article7()
        if obligation is None:
            raise CommandError("No article 7 reporting obligation is set up yet (run load_seed_data).")
        return {"obligation": obligation}

    def plan(self, **given):
        return reports_import_plan(**given)

    def apply(self, **given):
        return reports_import(actor=SECRETARIAT, **given)
