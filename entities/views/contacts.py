"""Staff pages for contacts (focal points): the lists, a contact's record, adding and editing,
deactivating, CSV/XLSX import (with a preview) and export. The invitation to sign in and the
worklist of addresses to fix go through the outbox, so they are letters' views
(letters.views.contacts), under the same `entities:` names.

Also the page where an invited person chooses a password (reached from the e-mail's link).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from config.idempotency import submitted_once
from config.table_import import TableImport
from config.tabular import table_response
from config.ui import apply_errors
from entities import selectors
from entities.filters import FocalPointFilter
from entities.forms import ContactForm, ContactImportForm
from entities.models import Entity, FocalPoint, State
from entities.services import (
    CONTACT_COLUMNS,
    contact_create,
    contact_set_active,
    contact_update,
    contacts_export_rows,
    contacts_import,
    contacts_plan,
    contacts_preview,
)
from entities.services.contacts import is_email

from .directory import filtered_page
from .history import isu_staff_required

FORMATS = ("csv", "xlsx")


def _state_or_404(code: str) -> State:
    if len(code) != 2:
        raise Http404
    return get_object_or_404(State, code=code.upper())


def _entity_or_404(acronym: str) -> Entity:
    return get_object_or_404(Entity, acronym=acronym)


def _contact_or_404(pk: int) -> FocalPoint:
    return get_object_or_404(selectors.contact_detail(), pk=pk)


def contacts_url(contact: FocalPoint) -> str:
    """The contacts page of the State or entity the contact speaks for."""
    if contact.state_id:
        return reverse("entities:state-contacts", args=[contact.state.code.code])
    return reverse("entities:entity-contacts", args=[contact.entity.acronym])


def _addresses(contacts: list[FocalPoint]) -> list[FocalPoint]:
    """The contacts letters go to, by the scheduling step's own rule (active, receiving letters,
    with a well-formed address: the outbox's recipients_check)."""
    return [c for c in contacts if c.is_active and c.receives_letters and c.email and is_email(c.email.strip())]


# --- lists -------------------------------------------------------------------------------------

@isu_staff_required
def contact_list(request):
    context = filtered_page(request, FocalPointFilter, selectors.contact_list())
    return render(request, "entities/contacts/contact_list.html", context)


@isu_staff_required
def contact_export(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    filterset = FocalPointFilter(request.GET or None, queryset=selectors.contact_list())
    contacts = filterset.qs if not filterset.is_bound or filterset.is_valid() else FocalPoint.objects.none()
    return table_response(rows=contacts_export_rows(contacts), header=CONTACT_COLUMNS, filename="contacts", fmt=fmt)


@isu_staff_required
def contact_template(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    return table_response(rows=[], header=CONTACT_COLUMNS, filename="contacts-template", fmt=fmt)


def _bound_page(request, *, state: State | None = None, entity: Entity | None = None):
    contacts = selectors.contacts_of(state=state, entity=entity)
    return render(request, "entities/contacts/bound_contacts.html", {
        "where": state or entity, "state": state, "entity": entity, "contacts": contacts,
        "addresses": _addresses(contacts),
        "add_url": reverse("entities:state-contact-add", args=[state.code.code]) if state
        else reverse("entities:entity-contact-add", args=[entity.acronym]),
        "export_query": f"state={state.code.code}" if state else f"entity={entity.acronym}",
    })


@isu_staff_required
def state_contacts(request, code: str):
    return _bound_page(request, state=_state_or_404(code))


@isu_staff_required
def entity_contacts(request, acronym: str):
    return _bound_page(request, entity=_entity_or_404(acronym))


# --- one contact -------------------------------------------------------------------------------

def _add(request, *, state: State | None = None, entity: Entity | None = None):
    where = state or entity
    back_url = reverse("entities:state-contacts", args=[state.code.code]) if state else reverse(
        "entities:entity-contacts", args=[entity.acronym],
    )
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = contact_create(data=form.contact_data(), state=state, entity=entity)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Contact “%(name)s” added to %(where)s.") % {"name": contact.name, "where": where})
            return redirect(contacts_url(contact))
    return render(request, "entities/contacts/contact_form.html", {
        "form": form, "where": where, "back_url": back_url,
    }, status=400 if request.method == "POST" else 200)


@isu_staff_required
@submitted_once
def state_contact_add(request, code: str):
    return _add(request, state=_state_or_404(code))


@isu_staff_required
@submitted_once
def entity_contact_add(request, acronym: str):
    return _add(request, entity=_entity_or_404(acronym))


@isu_staff_required
def contact_detail(request, pk: int):
    contact = _contact_or_404(pk)
    return render(request, "entities/contacts/contact_detail.html", {
        "contact": contact, "contacts_url": contacts_url(contact), "login": contact.user,
        "receives": bool(_addresses([contact])),
    })


@isu_staff_required
def contact_edit(request, pk: int):
    contact = _contact_or_404(pk)
    form = ContactForm.for_contact(contact, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = contact_update(contact=contact, data=form.contact_data())
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Contact “%(name)s” saved.") % {"name": contact.name})
            return redirect("entities:contact-detail", pk=contact.pk)
    return render(request, "entities/contacts/contact_form.html", {
        "form": form, "contact": contact, "where": contact.bound_to,
        "back_url": reverse("entities:contact-detail", args=[contact.pk]),
    }, status=400 if request.method == "POST" else 200)


@isu_staff_required
@require_POST
def contact_activation(request, pk: int):
    contact = _contact_or_404(pk)
    active = request.POST.get("active") == "1"
    contact = contact_set_active(contact=contact, active=active)
    if active:
        messages.success(request, _("Contact “%(name)s” is active again.") % {"name": contact.name})
    else:
        messages.success(request, _("Contact “%(name)s” is deactivated: it receives nothing and cannot sign in.") % {
            "name": contact.name,
        })
    return redirect("entities:contact-detail", pk=contact.pk)


# --- import ------------------------------------------------------------------------------------

def _contacts_done(result) -> str:
    return _(
        "Contacts imported: %(created)d created, %(changed)d changed, %(deactivated)d deactivated, %(unchanged)d unchanged."
    ) % {"created": result.created, "changed": result.changed, "deactivated": result.deactivated, "unchanged": result.unchanged}


CONTACTS_IMPORT = TableImport(
    form_class=ContactImportForm,
    template="entities/contacts/contact_import.html",
    upload_url="entities:contact-import",
    confirm_url="entities:contact-import-confirm",
    done_url="entities:contact-list",
    preview=lambda request, **given: contacts_preview(contacts_plan(**given)),
    apply=lambda request, **given: contacts_import(**given),
    done_message=_contacts_done,
    expired_message=gettext_noop("This import expired or was already done: upload the file again."),
    context={"columns": CONTACT_COLUMNS},
    form_beside_preview=True,
)


@isu_staff_required
def contact_import(request):
    """Upload, then the preview of what will be created, changed and deactivated."""
    return CONTACTS_IMPORT.upload(request)


@isu_staff_required
@require_POST
def contact_import_confirm(request):
    return CONTACTS_IMPORT.confirm(request)


# --- choosing a password -----------------------------------------------------------------------

class PasswordSetView(auth_views.PasswordResetConfirmView):
    """The page an invitation's link opens: choose a password, then sign in."""

    template_name = "entities/contacts/password_set.html"
    success_url = reverse_lazy("login")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is set. Sign in with your user name “%(username)s”.") % {
            "username": form.user.get_username(),
        })
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["username"] = self.user.get_username() if getattr(self, "user", None) else ""
        return context
