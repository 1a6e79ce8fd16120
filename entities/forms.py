from django import forms
from django.utils.translation import gettext_lazy as _

from config.tabular import MAX_BYTES

from .models import FocalPoint, Language, Treaty
from .services.contacts import ContactData

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


class ContactForm(forms.Form):
    """A focal point's details; the rules (duplicates within the State or entity) are the
    service's, shown on the field they concern."""

    name = forms.CharField(label=_("Name"), max_length=200)
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False, help_text=_("For example: First Secretary, Permanent Mission."),
    )
    email = forms.EmailField(label=_("E-mail"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices, initial=Language.ENGLISH)
    receives_letters = forms.BooleanField(
        label=_("Receives letters"), required=False, initial=True,
        help_text=_("Letters and notifications to the State or entity are sent to this person, when active and with an e-mail address."),
    )
    is_active = forms.BooleanField(
        label=_("Active"), required=False, initial=True,
        help_text=_("A deactivated contact receives nothing and cannot sign in; its record and history are kept."),
    )

    @classmethod
    def for_contact(cls, contact: FocalPoint, data=None) -> "ContactForm":
        initial = {name: getattr(contact, name) for name in cls.base_fields}
        return cls(data, initial=initial)

    def contact_data(self) -> ContactData:
        return ContactData(**{name: self.cleaned_data[name] for name in self.fields})


class ContactImportForm(forms.Form):
    file = forms.FileField(
        label=_("Contacts file"),
        help_text=_("A CSV (UTF-8) or Excel (.xlsx) file with the columns of the template."),
    )

    def clean_file(self) -> tuple[bytes, str]:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(size)s MB. Split it into smaller files.") % {
                "size": MAX_BYTES // (1024 * 1024),
            })
        return upload.read(), upload.name
