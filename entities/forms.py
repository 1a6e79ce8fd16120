from django import forms
from django.utils.translation import gettext_lazy as _

from config.tabular import MAX_BYTES

from .models import FocalPoint, Language, Treaty
from .services.contacts import ContactData
from .services.country_names import ARTICLES, NAME_MAX_LENGTH


class TreatyPartyImportForm(forms.Form):
    treaty = forms.ModelChoiceField(
        label=_("Treaty"), queryset=Treaty.objects.order_by("short_name"), to_field_name="short_name", empty_label=None,
    )
    file = forms.FileField(
        label=_("CSV or Excel file"),
        help_text=_(
            "A CSV (UTF-8) or Excel (.xlsx) file with the columns iso_code (or country), consent_to_be_bound "
            "and entry_into_force."
        ),
    )
    remove_demo = forms.BooleanField(
        label=_("Remove the demo States Parties of this treaty"), required=False,
        help_text=_("Rows marked as demo data that the file does not replace are deleted."),
    )

    def clean_file(self) -> tuple[bytes, str]:
        """The bytes and name; reading them (encoding, format, header) is config.tabular's."""
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than %(size)s MB. Split it into smaller files.") % {
                "size": MAX_BYTES // (1024 * 1024),
            })
        return upload.read(), upload.name


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


def _articles(language: str) -> list[tuple[str, str]]:
    return [(article, article or _("none")) for article in ARTICLES[language]]


class StateNamesForm(forms.Form):
    """A State's short names and their grammar in the three languages, as staff correct them;
    the grammar's rules (an article agreeing with the gender...) are the service's."""

    name_en = forms.CharField(label=_("Name in English"), max_length=NAME_MAX_LENGTH)
    article_en = forms.ChoiceField(
        label=_("Article in English"), choices=_articles("en"), required=False,
        help_text=_("“the” when English writes it before the name in a sentence: the Netherlands."),
    )
    name_fr = forms.CharField(label=_("Name in French"), max_length=NAME_MAX_LENGTH)
    article_fr = forms.ChoiceField(label=_("Article in French"), choices=_articles("fr"), required=False)
    gender_fr = forms.ChoiceField(
        label=_("Gender in French"), choices=[("m", _("masculine")), ("f", _("feminine"))],
        help_text=_("The agreement in letters: “il est”, “elle est”."),
    )
    number_fr = forms.ChoiceField(label=_("Number in French"), choices=[("s", _("singular")), ("p", _("plural"))])
    elides_fr = forms.BooleanField(
        label=_("Elision in French"), required=False,
        help_text=_("Tick when French writes d' or l' before the name: d'Israël, l'Ouganda."),
    )
    name_es = forms.CharField(label=_("Name in Spanish"), max_length=NAME_MAX_LENGTH)
    article_es = forms.ChoiceField(label=_("Article in Spanish"), choices=_articles("es"), required=False)

    @classmethod
    def for_state(cls, state, current: dict[str, dict], data=None) -> "StateNamesForm":
        """`current`: language -> the fields as the State is named now (corrected or shipped)."""
        initial = {f"{field}_{language}": value for language, fields in current.items() for field, value in fields.items()}
        return cls(data, initial=initial)

    def names(self) -> dict[str, dict]:
        names: dict[str, dict] = {"en": {}, "fr": {}, "es": {}}
        for key, value in self.cleaned_data.items():
            field, language = key.rsplit("_", 1)
            names[language][field] = value
        return names
