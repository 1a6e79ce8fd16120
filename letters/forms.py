from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entities.models import Language, State
from letters.models import Campaign, LetterTemplate, ReminderPlan, ReportKind, TemplateKind


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


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = ["name", "kind", "treaty", "period", "send_on", "meeting"]
        widgets = {"send_on": forms.DateInput(attrs={"type": "date"})}


class PreviewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Letter"), choices=TemplateKind.choices)
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.all(), to_field_name="code")
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    period = forms.IntegerField(label=_("Year"), min_value=1997, max_value=2100)
    days = forms.IntegerField(label=_("Days before (reminder) or after (overdue) the deadline"), min_value=0, max_value=365, initial=60)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].initial = timezone.localdate().year - 1


class ReportForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.filter(treaty_parties__isnull=False).distinct())
    kind = forms.ChoiceField(label=_("Kind"), choices=ReportKind.choices, initial=ReportKind.ANNUAL)
    period = forms.IntegerField(label=_("Year covered"), min_value=1997, max_value=2100)
    received_on = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    link = forms.URLField(label=_("Link"), required=False)
    file = forms.FileField(label=_("File"), required=False)

    def __init__(self, *args, state=None, **kwargs):
        super().__init__(*args, **kwargs)
        if state is not None:
            # A State focal point records its own State's report only.
            del self.fields["state"]
        self.fields["received_on"].initial = timezone.localdate()
        self.fields["period"].initial = timezone.localdate().year - 1
