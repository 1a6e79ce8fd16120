from django import forms
from django.utils.translation import gettext_lazy as _

from config.dates import DateBoundsFormMixin
from config.forms import StateChoiceField
from partnerships.access import party_states
from entities.models import State
from entities.regions import region_choices

# One picker of UN entities (today's, with their former names), States and organisations.
from taskforce.forms import PartyField, party_choices

from .choices import EntryStatus, PledgeStatus, Side
from .currencies import currency_choices
from .models import Challenge, Entry, Feedback
from .services.projects import PledgeData


class DateInput(forms.DateInput):
    input_type = "date"


# The form was opened on one version of the record; without it, an edit made by someone else
# in between would be overwritten unseen (services.entry_update, challenge_update).
VERSION_PROBLEM = _("This form was sent without the version of the record it edits (or with a damaged one), so "
                    "nothing was saved. Reload the page and make your changes again.")


class VersionField(forms.IntegerField):
    """The hidden version of the record being edited: required on every edit. Its errors are
    said in words a person can act on (the form shows hidden fields' errors at the top)."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        problem = {"required": VERSION_PROBLEM, "invalid": VERSION_PROBLEM, "min_value": VERSION_PROBLEM,
                   "max_value": VERSION_PROBLEM}
        super().__init__(required=False, min_value=1, max_value=2**31 - 1, error_messages=problem, **kwargs)


def _require_version_on_edit(form: forms.ModelForm) -> None:
    if form.instance.pk:
        form.fields["version"].required = True
        form.fields["version"].initial = form.instance.version
    else:
        del form.fields["version"]


class EntryForm(DateBoundsFormMixin, forms.ModelForm):
    """A short form: what, where, how much, until when, and who may see it."""

    version = VersionField()
    currency = forms.ChoiceField(label=_("currency"), required=False, help_text=_("ISO 4217 code, e.g. USD, EUR, CHF."))
    state = StateChoiceField(label=_("State"), queryset=State.objects.none(), required=False)

    class Meta:
        model = Entry
        fields = [
            "state", "kind", "area", "title", "description", "amount", "currency", "period_start", "period_end",
            "geographic_focus", "target_state", "target_region", "visibility", "status",
        ]
        field_classes = {"target_state": StateChoiceField}
        widgets = {
            "period_start": DateInput, "period_end": DateInput,
            "description": forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
        }

    def __init__(self, *args, side: str, staff: bool, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.side = side
        self.fields["currency"].choices = [("", "—")] + currency_choices()
        self.fields["amount"].widget.attrs.update({"min": "0", "step": "0.01", "inputmode": "decimal"})
        if staff and creating:
            self.fields["state"].queryset = party_states()
            self.fields["state"].required = True
            self.fields["state"].help_text = _("The State Party this entry is recorded for.")
        else:
            del self.fields["state"]
        if side == Side.NEED:
            del self.fields["target_state"]
            del self.fields["target_region"]
        else:
            regions = State.objects.exclude(region="").order_by("region").values_list("region", flat=True).distinct()
            self.fields["target_region"] = forms.ChoiceField(
                label=_("region assisted"), required=False, choices=[("", "—"), *region_choices(regions)],
                help_text=_("For an offer: the region it is meant for, if any."),
            )
            self.fields["target_state"].queryset = party_states()
        if creating:
            del self.fields["status"]
        else:
            self.fields["status"].choices = [c for c in EntryStatus.choices if c[0] != EntryStatus.WITHDRAWN]
        _require_version_on_edit(self)

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        if data.get("amount") is not None and not data.get("currency"):
            self.add_error("currency", _("Give the currency of the amount."))
        if data.get("currency") and data.get("amount") is None:
            self.add_error("amount", _("Give the amount, or leave the currency empty."))
        return data

    def _post_clean(self):
        # The service validates the model (with the State it decides); skip ModelForm's own
        # instance validation, which would run before the State is set.
        pass


class ChallengeForm(forms.ModelForm):
    version = VersionField()
    state = StateChoiceField(label=_("State"), queryset=State.objects.none(), required=False)

    class Meta:
        model = Challenge
        fields = ["state", "obligation", "nature", "source", "description", "consent_to_share"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5, "maxlength": 4000})}

    def __init__(self, *args, staff: bool, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if staff and creating:
            self.fields["state"].queryset = party_states()
            self.fields["state"].required = True
        else:
            del self.fields["state"]
        _require_version_on_edit(self)

    def _post_clean(self):
        pass


class ProposeMatchForm(forms.Form):
    """Sent from the list of candidates, which is shown again on a problem with a message
    (`problem`), so each error says itself which part was wrong."""

    other = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=2**63 - 1,
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), _("Choose an entry to match with.")),
    )
    note = forms.CharField(
        label=_("Note to both States (optional)"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": _("The note is too long: write at most %(limit_value)d characters (it has %(show_value)d).")},
    )

    @property
    def problem(self) -> str:
        return " ".join(message for messages in self.errors.values() for message in messages)


class FeedbackForm(forms.ModelForm):
    usefulness = forms.TypedChoiceField(
        label=_("How useful is the Platform?"), coerce=int, widget=forms.RadioSelect,
        choices=[(1, _("1 — not useful")), (2, "2"), (3, "3"), (4, "4"), (5, _("5 — very useful"))],
    )

    class Meta:
        model = Feedback
        fields = ["usefulness", "what_works", "what_to_improve"]
        widgets = {
            "what_works": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
            "what_to_improve": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        }


MATCH_DECISIONS = {"accept": _("Accept"), "decline": _("Decline"), "complete": _("Mark as completed")}


# --- A project's budget lines and pledges (staff) ----------------------------------------------

class BudgetLineForm(forms.Form):
    label = forms.CharField(label=_("Budget item"), max_length=300, required=False)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=2, min_value=0, required=False,
        error_messages={"min_value": _("An amount cannot be negative.")},
    )
    # The line this row shows; empty for a new line.
    line = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def clean(self):
        data = super().clean()
        label, amount = (data.get("label") or "").strip(), data.get("amount")
        if self.errors or self.cleaned_data.get("DELETE"):
            return data
        if label and amount is None:
            self.add_error("amount", _("Give the amount of this budget item."))
        if amount is not None and not label:
            self.add_error("label", _("Say what this amount is for."))
        if data.get("line") and not label and amount is None:
            self.add_error("label", _("To take a line out of the budget, tick “Remove this line”."))
        return data

    @property
    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not (data.get("label") or "").strip() and data.get("amount") is None


class BudgetLineFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this line")

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            if form.cleaned_data.get("DELETE") or form.is_blank:
                continue
            label = form.cleaned_data["label"].strip().casefold()
            if label in seen:
                form.add_error("label", _("This budget item is already listed."))
            seen.add(label)


BudgetLineFormSetFactory = forms.formset_factory(
    BudgetLineForm, formset=BudgetLineFormSet, extra=1, can_delete=True, max_num=200, validate_max=True,
)


class PledgeForm(DateBoundsFormMixin, forms.Form):
    donor = PartyField(label=_("Donor"), required=False, help_text=_("A UN entity, a State or an organisation."))
    donor_description = forms.CharField(
        label=_("Donor, as the source describes it"), max_length=300, required=False,
        help_text=_("Only when the source names no donor, e.g. “total of indicative pledges”."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=PledgeStatus.choices, initial=PledgeStatus.INDICATIVE)
    amount = forms.DecimalField(
        label=_("Amount"), max_digits=14, decimal_places=2, min_value=0,
        error_messages={"min_value": _("An amount cannot be negative."), "required": _("Give the amount pledged.")},
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=currency_choices)
    pledged_on = forms.DateField(
        label=_("Pledged on"), required=False, widget=DateInput, error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
    )
    received_on = forms.DateField(
        label=_("Received on"), required=False, widget=DateInput, error_messages={"invalid": _("Enter the date as YYYY-MM-DD.")},
        help_text=_("Required once the status is “Received”."),
    )

    def __init__(self, *args, project, pledge=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["donor"].choices = party_choices(keep=[pledge.donor] if pledge is not None and pledge.donor else ())
        self.fields["currency"].initial = project.currency

    @staticmethod
    def initial_for(pledge) -> dict:
        donor = next(
            (f"{kind}:{getattr(pledge, f'donor_{kind}_id')}" for kind in ("entity", "state", "organisation")
             if getattr(pledge, f"donor_{kind}_id")), "",
        )
        return {
            "donor": donor, "donor_description": pledge.donor_description, "status": pledge.status, "amount": pledge.amount,
            "currency": pledge.currency, "pledged_on": pledge.pledged_on, "received_on": pledge.received_on,
        }

    def pledge_data(self) -> PledgeData:
        data = self.cleaned_data
        donor = data.get("donor")
        return PledgeData(
            amount=data["amount"], currency=data["currency"], status=data["status"],
            donor_entity=donor.entity if donor else None, donor_state=donor.state if donor else None,
            donor_organisation=donor.organisation if donor else None, donor_description=data.get("donor_description", ""),
            pledged_on=data.get("pledged_on"), received_on=data.get("received_on"),
        )
