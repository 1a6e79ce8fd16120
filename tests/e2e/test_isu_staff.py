"""ISU staff: sign in with a TOTP code, open the dashboards, filter recommendations, post a
status update, record a meeting with participants and an action item, preview a reminder letter
in French, and propose a match on the Platform."""

import re

import pytest

pytestmark = pytest.mark.e2e


def test_isu_staff_journey(journey):
    j = journey("isu-staff")
    page = j.page
    j.sign_in("isu")
    j.key_page("home-signed-in")

    # Dashboards
    j.goto("/recommendations/dashboard/")
    j.key_page("recommendations-dashboard")
    j.goto("/platform/dashboard/")
    j.key_page("platform-dashboard")

    # Filter recommendations: the filter form narrows the list and keeps the choice.
    j.goto("/recommendations/")
    total = page.locator("main table tbody tr").count()
    page.get_by_label("Status").select_option("not_started")
    # Only today's bodies are offered: DPO stands for DPKO's actions too ("DPO (formerly DPKO)").
    page.get_by_label("Implementing entity").select_option("DPO")
    page.locator("main form[method=get] button[type=submit]").click()
    page.wait_for_load_state()
    assert "status=not_started" in page.url and "entity=DPO" in page.url
    assert page.get_by_label("Implementing entity").input_value() == "DPO"
    filtered = page.locator("main table tbody tr").count()
    assert 0 < filtered <= max(total, filtered)
    j.key_page("recommendations-filtered")

    # Post a status update on the first suggested action of the first listed recommendation.
    page.locator("main table tbody tr a").first.click()
    page.wait_for_load_state()
    j.key_page("recommendation-detail")
    page.get_by_role("link", name="Post a status update").first.click()
    page.wait_for_load_state()
    j.key_page("status-update-form")
    page.locator("#id_status").select_option("in_progress")
    page.locator("#id_note").fill("Terms of reference agreed at the E2E review meeting.")
    page.get_by_role("button", name="Record the update").click()
    page.wait_for_load_state()
    assert "/status/" not in page.url, "the status update was not accepted"
    assert page.get_by_text("Terms of reference agreed at the E2E review meeting.").count() >= 1 or \
        page.get_by_text("In progress").count() >= 1
    j.key_page("status-updated")

    # Record a meeting of CASA with two participants and one action item.
    j.goto("/taskforces/mechanisms/casa/meetings/new/")
    j.key_page("meeting-form")
    page.locator("#id_title").fill("CASA principals, E2E review")
    page.locator("#id_level").select_option("principals")
    page.locator("#id_starts_at").fill("2026-12-03T10:00")
    page.locator("#id_place").fill("New York")
    page.locator("#id_decisions").fill("Agreed to map small-arms projects by region.")
    first_party = page.locator("#id_participants-0-party")
    unoda = next(v for v in first_party.locator("option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
                 if v[1].startswith("UNODA"))[0]
    unmas = next(v for v in first_party.locator("option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
                 if v[1].startswith("UNMAS"))[0]
    first_party.select_option(unoda)
    page.locator("#id_participants-0-role").select_option("chair")
    page.locator("#id_participants-1-party").select_option(unmas)
    page.locator("#id_participants-1-role").select_option("participant")
    page.locator("#id_actions-0-text").fill("Circulate the regional project map to all CASA members.")
    page.locator("#id_actions-0-owner").select_option(unmas)
    page.locator("#id_actions-0-due_on").fill("2027-01-31")
    page.get_by_role("button", name="Record the meeting").click()
    page.wait_for_load_state()
    assert re.search(r"/taskforces/meetings/\d+/", page.url), f"meeting not recorded: {page.url}"
    body = page.locator("main").inner_text()
    assert "CASA principals, E2E review" in body
    assert "UNODA" in body and "UNMAS" in body
    assert "Circulate the regional project map" in body
    j.key_page("meeting-recorded")

    # Preview the article 7 reminder to Mexico in French.
    j.goto("/letters/preview/")
    page.locator("#id_kind").select_option("report-reminder")
    page.locator("#id_state").select_option("MX")
    page.locator("#id_language").select_option("fr")
    page.locator("#id_period").fill("2027")
    page.get_by_role("button", name="Preview").click()
    page.wait_for_load_state()
    preview = page.locator("main").inner_text()
    assert "Rappel" in preview and "avril" in preview, preview[:500]
    j.key_page("letter-preview-fr")

    # Propose a match between a need and an offer that the Platform suggests.
    j.goto("/platform/matches/")
    j.key_page("matches")
    page.locator("main a[href*='/matches/']").filter(has_not_text="Matches").first.click()
    page.wait_for_load_state()
    assert "/matches/" in page.url
    j.key_page("match-candidates")
    form = page.locator("main form[action*='/matches/propose/']").first
    form.locator("textarea").fill("Both entries concern land release; please talk.")
    form.get_by_role("button", name="Propose this match").click()
    page.wait_for_load_state()
    assert page.locator(".messages").count() == 1, "no confirmation after proposing the match"
    j.key_page("match-proposed")
