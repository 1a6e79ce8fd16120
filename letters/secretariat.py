"""The secretariat's name in the reader's language, for letters, their signature and letterhead.

Read from settings.LETTERS_SECRETARIAT_NAMES (one name per language, each settable from the
environment); English is the fallback for a language without one.
"""

from django.conf import settings
from django.utils import translation


def secretariat_name(language: str | None = None) -> str:
    """"Implementation Support Unit", « Unité d'appui à l'application », «Dependencia de Apoyo a
    la Aplicación»: in `language`, else the active language."""
    names = getattr(settings, "LETTERS_SECRETARIAT_NAMES", None) or {}
    code = (language or translation.get_language() or "en")[:2]
    return names.get(code) or names.get("en") or settings.LETTERS_SECRETARIAT
