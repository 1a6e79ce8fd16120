from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..currencies import is_currency


def validate_currency(value: str) -> None:
    if value and not is_currency(value):
        raise ValidationError(_("“%(code)s” is not an ISO 4217 currency code."), params={"code": value}, code="currency")
