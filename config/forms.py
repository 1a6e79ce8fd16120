"""Form fields shared by the apps."""

from django import forms
from django.core.exceptions import ValidationError

_MAX_ID = 2**63 - 1


class IdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField over integer ids that refuses out-of-range values itself:
    SQLite raises OverflowError on them instead of finding nothing."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk)
            if not text.isdigit() or int(text) > _MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)
