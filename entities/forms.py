from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Treaty

MAX_UPLOAD_BYTES = 1024 * 1024


class TreatyPartyImportForm(forms.Form):
    treaty = forms.ModelChoiceField(
        label=_("Treaty"), queryset=Treaty.objects.order_by("short_name"), to_field_name="short_name", empty_label=None,
    )
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8 CSV with the columns iso_code (or country), consent_to_be_bound and entry_into_force."),
    )
    remove_demo = forms.BooleanField(
        label=_("Remove the demo States Parties of this treaty"), required=False,
        help_text=_("Rows marked as demo data that the file does not replace are deleted."),
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB."))
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Upload a .csv file."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None
