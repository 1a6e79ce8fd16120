"""English, French and Spanish: the switcher, the browser's preference, the page language."""

import re

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _html_lang(response) -> str:
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_pages_are_english_by_default():
    response = Client().get(reverse("home"))
    assert _html_lang(response) == "en"
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_switcher_changes_the_language_of_the_next_pages(language):
    client = Client()
    response = client.post(reverse("set_language"), {"language": language, "next": reverse("login")})
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    page = client.get(reverse("login"))
    assert _html_lang(page) == language
    assert page["Content-Language"] == language


def test_switcher_is_on_every_page_with_the_three_languages():
    content = Client().get(reverse("login")).content.decode()
    assert f'action="{reverse("set_language")}"' in content
    for code, name in (("en", "English"), ("fr", "français"), ("es", "español")):
        assert f'value="{code}"' in content and name in content


def test_browser_asking_for_spanish_gets_spanish():
    response = Client(HTTP_ACCEPT_LANGUAGE="es-MX,es;q=0.9,en;q=0.5").get(reverse("home"))
    assert _html_lang(response) == "es"
    assert response["Content-Language"] == "es"


def test_messages_are_translated_after_switching_to_french():
    client = Client()
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    response = client.post(reverse("login"), {"username": "nobody", "password": "wrong-password"})
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in response.content.decode()


def test_switcher_refuses_to_redirect_to_another_site():
    response = Client().post(reverse("set_language"), {"language": "fr", "next": "https://evil.example.com/"})
    assert "evil.example.com" not in response.get("Location", "")


def test_an_unknown_language_is_ignored():
    client = Client()
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert _html_lang(client.get("/")) == "en"


def test_the_project_catalogue_translates_the_sign_in_page_when_compiled():
    from pathlib import Path

    from django.conf import settings

    if not (Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES" / "django.mo").exists():
        pytest.skip("French catalogue not compiled yet (make messages)")
    client = Client()
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    heading = re.search(r"<h1>(.*?)</h1>", client.get(reverse("login")).content.decode()).group(1)
    assert heading and heading != "Sign in"
