"""Contacts (focal points) in and out as CSV or XLSX, with the same columns both ways.

The import checks every row before anything is written, shows what it would do, and writes
all or nothing. A row matches an existing contact of the same State or entity by e-mail,
else by name; it changes that contact, or adds one. The active contacts of a State or
entity that the file names, but that the file does not list, are deactivated (never
deleted: the history keeps them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django_countries import countries

from config.tabular import ImportPreview, Problem, TableRejected, parse_bool, read_table

from ..models import Entity, FocalPoint, Language, State
from .contacts import MAX_LENGTHS, is_email, login_follows_contact, name_key, one_line

__all__ = [
    "CONTACTS_MAX_ROWS",
    "CONTACT_COLUMNS",
    "ContactImportResult",
    "ContactPlan",
    "ContactRow",
    "PlannedChange",
    "contacts_export_rows",
    "contacts_import",
    "contacts_plan",
    "contacts_preview",
]

CONTACT_COLUMNS = ("state", "entity", "name", "title", "email", "phone", "language", "receives_letters", "active")
CONTACTS_MAX_ROWS = 2000  # about ten contacts for each of 200 States or entities


@dataclass(frozen=True)
class ContactRow:
    """One checked row of a contacts file. `None` in language, receives_letters or is_active
    means the cell was empty: unchanged for an existing contact, the default for a new one."""

    row: int
    state: State | None
    entity: Entity | None
    name: str
    title: str
    email: str
    phone: str
    language: str | None
    receives_letters: bool | None
    is_active: bool | None

    @property
    def binding(self) -> tuple[str, int]:
        return ("state", self.state.pk) if self.state is not None else ("entity", self.entity.pk)

    @property
    def where(self):
        return self.state or self.entity

    def values(self, contact: FocalPoint | None = None) -> dict:
        """The model values this row sets (on `contact`, or on a new contact)."""
        keep = {
            "language": contact.language if contact else Language.ENGLISH,
            "receives_letters": contact.receives_letters if contact else True,
            "is_active": contact.is_active if contact else True,
        }
        values = {"name": self.name, "title": self.title, "email": self.email, "phone": self.phone}
        for name, default in keep.items():
            given = getattr(self, name)
            values[name] = default if given is None else given
        return values


@dataclass
class PlannedChange:
    contact: FocalPoint
    row: ContactRow
    changes: dict[str, tuple]  # field -> (old, new)


@dataclass
class ContactPlan:
    create: list[ContactRow] = field(default_factory=list)
    change: list[PlannedChange] = field(default_factory=list)
    deactivate: list[FocalPoint] = field(default_factory=list)
    unchanged: int = 0


@dataclass(frozen=True)
class ContactImportResult:
    created: int
    changed: int
    deactivated: int
    unchanged: int


class _Registry:
    """The States and entities a file may name, read once (two queries)."""

    def __init__(self) -> None:
        self.states = {str(state.code): state for state in State.objects.all()}
        self.entities = {entity.acronym.casefold(): entity for entity in Entity.objects.select_related("successor")}

    def state(self, text: str) -> State | None:
        code = countries.alpha2(text.strip().upper()) if text.strip() else ""
        return self.states.get(code) if code else None

    def entity(self, text: str) -> Entity | None:
        return self.entities.get(text.strip().casefold())


def _parse_row(record: dict, registry: _Registry, problems: list[Problem]) -> ContactRow | None:
    number = record["_row"]
    found = len(problems)
    state = entity = None
    state_text, entity_text = record["state"], record["entity"]
    if state_text and entity_text:
        problems.append(Problem(number, "entity", _("Give a State or a UN entity, not both.")))
    elif not state_text and not entity_text:
        problems.append(Problem(number, "state", _(
            "Give the State (ISO code, for example MX) or the UN entity (acronym, for example UNMAS)."
        )))
    elif state_text:
        state = registry.state(state_text)
        if state is None:
            problems.append(Problem(number, "state", _("“%(value)s” is not the ISO code of a State in the registry.") % {
                "value": state_text,
            }))
    else:
        entity = registry.entity(entity_text)
        if entity is None:
            problems.append(Problem(number, "entity", _("“%(value)s” is not the acronym of a UN entity in the registry.") % {
                "value": entity_text,
            }))
        elif entity.successor_id:
            problems.append(Problem(number, "entity", _("%(old)s became %(new)s: write %(new)s.") % {
                "old": entity.acronym, "new": entity.current.acronym,
            }))
    name = one_line(record["name"])
    if not name:
        problems.append(Problem(number, "name", _("A name is required.")))
    values = {"name": name, "title": one_line(record["title"]), "phone": one_line(record["phone"]), "email": record["email"]}
    for column, limit in MAX_LENGTHS.items():
        if len(values[column]) > limit:
            problems.append(Problem(number, column, _("At most %(max)d characters.") % {"max": limit}))
    if values["email"] and len(values["email"]) <= MAX_LENGTHS["email"] and not is_email(values["email"]):
        problems.append(Problem(number, "email", _("“%(value)s” is not an e-mail address.") % {"value": values["email"]}))
    language = record["language"].strip().lower() or None
    if language is not None and language not in Language.values:
        problems.append(Problem(number, "language", _("“%(value)s” is not a language of the product: write en, fr or es.") % {
            "value": record["language"],
        }))
    flags = {}
    for column in ("receives_letters", "active"):
        flags[column] = None
        if record[column]:
            try:
                flags[column] = parse_bool(record[column])
            except ValueError as error:
                problems.append(Problem(number, column, str(error)))
    if len(problems) > found:
        return None
    return ContactRow(
        row=number, state=state, entity=entity, language=language,
        receives_letters=flags["receives_letters"], is_active=flags["active"], **values,
    )


def _duplicates(rows: list[ContactRow], problems: list[Problem]) -> None:
    """The same person twice for the same State or entity: same e-mail, or same name."""
    by_email: dict[tuple, int] = {}
    by_name: dict[tuple, int] = {}
    for row in rows:
        if row.email:
            key = (row.binding, row.email.casefold())
            if key in by_email:
                problems.append(Problem(row.row, "email", _(
                    "The same person as on row %(row)d: the same e-mail address for the same State or entity."
                ) % {"row": by_email[key]}))
                continue
            by_email[key] = row.row
        key = (row.binding, name_key(row.name))
        if key in by_name:
            problems.append(Problem(row.row, "name", _(
                "The same person as on row %(row)d: the same name for the same State or entity."
            ) % {"row": by_name[key]}))
            continue
        by_name[key] = row.row


def _rows(content: bytes, filename: str) -> list[ContactRow]:
    records = read_table(
        content, filename=filename, columns=CONTACT_COLUMNS, required=("name",), max_rows=CONTACTS_MAX_ROWS,
    )
    if not records:
        raise TableRejected([Problem(None, None, _("The file has no contacts: only the first row (the column names) is filled."))])
    registry = _Registry()
    problems: list[Problem] = []
    rows = [row for record in records if (row := _parse_row(record, registry, problems)) is not None]
    _duplicates(rows, problems)
    if problems:
        raise TableRejected(sorted(problems, key=lambda problem: (problem.row or 0)))
    return rows


def _match(row: ContactRow, existing: list[FocalPoint]) -> FocalPoint | None:
    """By e-mail within the State or entity, else by name; an active contact before a
    deactivated one."""
    ordered = sorted(existing, key=lambda contact: (not contact.is_active, contact.pk))
    if row.email:
        found = next((c for c in ordered if c.email and c.email.casefold() == row.email.casefold()), None)
        if found is not None:
            return found
    return next((c for c in ordered if name_key(c.name) == name_key(row.name)), None)


def contacts_plan(*, content: bytes, filename: str) -> ContactPlan:
    """What importing the file would do, after checking every row; writes nothing. Raises
    TableRejected listing every problem (row and column)."""
    rows = _rows(content, filename)
    state_ids = {row.state.pk for row in rows if row.state is not None}
    entity_ids = {row.entity.pk for row in rows if row.entity is not None}
    existing: dict[tuple[str, int], list[FocalPoint]] = defaultdict(list)
    for contact in FocalPoint.objects.filter(Q(state_id__in=state_ids) | Q(entity_id__in=entity_ids)).select_related("state", "entity"):
        existing[("state", contact.state_id) if contact.state_id else ("entity", contact.entity_id)].append(contact)

    plan = ContactPlan()
    claimed: dict[int, int] = {}  # contact id -> the row that matched it
    problems: list[Problem] = []
    for row in rows:
        contact = _match(row, existing[row.binding])
        if contact is None:
            plan.create.append(row)
            continue
        if contact.pk in claimed:
            problems.append(Problem(row.row, "name", _(
                "This row and row %(row)d are the same contact “%(name)s” (matched by e-mail or by name)."
            ) % {"row": claimed[contact.pk], "name": contact.name}))
            continue
        claimed[contact.pk] = row.row
        changes = {
            name: (getattr(contact, name), value) for name, value in row.values(contact).items()
            if getattr(contact, name) != value
        }
        if changes:
            plan.change.append(PlannedChange(contact=contact, row=row, changes=changes))
        else:
            plan.unchanged += 1
    if problems:
        raise TableRejected(problems)
    for binding in sorted({row.binding for row in rows}):
        plan.deactivate += [
            contact for contact in sorted(existing[binding], key=lambda c: c.name)
            if contact.is_active and contact.pk not in claimed
        ]
    return plan


def _headings() -> dict[str, str]:
    return {
        "where": _("State or UN entity"), "name": _("Name"), "title": _("Title"), "email": _("E-mail"),
        "phone": _("Phone"), "language": _("Language"), "receives_letters": _("Receives letters"), "is_active": _("Active"),
    }


def _shown(name: str, value):
    if name == "language":
        return str(Language(value).label) if value in Language.values else value
    return value


def contacts_preview(plan: ContactPlan) -> ImportPreview:
    """The plan as the import preview shows it, with headings and values in the reader's language."""
    heading = _headings()
    fields = ("name", "title", "email", "phone", "language", "receives_letters", "is_active")
    preview = ImportPreview(unchanged=plan.unchanged)
    for row in plan.create:
        values = row.values()
        preview.create.append({"_row": row.row, heading["where"]: str(row.where),
                               **{heading[name]: _shown(name, values[name]) for name in fields}})
    for planned in plan.change:
        values = planned.row.values(planned.contact)
        item = {"_row": planned.row.row, heading["where"]: str(planned.contact.bound_to)}
        for name in fields:
            if name in planned.changes:
                old, new = planned.changes[name]
                item[heading[name]] = (_shown(name, old), _shown(name, new))
            else:
                item[heading[name]] = _shown(name, values[name])
        preview.change.append(item)
    for contact in plan.deactivate:
        preview.deactivate.append({
            heading["where"]: str(contact.bound_to), heading["name"]: contact.name, heading["email"]: contact.email,
            # Deactivating also closes the sign-in: staff should see whose.
            _("Can sign in"): contact.user_id is not None,
        })
    return preview


@transaction.atomic
def contacts_import(*, content: bytes, filename: str, dry_run: bool = False) -> ContactImportResult:
    """Checks the whole file, then creates, changes and deactivates contacts in one
    transaction: all or nothing. With dry_run, writes nothing and says what it would do."""
    plan = contacts_plan(content=content, filename=filename)
    result = ContactImportResult(
        created=len(plan.create), changed=len(plan.change), deactivated=len(plan.deactivate), unchanged=plan.unchanged,
    )
    if dry_run:
        return result
    for row in plan.create:
        FocalPoint.objects.create(state=row.state, entity=row.entity, **row.values())
    for planned in plan.change:
        contact = planned.contact
        for name, (_old, new) in planned.changes.items():
            setattr(contact, name, new)
        contact.save()  # one by one, so each change is in the history
        login_follows_contact(contact)
    for contact in plan.deactivate:
        contact.is_active = False
        contact.save(update_fields=["is_active", "updated_at"])
        login_follows_contact(contact)
    return result


def contacts_export_rows(contacts: QuerySet[FocalPoint]) -> list[list]:
    """Rows in CONTACT_COLUMNS order, as the import reads them back."""
    return [
        [
            str(contact.state.code) if contact.state_id else "", contact.entity.acronym if contact.entity_id else "",
            contact.name, contact.title, contact.email, contact.phone, contact.language,
            contact.receives_letters, contact.is_active,
        ]
        for contact in contacts.select_related("state", "entity")
    ]
