"""ISU staff keep the records where they read them, without the admin: a participant row beyond
the sixth added on the page, a meeting recorded then edited, a member added to CASA with a
start date, a pledge added to the CASA project and the funding gap seen to shrink, then removed."""

import re

import pytest

pytestmark = pytest.mark.e2e


def option_value(select, starts_with: str) -> str:
    options = select.locator("option").evaluate_all("os => os.map(o => [o.value, o.textContent])")
    return next(value for value, text in options if text.startswith(starts_with))


def amount(text: str) -> int:
    return int(re.sub(r"[^\d-]", "", text))


def test_staff_maintain_meetings_members_and_pledges_on_the_pages(journey):
    j = journey("maintenance")
    page = j.page
    j.sign_in("isu")

    # Record a CASA meeting with a seventh participant row added on the page.
    j.goto("/taskforces/mechanisms/casa/meetings/new/")
    assert page.locator("#id_participants-TOTAL_FORMS").input_value() == "6"
    assert page.locator("#id_participants-6-party").count() == 0
    page.get_by_role("button", name="Add a participant").click()
    assert page.locator("#id_participants-TOTAL_FORMS").input_value() == "7"
    seventh = page.locator("#id_participants-6-party")
    assert seventh.is_visible()
    labels = seventh.locator("option").all_text_contents()
    assert any(label.startswith("DPO — ") and "formerly DPKO" in label for label in labels)
    assert not any(label.startswith("DPKO") for label in labels), "a body that no longer exists is offered"
    j.key_page("meeting-form-seven-rows")

    page.locator("#id_title").fill("CASA working group, maintenance journey")
    page.locator("#id_level").select_option("working")
    page.locator("#id_starts_at").fill("2026-12-08T09:30")
    page.locator("#id_time_zone").select_option("Europe/Zurich")
    first = page.locator("#id_participants-0-party")
    first.select_option(option_value(first, "UNODA"))
    page.locator("#id_participants-0-role").select_option("chair")
    seventh.select_option(option_value(seventh, "DPO — "))
    page.get_by_role("button", name="Record the meeting").click()
    page.wait_for_load_state()
    assert re.search(r"/taskforces/meetings/\d+/$", page.url), f"meeting not recorded: {page.url}"
    body = page.locator("main").inner_text()
    assert "CASA working group, maintenance journey" in body and "DPO" in body and "UNODA" in body

    # Edit it: a new title and an action item for DPO.
    page.get_by_role("link", name="Edit the meeting").click()
    page.wait_for_load_state()
    assert page.locator("#id_title").input_value() == "CASA working group, maintenance journey"
    j.key_page("meeting-edit")
    page.locator("#id_title").fill("CASA working group (revised)")
    page.get_by_role("button", name="Add an action item").click()
    last = int(page.locator("#id_actions-TOTAL_FORMS").input_value()) - 1
    page.locator(f"#id_actions-{last}-text").fill("Report on peace operations' small-arms projects.")
    owner = page.locator(f"#id_actions-{last}-owner")
    owner.select_option(option_value(owner, "DPO — "))
    page.get_by_role("button", name="Save the changes").click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    assert "CASA working group (revised)" in body, body[:500]
    assert "Report on peace operations' small-arms projects." in body
    j.key_page("meeting-edited")

    # Add UNOCT to CASA as a member from 1 March 2025.
    j.goto("/taskforces/mechanisms/casa/")
    page.get_by_role("link", name="Add a member").click()
    page.wait_for_load_state()
    j.key_page("membership-form")
    party = page.locator("#id_party")
    party.select_option(option_value(party, "UNOCT"))
    page.locator("#id_role").select_option("member")
    page.locator("#id_since").fill("2025-03-01")
    page.get_by_role("button", name="Add the member").click()
    page.wait_for_load_state()
    assert "/taskforces/mechanisms/casa/" in page.url
    row = page.locator("#members ~ div table tbody tr", has_text="UNOCT")
    assert row.count() == 1 and "2025" in row.inner_text(), row.all_inner_texts()
    j.key_page("member-added")

    # Add a confirmed pledge to the CASA project and see the gap shrink by as much.
    j.goto("/platform/projects/")
    page.locator("main table a", has_text="CASA").first.click()
    page.wait_for_load_state()
    gap_before = amount(page.locator(".funding-totals .gap strong").inner_text())
    page.get_by_role("link", name="Add a pledge").click()
    page.wait_for_load_state()
    j.key_page("pledge-form")
    donor = page.locator("#id_donor")
    donor.select_option(option_value(donor, "Norway"))
    page.locator("#id_status").select_option("confirmed")
    page.locator("#id_amount").fill("12500")
    page.locator("#id_currency").select_option("USD")
    page.locator("#id_pledged_on").fill("2026-11-02")
    page.get_by_role("button", name="Add the pledge").click()
    page.wait_for_load_state()
    assert "/platform/projects/" in page.url
    gap_after = amount(page.locator(".funding-totals .gap strong").inner_text())
    assert gap_after == gap_before - 12500, (gap_before, gap_after)
    assert page.locator("main table tbody tr", has_text="Norway").count() == 1
    j.key_page("pledge-added")

    # The pledge was a trial: remove it, and the gap is what it was (the other journeys read
    # CASA's funding as the source gives it).
    row = page.locator("main table tbody tr", has_text="Norway")
    row.get_by_role("link", name="Edit").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Remove this pledge").click()
    page.wait_for_load_state()
    assert amount(page.locator(".funding-totals .gap strong").inner_text()) == gap_before
    assert page.locator("main table tbody tr", has_text="Norway").count() == 0
