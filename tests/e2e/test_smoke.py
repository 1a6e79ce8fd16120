"""The served app answers in a real browser: home page, sign-in page, the public API schema."""

import pytest

pytestmark = pytest.mark.e2e


def test_anonymous_visitor_sees_the_home_page_in_each_language(journey):
    j = journey("anonymous-home")
    j.goto("/")
    assert j.page.locator("h1").count() >= 1
    j.key_page("home")
    j.goto("/accounts/login/")
    j.key_page("sign-in")
    for code in ("fr", "es"):
        j.choose_language(code)
        j.key_page(f"sign-in-{code}")


def test_isu_staff_signs_in_with_a_totp_code(journey):
    j = journey("isu-sign-in")
    j.sign_in("isu")
    j.key_page("after-sign-in")
    assert j.page.locator(".session .who").inner_text() == "isu"
