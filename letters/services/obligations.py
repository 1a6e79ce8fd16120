"""Recording the facts of a State Party's obligations: declared stockpiles or mined areas and
their completion, article 5 extensions, withdrawals.

Each kind of fact has one `*_check` returning the problems by field (empty when it may be
recorded) and one `*_record` that runs it, refuses with a ValidationError naming the field and
saves nothing on any problem. The forms, the file import and the demo data all call these.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from config.dates import EARLIEST, latest
from config.services import NotAllowed
from entities.access import Actor
from entities.models import State, TreatyParty
from letters import deadlines
from letters.models import ClearanceExtension, DestructionKind, DestructionObligation, Withdrawal

__all__ = [
    "CONVENTION", "convention_party", "not_party", "destruction_check", "destruction_record", "extension_check",
    "extension_record", "withdrawal_check", "withdrawal_record",
]

# The Convention these obligations are under (its short name, as the seed data spells it).
CONVENTION = "APMBC"


def convention_party(state: State) -> TreatyParty | None:
    return TreatyParty.objects.filter(treaty__short_name=CONVENTION, state=state).select_related("state", "treaty").first()


def not_party(state: State) -> str:
    return _("%(state)s is not a State Party to the Convention.") % {"state": state.name}


def _date_problem(value: dt.date | None, today: dt.date, *, past_only: bool = True) -> str:
    """The product's one rule for typed dates (config.dates), as a message; "" when it holds."""
    if value is None:
        return ""
    end = today if past_only else latest(today)
    if not EARLIEST <= value <= end:
        return _("Enter a date between %(earliest)s and %(latest)s.") % {
            "earliest": date_format(EARLIEST), "latest": date_format(end),
        }
    return ""


def _before_entry(value: dt.date | None, party: TreatyParty | None) -> str:
    entry = party.entry_into_force if party else None
    if value is not None and entry is not None and value < entry:
        return _("This date is before the Convention entered into force for %(state)s (%(date)s).") % {
            "state": party.state.name, "date": date_format(entry),
        }
    return ""


def destruction_check(
    *, state: State, party: TreatyParty | None, kind: str, recorded_on: dt.date | None, completed_on: dt.date | None,
    today: dt.date,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if party is None:
        problems["state"] = not_party(state)
    elif party.entry_into_force is None:
        problems["state"] = _("The date the Convention entered into force for %(state)s is not recorded.") % {"state": state.name}
    if kind not in DestructionKind.values:
        problems["kind"] = _("Choose article 4 (stockpiles) or article 5 (mined areas).")
    if recorded_on is None:
        problems["recorded_on"] = _("Give the date the State declared them.")
    else:
        problem = _date_problem(recorded_on, today)
        if problem:
            problems["recorded_on"] = problem
    problem = _date_problem(completed_on, today) or _before_entry(completed_on, party)
    if not problem and completed_on and recorded_on and completed_on < recorded_on:
        problem = _("Completion cannot be declared before the obligation was declared (%(date)s).") % {
            "date": date_format(recorded_on),
        }
    if problem:
        problems["completed_on"] = problem
    return problems


@transaction.atomic
def destruction_record(
    *, actor: Actor, state: State, kind: str, recorded_on: dt.date, completed_on: dt.date | None = None,
    source: str = "", is_demo: bool = False, user=None, today: dt.date | None = None,
) -> DestructionObligation:
    """Records that a State declared stockpiles (article 4) or mined areas (article 5), or
    corrects it (its completion, most often): one record per State and article."""
    if not actor.is_isu_staff:
        raise NotAllowed
    today = today or timezone.localdate()
    party = convention_party(state)
    problems = destruction_check(state=state, party=party, kind=kind, recorded_on=recorded_on, completed_on=completed_on, today=today)
    if problems:
        raise ValidationError(problems)
    record = DestructionObligation.objects.select_for_update().filter(party=party, kind=kind).first() or DestructionObligation(
        party=party, kind=kind, recorded_by=user, is_demo=is_demo,
    )
    record.recorded_on, record.completed_on, record.source = recorded_on, completed_on, source
    record._history_user = user
    record.save()
    return record


def extension_check(
    *, state: State, obligation: DestructionObligation | None, current_deadline: dt.date | None, new_deadline: dt.date | None,
    decision: str, submitted_on: dt.date | None, analysed_on: dt.date | None, decided_on: dt.date | None, today: dt.date,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if obligation is None:
        problems["state"] = _("No mined areas are recorded for %(state)s: record them before an extension.") % {"state": state.name}
    if not decision.strip():
        problems["decision"] = _("Give the decision that granted the extension.")
    if new_deadline is None:
        problems["new_deadline"] = _("Give the new deadline, or the period granted.")
    elif current_deadline is not None and new_deadline <= current_deadline:
        problems["new_deadline"] = _("The new deadline must be after the current one (%(date)s).") % {
            "date": date_format(current_deadline),
        }
    elif new_deadline > deadlines.add_years(today, 20):
        problems["new_deadline"] = _("The new deadline is more than twenty years away: check the year.")
    milestones = [("submitted_on", submitted_on), ("analysed_on", analysed_on), ("decided_on", decided_on)]
    previous: tuple[str, dt.date] | None = None
    for name, value in milestones:
        problem = _date_problem(value, today)
        if not problem and value and obligation is not None:
            problem = _before_entry(value, obligation.party)
        if not problem and value and previous and value < previous[1]:
            problem = _("This date is before the previous step of the request (%(date)s).") % {"date": date_format(previous[1])}
        if problem:
            problems[name] = problem
        if value:
            previous = (name, value)
    return problems


def _article5_now(obligation: DestructionObligation) -> dt.date | None:
    entry = obligation.party.entry_into_force
    if entry is None:
        return None
    facts = [deadlines.ExtensionFact(e.decided_on, e.new_deadline) for e in obligation.extensions.all()]
    return deadlines.article5_deadline(entry, facts).deadline


@transaction.atomic
def extension_record(
    *, actor: Actor, state: State, decision: str, new_deadline: dt.date | None = None, months_granted: int | None = None,
    meeting: str = "", submitted_on: dt.date | None = None, analysed_on: dt.date | None = None,
    decided_on: dt.date | None = None, is_demo: bool = False, user=None, today: dt.date | None = None,
) -> ClearanceExtension:
    """Records an article 5 extension granted. Without a new deadline, it is the current
    deadline plus the period granted (a five-year extension of 1 September 2035: 1 September 2040)."""
    if not actor.is_isu_staff:
        raise NotAllowed
    today = today or timezone.localdate()
    party = convention_party(state)
    if party is None:
        raise ValidationError({"state": not_party(state)})
    obligation = (
        DestructionObligation.objects.select_for_update().select_related("party__state")
        .filter(party=party, kind=DestructionKind.MINED_AREAS).first()
    )
    current = _article5_now(obligation) if obligation else None
    if new_deadline is None and months_granted and current:
        new_deadline = deadlines.add_months(current, months_granted)
    problems = extension_check(
        state=state, obligation=obligation, current_deadline=current, new_deadline=new_deadline, decision=decision,
        submitted_on=submitted_on, analysed_on=analysed_on, decided_on=decided_on, today=today,
    )
    if problems:
        raise ValidationError(problems)
    extension = ClearanceExtension(
        obligation=obligation, decision=decision.strip(), meeting=meeting.strip(), new_deadline=new_deadline,
        months_granted=months_granted, submitted_on=submitted_on, analysed_on=analysed_on, decided_on=decided_on,
        is_demo=is_demo,
    )
    extension._history_user = user
    extension.save()
    return extension


def withdrawal_check(
    *, state: State, party: TreatyParty | None, received_on: dt.date | None, armed_conflict: bool,
    later_date: dt.date | None, today: dt.date,
) -> dict[str, str]:
    problems: dict[str, str] = {}
    if party is None:
        problems["state"] = not_party(state)
    if received_on is None:
        problems["received_on"] = _("Give the date the instrument of withdrawal was received.")
    else:
        problem = _date_problem(received_on, today)
        consent = party.consent_to_be_bound if party else None
        if not problem and consent and received_on < consent:
            problem = _("The instrument cannot be received before %(state)s consented to be bound (%(date)s).") % {
                "state": state.name, "date": date_format(consent),
            }
        if problem:
            problems["received_on"] = problem
    if armed_conflict:
        six_months = deadlines.withdrawal_effective(received_on) if received_on else None
        if later_date is None:
            problems["later_date"] = _("Give the later date the withdrawal takes effect (the end of the armed conflict).")
        elif six_months and later_date <= six_months:
            problems["later_date"] = _("The later date must be after %(date)s, six months after the instrument was received.") % {
                "date": date_format(six_months),
            }
        elif _date_problem(later_date, today, past_only=False):
            problems["later_date"] = _date_problem(later_date, today, past_only=False)
    elif later_date is not None:
        problems["later_date"] = _("A later date applies only when the State is engaged in an armed conflict.")
    return problems


@transaction.atomic
def withdrawal_record(
    *, actor: Actor, state: State, received_on: dt.date, armed_conflict: bool = False, later_date: dt.date | None = None,
    is_demo: bool = False, user=None, today: dt.date | None = None,
) -> Withdrawal:
    """Records (or corrects) a State's withdrawal. It takes effect six months after the
    instrument is received, or on the later date given for an armed conflict; from then on no
    letter is scheduled for the State and its deadlines end (the history stays)."""
    if not actor.is_isu_staff:
        raise NotAllowed
    today = today or timezone.localdate()
    party = convention_party(state)
    problems = withdrawal_check(
        state=state, party=party, received_on=received_on, armed_conflict=armed_conflict, later_date=later_date, today=today,
    )
    if problems:
        raise ValidationError(problems)
    withdrawal = Withdrawal.objects.select_for_update().filter(party=party).first() or Withdrawal(party=party, is_demo=is_demo)
    withdrawal.received_on, withdrawal.armed_conflict = received_on, armed_conflict
    withdrawal.effective_on = deadlines.withdrawal_effective(received_on, later_date if armed_conflict else None)
    withdrawal._history_user = user
    withdrawal.save()
    return withdrawal
