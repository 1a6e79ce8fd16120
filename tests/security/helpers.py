from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories.entities import PASSWORD

__all__ = ["PASSWORD", "current_code", "sign_in_with_password"]


def sign_in_with_password(client, username: str, password: str = PASSWORD, *, address: str = "127.0.0.1", **extra):
    """Posts the login form as a browser would, from `address`."""
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def current_code(device: TOTPDevice) -> str:
    """The six digits an authenticator app holding this device's key shows right now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
