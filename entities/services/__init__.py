"""Writes of the registry that carry rules, one module per concept.

- `treaty_parties`: the depositary's list of States Parties, imported from CSV or XLSX.
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
    TREATY_PARTY_COLUMNS,
    ImportResult,
    ParsedRow,
    country_code,
    parse_date,
    state_for_import,
    treaty_parties_import,
    treaty_parties_read,
)

__all__ = [
    "CONTACTS_MAX_ROWS",
    "CONTACT_COLUMNS",
    "COUNTRY_COLUMNS",
    "DATE_COLUMNS",
    "DATE_FORMATS",
    "MAX_ROWS",
    "TEMPLATE_ROWS",
    "TREATY_PARTY_COLUMNS",
    "ContactData",
    "ContactImportResult",
    "ContactPlan",
    "ImportResult",
    "Invitation",
    "ParsedRow",
    "contact_create",
    "contact_invite",
    "contact_set_active",
    "contact_update",
    "contacts_export_rows",
    "contacts_import",
    "contacts_plan",
    "contacts_preview",
    "country_code",
    "country_names_correct",
    "country_names_current",
    "country_names_shipped",
    "parse_date",
    "state_for_import",
    "treaty_parties_import",
    "treaty_parties_read",
]
