"""A project's budget lines and pledges, kept by ISU staff on the project's page.

Totals and the funding gap are never stored: partnerships.selectors.funding computes them from these
rows on every read, so a changed line or pledge shows in the gap at once. Each change is a
history row of the line or pledge (django-simple-history), with who made it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from config.dates import DateBoundsValidator
from config.services import NotAllowed
from entities.access import Actor

from ..choices import PledgeStatus
from ..models import BudgetLine, Pledge, Project

__all__ = [
    "BudgetLineData",
    "PledgeData",
    "budget_lines_set",
    "can_edit_project",
    "pledge_add",
    "pledge_remove",
    "pledge_update",
]


def can_edit_project(actor: Actor) -> bool:
    """Budgets and pledges are the secretariat's record of what donors said and paid."""
    return actor.is_isu_staff


def _require_staff(actor: Actor) -> None:
    if not can_edit_project(actor):
        raise NotAllowed(_("Only ISU staff change a project's budget and pledges."))


@dataclass
class BudgetLineData:
    label: str
    amount: Decimal
    pk: int | None = None  # the line this row changes; None for a new line


@dataclass
class PledgeData:
    amount: Decimal
    currency: str
    status: str = PledgeStatus.INDICATIVE
    donor_entity: object | None = None
    donor_state: object | None = None
    donor_organisation: object | None = None
    donor_description: str = ""
    pledged_on: dt.date | None = None
    received_on: dt.date | None = None


def _with_user(record, user):
    record._history_user = user
    return record


@transaction.atomic
def budget_lines_set(*, project: Project, lines: list[BudgetLineData], actor: Actor, user) -> None:
    """Makes the project's budget read `lines`, in that order: changed lines are updated, new
    ones added, lines left out removed. All or nothing."""
    _require_staff(actor)
    Project.objects.select_for_update().filter(pk=project.pk).first()
    errors: list[str] = []
    seen: set[str] = set()
    for line in lines:
        label = line.label.strip()
        if not label:
            errors.append(_("Every budget line needs a budget item."))
        elif label.casefold() in seen:
            errors.append(_("“%(label)s” is listed twice; give each budget item once.") % {"label": label})
        seen.add(label.casefold())
        if line.amount is None or line.amount < 0:
            errors.append(_("An amount cannot be negative."))
    if errors:
        raise ValidationError({"lines": errors})
    existing = {line.pk: line for line in project.budget_lines.all()}
    unknown = [line.pk for line in lines if line.pk and line.pk not in existing]
    if unknown:
        raise ValidationError({"lines": [_("A budget line of this form no longer exists; reload the page.")]})
    kept = {line.pk for line in lines if line.pk}
    for pk, line in existing.items():
        if pk not in kept:
            _with_user(line, user).delete()
    # Labels are unique per project: changed lines first take a placeholder label (a queryset
    # update, so no history row), so that two lines may swap their labels.
    changed = []
    for order, data in enumerate(lines, 1):
        line = existing.get(data.pk) or BudgetLine(project=project)
        label = data.label.strip()
        if line.pk and (line.label, line.amount, line.order) == (label, data.amount, order):
            continue
        line.label, line.amount, line.order = label, data.amount, order
        changed.append(line)
    for line in changed:
        if line.pk:
            BudgetLine.objects.filter(pk=line.pk).update(label=f"(being renamed {line.pk})")
    for line in changed:
        line.full_clean()
        _with_user(line, user).save()


def _check_pledge(project: Project, data: PledgeData) -> None:
    errors: dict[str, list[str]] = {}
    donors = [d for d in (data.donor_entity, data.donor_state, data.donor_organisation) if d is not None]
    if len(donors) > 1:
        errors["donor"] = [_("Choose one donor.")]
    if not donors and not data.donor_description.strip():
        errors["donor"] = [_("Choose the donor, or describe it when the source does not name it.")]
    for name in ("pledged_on", "received_on"):
        try:
            DateBoundsValidator()(getattr(data, name))
        except ValidationError as error:
            errors.setdefault(name, []).extend(error.messages)
    if data.pledged_on and data.received_on and data.received_on < data.pledged_on:
        errors.setdefault("received_on", []).append(_("The money cannot be received before it was pledged."))
    if data.status == PledgeStatus.RECEIVED and not data.received_on:
        errors.setdefault("received_on", []).append(_("Give the date the money was received."))
    if data.status != PledgeStatus.RECEIVED and data.received_on:
        errors.setdefault("status", []).append(_("A pledge with a date of receipt is received: choose “Received”."))
    if data.currency != project.currency:
        errors.setdefault("currency", []).append(
            _("Pledges are in the project's currency (%(currency)s), so that the gap can be computed.") % {"currency": project.currency}
        )
    if errors:
        raise ValidationError(errors)


def _fill(pledge: Pledge, data: PledgeData) -> Pledge:
    pledge.donor_entity, pledge.donor_state, pledge.donor_organisation = data.donor_entity, data.donor_state, data.donor_organisation
    pledge.donor_description = data.donor_description.strip()
    pledge.status, pledge.amount, pledge.currency = data.status, data.amount, data.currency
    pledge.pledged_on, pledge.received_on = data.pledged_on, data.received_on
    pledge.full_clean()
    return pledge


@transaction.atomic
def pledge_add(*, project: Project, data: PledgeData, actor: Actor, user) -> Pledge:
    _require_staff(actor)
    _check_pledge(project, data)
    pledge = _fill(Pledge(project=project), data)
    _with_user(pledge, user).save()
    return pledge


@transaction.atomic
def pledge_update(*, pledge: Pledge, data: PledgeData, actor: Actor, user) -> Pledge:
    _require_staff(actor)
    current = Pledge.objects.select_for_update().select_related("project").get(pk=pledge.pk)
    _check_pledge(current.project, data)
    _with_user(_fill(current, data), user).save()
    return current


@transaction.atomic
def pledge_remove(*, pledge: Pledge, actor: Actor, user) -> None:
    """Removes a pledge recorded by mistake; its history keeps what it was."""
    _require_staff(actor)
    _with_user(Pledge.objects.get(pk=pledge.pk), user).delete()
