"""Writes of the registry that carry rules, one module per concept.

- `treaty_parties`: the depositary's list of States Parties, imported from CSV.
- `contacts`: focal points kept by staff and their invitation to sign in.
- `contact_files`: the CSV/XLSX import and export of contacts.
- `country_names`: staff's corrections of a State's names and their grammar.

Everything is re-exported here, so `from entities.services import X` works for any of them.
"""

from .contact_files import (
    CONTACT_COLUMNS,
    CONTACTS_MAX_ROWS,
    ContactImportResult,
    ContactPlan,
    contacts_export_rows,
    contacts_import,
    contacts_plan,
    contacts_preview,
)
from .contacts import (
    ContactData,
    Invitation,
    contact_create,
    contact_invite,
    contact_set_active,
    contact_update,
)
from .country_names import country_names_correct, country_names_current, country_names_shipped
from .treaty_parties import (
    COUNTRY_COLUMNS,
    DATE_COLUMNS,
    DATE_FORMATS,
    MAX_ROWS,
    TEMPLATE_ROWS,
    ImportRejected,
    ImportResult,
    ParsedRow,
    RowProblem,
    country_code,
    parse_date,
    parse_treaty_parties_csv,
    state_for_import,
    treaty_parties_import,
)

__all__ = [
    "CONTACTS_MAX_ROWS",
    "CONTACT_COLUMNS",
    "COUNTRY_COLUMNS",
    "DATE_COLUMNS",
    "DATE_FORMATS",
    "MAX_ROWS",
    "TEMPLATE_ROWS",
    "ContactData",
    "ContactImportResult",
    "ContactPlan",
    "ImportRejected",
    "ImportResult",
    "Invitation",
    "ParsedRow",
    "RowProblem",
    "contact_create",
    "contact_invite",
    "contact_set_active",
    "contact_update",
    "contacts_export_rows",
    "contacts_import",
    "contacts_plan",
    "contacts_preview",
    "country_names_correct",
    "country_names_current",
    "country_names_shipped",
    "country_code",
    "parse_date",
    "parse_treaty_parties_csv",
    "state_for_import",
    "treaty_parties_import",
]
