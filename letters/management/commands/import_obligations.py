"""Records the obligation facts listed in a CSV or XLSX file, all of them or none.

    manage.py import_obligations FILE [--dry-run]

The file has the columns of the staff import page (state, fact, recorded_on, completed_on,
source, decision, meeting, new_deadline, months, submitted_on, analysed_on, decided_on,
received_on, armed_conflict, later_date). Any problem is printed with its row and column,
nothing is written, and the command exits with status 1.
"""

from config.table_import import TableImportCommand
from entities.access.actors import Actor
from entities.models import Role
from letters.services.obligation_import import obligations_import, obligations_import_plan

# The command is run by the secretariat on its own server: it acts as ISU staff.
SECRETARIAT = Actor(user_id=None, role=Role.ISU_STAFF)


class Command(TableImportCommand):
    help = "Records the obligation facts (stockpiles, mined areas, extensions, withdrawals) listed in a CSV or XLSX file (all or nothing)."

    def plan(self, **given):
        return obligations_import_plan(actor=SECRETARIAT, **given)

    def apply(self, **given):
        return obligations_import(actor=SECRETARIAT, **given)
