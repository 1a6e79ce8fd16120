"""Focal points (contacts) as staff keep them: add, edit, deactivate, invite to sign in.
Their CSV/XLSX import and export are in `contact_files`.

A contact speaks for one State or one UN entity; that binding is fixed when it is created
(a person speaking for another State is another record). Letters go to the active contacts
that receive letters and have an e-mail address. A contact with a login is the same person
as that login: deactivating the contact closes its sign-in, reactivating opens it again.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from ..models import Entity, FocalPoint, Language, Role, State, UserRole
from ..models.people import FOCAL_POINT_ROLES

__all__ = [
    "ContactData",
    "Invitation",
    "contact_create",
    "contact_invite",
    "contact_set_active",
    "contact_update",
]

INVITATION_PURPOSE = "contact-invitation"
MAX_LENGTHS = {"name": 200, "title": 200, "phone": 50, "email": 254}


# --- one contact ------------------------------------------------------------------------------

@dataclass(frozen=True)
class ContactData:
    """What staff type for a contact (the form and the import give the same)."""

    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    language: str = Language.ENGLISH
    receives_letters: bool = True
    is_active: bool = True

    def cleaned(self) -> ContactData:
        return ContactData(
            name=one_line(self.name), title=one_line(self.title), email=self.email.strip(),
            phone=one_line(self.phone), language=self.language, receives_letters=bool(self.receives_letters),
            is_active=bool(self.is_active),
        )


def one_line(text: str) -> str:
    return " ".join((text or "").split())


def is_email(address: str) -> bool:
    try:
        validate_email(address)
    except ValidationError:
        return False
    return True


def name_key(name: str) -> str:
    return one_line(name).casefold()


def _binding_query(*, state: State | None, entity: Entity | None) -> QuerySet[FocalPoint]:
    return FocalPoint.objects.filter(state=state) if state is not None else FocalPoint.objects.filter(entity=entity)


def _check(data: ContactData, *, state: State | None, entity: Entity | None, contact: FocalPoint | None = None) -> None:
    """Every rule of one contact, each error on the field it concerns."""
    errors: dict[str, list[str]] = defaultdict(list)
    if not data.name:
        errors["name"].append(_("A name is required."))
    for name, limit in MAX_LENGTHS.items():
        if len(getattr(data, name)) > limit:
            errors[name].append(_("At most %(max)d characters.") % {"max": limit})
    if data.email and not is_email(data.email):
        errors["email"].append(_("“%(value)s” is not an e-mail address.") % {"value": data.email})
    if data.language not in Language.values:
        errors["language"].append(_("Choose English, French or Spanish."))
    if not errors:
        others = _binding_query(state=state, entity=entity)
        if contact is not None:
            others = others.exclude(pk=contact.pk)
        where = state or entity
        if data.email:
            twin = others.filter(email__iexact=data.email).first()
            if twin is not None:
                errors["email"].append(_duplicate_message(twin, where, field="email"))
        twin = next((other for other in others if name_key(other.name) == name_key(data.name)), None)
        if twin is not None:
            errors["name"].append(_duplicate_message(twin, where, field="name"))
    if errors:
        raise ValidationError(dict(errors))


def _duplicate_message(twin: FocalPoint, where, *, field: str) -> str:
    params = {"name": twin.name, "where": where}
    if field == "email":
        if twin.is_active:
            return _("This e-mail address is already that of the contact “%(name)s” of %(where)s.") % params
        return _("This e-mail address is already that of the deactivated contact “%(name)s” of %(where)s: "
                 "reactivate that one instead.") % params
    if twin.is_active:
        return _("This name is already that of the contact “%(name)s” of %(where)s.") % params
    return _("This name is already that of the deactivated contact “%(name)s” of %(where)s: "
             "reactivate that one instead.") % params


def _values(data: ContactData) -> dict:
    return {
        "name": data.name, "title": data.title, "email": data.email, "phone": data.phone, "language": data.language,
        "receives_letters": data.receives_letters, "is_active": data.is_active,
    }


def login_follows_contact(contact: FocalPoint) -> None:
    """A contact's login follows the contact: a person who no longer speaks for the State or
    entity cannot sign in on its behalf."""
    if contact.user_id is None:
        return
    # Only a focal point's login: a staff member who is also someone's contact keeps theirs.
    get_user_model().objects.filter(
        pk=contact.user_id, role__kind__in=FOCAL_POINT_ROLES, is_superuser=False,
    ).exclude(is_active=contact.is_active).update(is_active=contact.is_active)


@transaction.atomic
def contact_create(*, data: ContactData, state: State | None = None, entity: Entity | None = None) -> FocalPoint:
    if (state is None) == (entity is None):
        raise ValidationError(_("A contact speaks for one State or one UN entity."))
    data = data.cleaned()
    _check(data, state=state, entity=entity)
    return FocalPoint.objects.create(state=state, entity=entity, **_values(data))


@transaction.atomic
def contact_update(*, contact: FocalPoint, data: ContactData) -> FocalPoint:
    contact = FocalPoint.objects.select_for_update(of=("self",)).select_related("state", "entity").get(pk=contact.pk)
    data = data.cleaned()
    _check(data, state=contact.state, entity=contact.entity, contact=contact)
    values = _values(data)
    if any(getattr(contact, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(contact, name, value)
        contact.save()
    login_follows_contact(contact)
    return contact


@transaction.atomic
def contact_set_active(*, contact: FocalPoint, active: bool) -> FocalPoint:
    contact = FocalPoint.objects.select_for_update().get(pk=contact.pk)
    if contact.is_active != active:
        contact.is_active = active
        contact.save(update_fields=["is_active", "updated_at"])
    login_follows_contact(contact)
    return contact


# --- invitation to sign in --------------------------------------------------------------------

@dataclass(frozen=True)
class Invitation:
    contact: FocalPoint
    username: str
    created_login: bool
    letter_id: int


def _free_username(email: str) -> str:
    User = get_user_model()
    base = email.strip().lower()[:140]
    username, number = base, 1
    while User.objects.filter(username__iexact=username).exists():
        number += 1
        username = f"{base}-{number}"
    return username


def _role_kind(contact: FocalPoint) -> str:
    return Role.STATE_FOCAL_POINT if contact.state_id else Role.ENTITY_FOCAL_POINT


@transaction.atomic
def contact_invite(*, contact: FocalPoint, site_url: str, send) -> Invitation:
    """Gives the contact a login (created with no usable password; or the existing one), the
    focal point's role, and e-mails a one-time link to choose a password, in the contact's
    language. Inviting again sends a new link.

    `send` queues the e-mail and returns its letter: the outbox's `message_enqueue`, passed by
    the caller (letters.views.contacts), as the registry does not import the letters app."""
    # Only the contact row is locked: PostgreSQL refuses FOR UPDATE on the nullable side of the
    # outer joins to its State, entity and login.
    contact = FocalPoint.objects.select_for_update(of=("self",)).select_related("state", "entity", "user").get(pk=contact.pk)
    if not contact.is_active:
        raise ValidationError(_("This contact is deactivated: reactivate it before inviting it to sign in."))
    if not contact.email:
        raise ValidationError({"email": _("This contact has no e-mail address: add one before inviting it to sign in.")})
    if not is_email(contact.email):
        raise ValidationError({"email": _("“%(value)s” is not an e-mail address.") % {"value": contact.email}})
    kind = _role_kind(contact)
    user, created = contact.user, contact.user is None
    if created:
        user = get_user_model().objects.create_user(username=_free_username(contact.email), email=contact.email)
        contact.user = user
        contact.save(update_fields=["user", "updated_at"])
    else:
        role = UserRole.objects.filter(user=user).first()
        if role is not None and role.kind != kind:
            raise ValidationError(_(
                "This contact's login has another role (%(role)s): change it in the administration first."
            ) % {"role": role.get_kind_display()})
        if user.email != contact.email or not user.is_active:
            user.email, user.is_active = contact.email, True
            user.save(update_fields=["email", "is_active"])
    UserRole.objects.get_or_create(user=user, defaults={"kind": kind})

    link = site_url.rstrip("/") + reverse("password-set", kwargs={
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user),
    })
    with translation.override(contact.language):
        subject = _("Your sign-in to the Coordination Tracker")
        body = render_to_string("entities/contacts/email/invitation.txt", {
            "contact": contact, "where": contact.bound_to, "username": user.get_username(), "link": link,
            "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400), "site_url": site_url.rstrip("/"),
        })
    letter = send(
        # A new key each time: inviting again is a new message with a new link.
        key=f"{INVITATION_PURPOSE}:{contact.pk}:{uuid.uuid4().hex}", purpose=INVITATION_PURPOSE,
        recipients=[contact.email], subject=subject, body=body, language=contact.language,
        state=contact.state, entity=contact.entity,
    )
    return Invitation(contact=contact, username=user.get_username(), created_login=created, letter_id=letter.pk)
