"""What every calendar feed of the site shares (the task forces' meetings, the treaty deadlines)."""

from django.conf import settings
from django.utils import translation

__all__ = ["feed_language"]


def feed_language(requested: str | None) -> str:
    """The language a feed is written in: the one asked for (`?lang=`) when the site speaks
    it, else the active language. A calendar application fetches the feed without the
    reader's browser, so the link carries the language."""
    code = (requested or "").strip().lower()[:2]
    return code if code in dict(settings.LANGUAGES) else (translation.get_language() or settings.LANGUAGE_CODE)
