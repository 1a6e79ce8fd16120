from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.dates import DateBoundsFormMixin
from config.forms import DocumentFileField, StateChoiceField
from entities.models import Language, State
from letters.models import Campaign, LetterTemplate, ReminderPlan, ReportKind
from letters.models.templates import LETTER_KIND_CHOICES


class LetterTemplateForm(forms.ModelForm):
    """Saving runs the model's clean(): unknown placeholders and broken syntax are refused."""

    class Meta:
        model = LetterTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}


class ReminderPlanForm(forms.ModelForm):
    offsets_days = forms.CharField(
        label=_("Reminders, days before the deadline"), help_text=_("Comma-separated, e.g. 60, 30, 7."),
    )

    class Meta:
        model = ReminderPlan
        fields = ["offsets_days", "overdue_after_days", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and isinstance(self.instance.offsets_days, list):
            self.initial["offsets_days"] = ", ".join(str(d) for d in self.instance.offsets_days)

    def clean_offsets_days(self):
        raw = self.cleaned_data["offsets_days"]
        try:
            return [int(part) for part in raw.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            raise forms.ValidationError(_("Give whole numbers of days, separated by commas.")) from None


class CampaignForm(DateBoundsFormMixin, forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["name", "kind", "treaty", "period", "send_on", "meeting"]
        widgets = {"send_on": forms.DateInput(attrs={"type": "date"})}


class PreviewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Letter"), choices=LETTER_KIND_CHOICES)
    state = StateChoiceField(label=_("State"), queryset=State.objects.all(), to_field_name="code")
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    period = forms.IntegerField(label=_("Year"), min_value=1997, max_value=2100)
    days = forms.IntegerField(label=_("Days before (reminder) or after (overdue) the deadline"), min_value=0, max_value=365, initial=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].initial = timezone.localdate().year - 1


class ReportForm(DateBoundsFormMixin, forms.Form):
    past_only_dates = ("received_on",)

    state = StateChoiceField(label=_("State"), queryset=State.objects.filter(treaty_parties__isnull=False).distinct())
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices, initial=ReportKind.ANNUAL)
    period = forms.IntegerField(label=_("Year covered"), min_value=1997, max_value=2100)
    received_on = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    link = forms.URLField(label=_("Link"), required=False)
    file = DocumentFileField(label=_("File"), required=False)

    def __init__(self, *args, state=None, **kwargs):
        super().__init__(*args, **kwargs)
        if state is not None:
            # A State focal point records its own State's report only.
            del self.fields["state"]
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["period"].initial = timezone.localdate().year - 1


class ReportImportForm(forms.Form):
    """The file of reports received; its rows are checked by letters.services.reporting."""

    file = forms.FileField(
        label=_("File of reports received"),
        help_text=_("CSV (UTF-8) or Excel (.xlsx), at most 5,000 rows and 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    )


# The M49 regions of entities.seed, with labels makemessages can find.
REGION_LABELS = {
    "Africa": _("Africa"), "Americas": _("Americas"), "Asia": _("Asia"), "Europe": _("Europe"), "Oceania": _("Oceania"),
}
VERDICT_LABELS = {"on_time": _("on time"), "late": _("late"), "missing": _("missing"), "not_due": _("not due")}
COMPLIANCE_MAX_YEARS = 30  # a wider table is unreadable and costly


class ComplianceFilterForm(forms.Form):
    """The compliance page's filters. Empty fields mean: every region, every status, the six
    years up to last year."""

    region = forms.ChoiceField(label=_("Region"), required=False)
    since = forms.IntegerField(label=_("From year"), required=False, min_value=1997, max_value=2100)
    until = forms.IntegerField(label=_("To year"), required=False, min_value=1997, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"), required=False,
        choices=[("", _("Any status"))] + list(VERDICT_LABELS.items()),
        help_text=_("States with at least one report in this status among the columns shown."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions"))] + list(REGION_LABELS.items())

    def clean(self):
        data = super().clean()
        until = data.get("until") or timezone.localdate().year - 1
        since = data.get("since") or until - 5
        if since > until:
            self.add_error("since", _("The first year must not be after the last year."))
        elif until - since >= COMPLIANCE_MAX_YEARS:
            self.add_error("since", _("Show at most %(count)s years at a time.") % {"count": COMPLIANCE_MAX_YEARS})
        data["years"] = list(range(since, until + 1))
        return data
