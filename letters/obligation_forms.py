"""Forms for the obligation facts: they parse what staff type; the rules are in
letters.services.obligations (the same for the form, the import and the demo data)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from config.dates import DateBoundsFormMixin
from config.forms import StateChoiceField
from entities.models import State
from letters.models import ClearanceReminderPlan, DestructionKind

DATE = forms.DateInput(attrs={"type": "date"})


class _StateForm(DateBoundsFormMixin, forms.Form):
    state = StateChoiceField(
        label=_("State Party"), queryset=State.objects.filter(treaty_parties__treaty__short_name="APMBC").distinct(),
    )


class DestructionForm(_StateForm):
    past_only_dates = ("recorded_on", "completed_on")

    kind = forms.ChoiceField(label=_("Obligation"), choices=DestructionKind.choices)
    recorded_on = forms.DateField(label=_("Declared on"), widget=DATE, help_text=_("When the State declared the stockpiles or mined areas."))
    completed_on = forms.DateField(label=_("Completion declared on"), required=False, widget=DATE)
    source = forms.CharField(label=_("Source"), max_length=300, required=False, help_text=_("For example: article 7 report 2024."))


class ExtensionForm(_StateForm):
    past_only_dates = ("submitted_on", "analysed_on", "decided_on")

    decision = forms.CharField(label=_("Decision"), max_length=300, help_text=_("For example: decision of the Twentieth Meeting of the States Parties."))
    meeting = forms.CharField(label=_("Meeting"), max_length=200, required=False, help_text=_("For example: Fifth Review Conference."))
    months_granted = forms.IntegerField(
        label=_("Period granted (months)"), required=False, min_value=1, max_value=240,
        help_text=_("The new deadline is computed from it when left empty: 60 months for five years."),
    )
    new_deadline = forms.DateField(label=_("New deadline"), required=False, widget=DATE)
    submitted_on = forms.DateField(label=_("Request submitted on"), required=False, widget=DATE)
    analysed_on = forms.DateField(label=_("Request analysed on"), required=False, widget=DATE)
    decided_on = forms.DateField(label=_("Decided on"), required=False, widget=DATE)

    def clean(self):
        data = super().clean()
        if not data.get("new_deadline") and not data.get("months_granted") and not self.has_error("new_deadline"):
            self.add_error("new_deadline", _("Give the new deadline, or the period granted."))
        return data


class WithdrawalForm(_StateForm):
    past_only_dates = ("received_on",)

    received_on = forms.DateField(label=_("Instrument of withdrawal received on"), widget=DATE)
    armed_conflict = forms.BooleanField(
        label=_("Engaged in an armed conflict"), required=False,
        help_text=_("When the six months end; the withdrawal then takes effect on the later date below."),
    )
    later_date = forms.DateField(label=_("Takes effect on (armed conflict)"), required=False, widget=DATE)


class ObligationImportForm(forms.Form):
    file = forms.FileField(
        label=_("File of obligation facts"),
        help_text=_("CSV (UTF-8) or Excel (.xlsx), at most 5,000 rows and 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    )


class ClearanceReminderPlanForm(forms.ModelForm):
    """The article 5 plan, as ReminderPlanForm does for article 7: months typed as a list."""

    offsets_months = forms.CharField(
        label=_("Reminders, months before the deadline"), help_text=_("Comma-separated, e.g. 24, 12."),
    )

    class Meta:
        model = ClearanceReminderPlan
        fields = ["offsets_months", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self.instance.offsets_months, list):
            self.initial["offsets_months"] = ", ".join(str(m) for m in self.instance.offsets_months)

    def clean_offsets_months(self):
        raw = self.cleaned_data["offsets_months"]
        try:
            return [int(part) for part in raw.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError(_("Give whole numbers of months, separated by commas.")) from None
