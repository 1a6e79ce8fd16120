"""State focal point (Mexico, in Spanish): submit a need, first with a validation error and then
correctly, confirm it, find it on the public Platform, withdraw it; then try Uganda's private
entry by its URL and be refused (404, as if it did not exist)."""

import re

import pytest

from .platform_data import private_need

pytestmark = pytest.mark.e2e
TITLE = "Formación de técnicos en desminado humanitario (E2E)"


def test_state_focal_point_journey(journey, served_app):
    uganda_private = private_need(served_app, username="uganda", title="Uganda confidential need (E2E)")
    j = journey("state-focal-point", locale="es-ES")
    page = j.page
    j.sign_in("mexico", language="es")
    assert page.get_attribute("html", "lang") == "es"
    j.key_page("inicio")

    # A need with an error first: no description, and an end date before the start.
    j.goto("/platform/new/need/")
    j.key_page("formulario-necesidad")
    page.locator("#id_kind").select_option("expertise")
    page.locator("#id_area").select_option("mine_clearance")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_period_start").fill("2027-06-30")
    page.locator("#id_period_end").fill("2027-01-01")
    page.locator("#id_visibility").select_option("public")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/platform/new/need/" in page.url, "an invalid need was accepted"
    errors = page.locator("main .error, main .errors")
    assert errors.count() >= 1
    assert page.locator("#id_title").input_value() == TITLE, "what was typed was lost"
    assert page.locator(".has-error #id_description").count() == 1, "the missing description is not pointed out"
    j.key_page("formulario-con-errores")

    # Corrected.
    page.locator("#id_description").fill("Capacitación de 20 técnicos para el despeje de zonas sospechosas.")
    page.locator("#id_period_end").fill("2027-12-31")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    match = re.search(r"/platform/entries/(\d+)/", page.url)
    assert match, f"the corrected need was not saved: {page.url}"
    entry_id = int(match.group(1))
    assert TITLE in page.locator("main").inner_text()
    j.key_page("necesidad-guardada")

    # Confirm it is still current.
    j.goto("/platform/mine/")
    j.key_page("mis-entradas")
    page.locator(f"form[action='/platform/entries/{entry_id}/confirm/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".messages").count() == 1, "no confirmation message"
    j.key_page("confirmada")

    # The public sees it, without signing in.
    public = journey("state-focal-point-public-view")
    public.goto("/platform/?q=" + "desminado")
    assert TITLE in public.page.locator("main").inner_text(), "the public need is not on the public Platform"
    public.key_page("plataforma-publica")

    # Withdraw it: it leaves the public list.
    j.goto(f"/platform/entries/{entry_id}/withdraw/")
    j.key_page("retirar")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    j.key_page("retirada")
    public.goto("/platform/?q=" + "desminado")
    assert TITLE not in public.page.locator("main").inner_text(), "a withdrawn need is still listed as current"

    # Another State's private entry, by URL: refused as if it did not exist.
    for path in (f"/platform/entries/{uganda_private}/", f"/platform/entries/{uganda_private}/edit/",
                 f"/platform/entries/{uganda_private}/withdraw/"):
        response = page.goto(served_app.url + path)
        assert response.status == 404, f"{path}: {response.status}"
        assert "Uganda confidential need" not in page.content()
    j.key_page("entrada-ajena-rechazada")
