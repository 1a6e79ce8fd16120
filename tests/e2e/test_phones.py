"""On a phone and on a wide screen, in English, French and Spanish, for every role: every main
page fits 360 px without scrolling sideways and axe-core finds no serious or critical problem
at 360 px or at 1280 px; the header folds into a menu that works from the keyboard; long pick
lists can be filtered and list States by their name in the reader's language.

One browser context per role, signed in once, walks its pages in the three languages (the
language switcher in the header), so the whole check is one pass per role."""

from __future__ import annotations

import time

import pytest

from .browser import DESKTOP, PHONE_WIDTH

pytestmark = pytest.mark.e2e
LANGUAGES = ("en", "fr", "es")

PUBLIC = [
    "/", "/recommendations/", "/recommendations/dashboard/", "/recommendations/<first>/",
    "/taskforces/", "/taskforces/mechanisms/casa/", "/taskforces/meetings/", "/taskforces/action-items/",
    "/taskforces/map/", "/taskforces/capabilities/", "/taskforces/glossary/",
    "/platform/", "/platform/projects/", "/platform/challenges/",
    "/directory/", "/directory/entities/", "/directory/entities/UNMAS/", "/directory/states/",
    "/directory/states/UG/", "/directory/organisations/",
]
STAFF = [
    "/start/", "/letters/", "/letters/outbox/", "/letters/plan/", "/letters/preview/", "/letters/campaigns/",
    "/letters/templates/", "/letters/reports/", "/letters/reports/new/", "/letters/compliance/",
    "/letters/analytics/", "/letters/stages/", "/letters/obligations/", "/directory/contacts/",
    "/directory/contacts/worklist/", "/accounts/audit/", "/platform/matches/", "/platform/feedback/received/",
    "/platform/new/need/", "/platform/dashboard/", "/recommendations/import/", "/taskforces/surveys/",
    "/taskforces/mechanisms/casa/meetings/new/",
]
STATE = [
    "/start/", "/platform/mine/", "/platform/matches/", "/platform/new/need/", "/platform/challenges/new/",
    "/platform/feedback/", "/taskforces/individualised-approach/request/",
]
ENTITY = ["/start/", "/recommendations/?entity=UNMAS", "/taskforces/action-items/?entity=UNMAS", "/taskforces/surveys/", "/platform/matches/"]
ROLES = {"anonymous": None, "isu-staff": "isu", "state-focal-point": "uganda", "entity-focal-point": "unmas"}
PAGES = {"anonymous": PUBLIC, "isu-staff": STAFF + PUBLIC, "state-focal-point": STATE + PUBLIC, "entity-focal-point": ENTITY + PUBLIC}
# The pictures kept (1280 and 360 px, each language): the header, a wide table, the dashboards.
PICTURED = {"/", "/recommendations/", "/recommendations/dashboard/", "/platform/dashboard/", "/letters/obligations/", "/letters/outbox/"}


def _first_recommendation(j) -> str:
    j.goto("/recommendations/")
    href = j.page.locator("main table a").first.get_attribute("href")
    return href.removeprefix(j.app.url)


def test_every_main_page_fits_a_phone_and_passes_axe_in_three_languages(journey):
    started, checked, refused = time.monotonic(), 0, []
    for role, username in ROLES.items():
        j = journey(f"phones-{role}")
        if username:
            j.sign_in(username)
        recommendation = _first_recommendation(j)
        for language in LANGUAGES:
            j.choose_language(language)
            for path in PAGES[role]:
                path = path.replace("/recommendations/<first>/", recommendation)
                response = j.goto(path, expect_status=None)
                if response.status != 200 or "/accounts/login/" in j.page.url:
                    refused.append(f"{role}: {path} ({response.status})")
                    continue
                j.key_page(f"{language}{path}", axe_on_phone=True, screenshots=path in PICTURED and role in {"anonymous", "isu-staff"})
                checked += 1
    elapsed = time.monotonic() - started
    print(f"\n{checked} page views checked at {PHONE_WIDTH} and {DESKTOP['width']} px in {elapsed:.0f} s")
    # Every page listed is one the role may open: a refusal, a sign-in page or a server error fails.
    assert not refused, f"pages the role could not open: {refused}"


def test_the_header_folds_into_a_menu_that_works_from_the_keyboard(journey):
    j = journey("phones-menu")
    page = j.page
    j.sign_in("isu")
    for language in LANGUAGES:
        j.choose_language(language)
        page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
        j.goto("/recommendations/")
        button = page.locator(".menu-toggle")
        header_height = page.locator(".site-header").bounding_box()["height"]
        assert header_height <= 80, f"the folded header is {header_height} px tall in {language}"
        assert button.get_attribute("aria-expanded") == "false"
        assert not page.locator("#site-menu").is_visible()
        page.screenshot(path=str(_picture(j, f"menu-closed-{language}")))
        # From the keyboard: the skip link, the brand, then the button.
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true"
        assert page.locator("#language-select").is_visible() and page.locator("form[action$='logout/'] button").is_visible()
        page.screenshot(path=str(_picture(j, f"menu-open-{language}")))
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('#site-menu') !== null"), "Tab does not go into the open menu"
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.classList.contains('menu-toggle')"), "Escape does not return to the button"
        # A wide screen shows the whole header and no button.
        page.set_viewport_size(DESKTOP)
        assert not button.is_visible() and page.locator(".main-nav").is_visible()
        j.collect_problems(f"menu-{language}")


def test_without_script_the_menu_stays_open_on_a_phone(browser, served_app):
    context = browser.new_context(viewport={"width": PHONE_WIDTH, "height": 780}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_app.url + "/recommendations/")
        assert not page.locator(".menu-toggle").is_visible()
        assert page.locator(".main-nav").is_visible() and page.locator("#language-select").is_visible()
    finally:
        context.close()


def test_long_pick_lists_filter_as_one_types_and_list_states_by_name(journey):
    j = journey("phones-pickers")
    page = j.page
    j.sign_in("isu")
    j.choose_language("fr")
    j.goto("/letters/reports/new/")
    names = page.eval_on_selector_all("#id_state option", "options => options.filter(o => o.value).map(o => o.text)")
    folded = page.evaluate(
        "names => names.map(n => n.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase())", names)
    assert folded == sorted(folded), "States are not in the order of their French names"
    box = page.locator("#id_state-filter")
    assert box.get_attribute("aria-label") == "Filtrer la liste"
    described_by = box.get_attribute("aria-describedby")
    assert page.locator(f"#{described_by}").inner_text().startswith("État")
    assert page.get_by_label("État").count() == 1, "the filter box must not take the field's name"
    box.fill("ouga")
    shown = page.eval_on_selector_all("#id_state option", "options => options.filter(o => o.value && !o.hidden).map(o => o.text)")
    assert shown == ["Ouganda"], shown
    j.key_page("picker-filtered-fr", axe_on_phone=True)


def _picture(j, name: str):
    from .server import ARTIFACTS

    folder = ARTIFACTS / "screenshots" / j.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{name}.png"
