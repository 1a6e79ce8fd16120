"""Members of a mechanism, kept on the mechanism's page by ISU staff: add, date, change the
role, end. The rules are in taskforce.services.memberships."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from config.idempotency import submitted_once
from taskforce.access import can_record_meeting
from taskforce.forms import MembershipEndForm, MembershipForm, party_choices
from taskforce.models import Mechanism, Membership
from taskforce.services.memberships import membership_add, membership_end, membership_update

from .common import apply_errors, signed_in


def _members_of(mechanism: Mechanism) -> str:
    return reverse("taskforce:mechanism-detail", args=[mechanism.slug]) + "#members"


@signed_in(can_record_meeting)
@submitted_once
def membership_add_view(request, slug):
    mechanism = get_object_or_404(Mechanism, slug=slug)
    form = MembershipForm(request.POST or None, party_choices=party_choices())
    if request.method == "POST" and form.is_valid():
        try:
            membership = membership_add(
                mechanism=mechanism, party=form.cleaned_data["party"], data=form.membership_data(),
                actor=request.actor, user=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("%(party)s is recorded as a member of %(mechanism)s.") % {
                "party": membership.party, "mechanism": mechanism.short,
            })
            return redirect(_members_of(mechanism))
    return render(request, "taskforce/membership_form.html", {
        "mechanism": mechanism, "form": form, "membership": None,
    }, status=400 if request.method == "POST" else 200)


@signed_in(can_record_meeting)
def membership_edit_view(request, slug, pk):
    membership = get_object_or_404(
        Membership.objects.select_related("mechanism", "entity__successor", "state", "organisation"), pk=pk, mechanism__slug=slug,
    )
    mechanism = membership.mechanism
    initial = {"role": membership.role, "since": membership.since, "until": membership.until, "note": membership.note}
    form = MembershipForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            membership_update(membership=membership, data=form.membership_data(), actor=request.actor, user=request.user)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("The membership of %(party)s is updated.") % {"party": membership.party})
            return redirect(_members_of(mechanism))
    return render(request, "taskforce/membership_form.html", {
        "mechanism": mechanism, "form": form, "membership": membership, "end_form": MembershipEndForm(prefix="end"),
    }, status=400 if request.method == "POST" else 200)


@signed_in(can_record_meeting)
def membership_end_view(request, slug, pk):
    """Ends a membership on a given day (POST); a GET shows the membership's page."""
    membership = get_object_or_404(
        Membership.objects.select_related("mechanism", "entity__successor", "state", "organisation"), pk=pk, mechanism__slug=slug,
    )
    mechanism = membership.mechanism
    if request.method != "POST":
        return redirect("taskforce:membership-edit", slug=mechanism.slug, pk=membership.pk)
    end_form = MembershipEndForm(request.POST, prefix="end")
    if end_form.is_valid():
        try:
            membership_end(membership=membership, until=end_form.cleaned_data["until"], actor=request.actor, user=request.user)
        except ValidationError as error:
            apply_errors(end_form, error)
        else:
            messages.success(request, _("The membership of %(party)s is ended.") % {"party": membership.party})
            return redirect(_members_of(mechanism))
    initial = {"role": membership.role, "since": membership.since, "until": membership.until, "note": membership.note}
    return render(request, "taskforce/membership_form.html", {
        "mechanism": mechanism, "form": MembershipForm(initial=initial), "membership": membership, "end_form": end_form,
    }, status=400)
