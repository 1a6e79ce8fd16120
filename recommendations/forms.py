from django import forms
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.dates import DateBoundsFormMixin

from .models import ActionStatus, StatusUpdate

NOTE_MAX_LENGTH = 2000  # as every other note of the product


class StatusUpdateForm(DateBoundsFormMixin, forms.ModelForm):
    """Status, date, note and evidence; ISU staff may say on behalf of which named entity.
    The date says when the progress happened: never in the future."""

    past_only_dates = ("date",)

    class Meta:
        model = StatusUpdate
        fields = ["status", "date", "note", "evidence_url", "on_behalf_of"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "note": forms.Textarea(attrs={"rows": 4, "maxlength": NOTE_MAX_LENGTH}),
        }
        help_texts = {"evidence_url": _("A link to a document or page showing the progress (optional).")}

    def __init__(self, *args, action, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = ActionStatus.choices
        self.fields["status"].initial = action.status
        self.fields["date"].initial = timezone.localdate
        if staff:
            self.fields["on_behalf_of"].queryset = action.implementing_entities.all()
            self.fields["on_behalf_of"].required = False
            self.fields["on_behalf_of"].empty_label = _("— ISU (no entity) —")
        else:
            del self.fields["on_behalf_of"]
        note = self.fields["note"]
        note.max_length = NOTE_MAX_LENGTH
        note.validators.append(MaxLengthValidator(NOTE_MAX_LENGTH))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One row per suggested action, with the columns of the template."),
    )


