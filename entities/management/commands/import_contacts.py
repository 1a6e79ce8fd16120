from config.table_import import TableImportCommand
from entities.services import CONTACT_COLUMNS, contacts_import, contacts_plan


class Command(TableImportCommand):
    help = (
        "Imports contacts (focal points) from a CSV or XLSX file, as the staff import page does. Columns: "
        + ", ".join(CONTACT_COLUMNS)
        + ". A row updates the contact of the same State or entity with the same e-mail, else the same name, "
        "or adds one; the active contacts of a State or entity in the file that the file does not list are "
        "deactivated. Every row is checked first; one bad row means nothing is imported."
    )

    def plan(self, *, content, filename):
        return contacts_plan(content=content, filename=filename)

    def apply(self, *, content, filename):
        return contacts_import(content=content, filename=filename)

    def plan_lines(self, plan) -> list[str]:
        lines = [f"create      {row.where}: {row.name} (row {row.row})" for row in plan.create]
        for planned in plan.change:
            fields = ", ".join(sorted(planned.changes))
            lines.append(f"change      {planned.contact.bound_to}: {planned.contact.name} ({fields}; row {planned.row.row})")
        lines += [f"deactivate  {contact.bound_to}: {contact.name}" for contact in plan.deactivate]
        lines.append(
            f"Dry run, nothing written: {len(plan.create)} to create, {len(plan.change)} to change, "
            f"{len(plan.deactivate)} to deactivate, {plan.unchanged} unchanged."
        )
        return lines

    def result_line(self, result) -> str:
        return (
            f"Contacts imported: {result.created} created, {result.changed} changed, "
            f"{result.deactivated} deactivated, {result.unchanged} unchanged."
        )
