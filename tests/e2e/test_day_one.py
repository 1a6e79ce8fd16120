"""Day one of a secretariat: ISU staff import the contacts of the demo States Parties (a bad
file first), send a reminder stage from the screen and watch it in the outbox; a State focal
point signs in and lands on its own work."""

import re

import pytest

from entities.demo import DEMO_PARTY_CODES

pytestmark = pytest.mark.e2e

# The demo gives an address to Mexico and Uganda only; the file gives one to every other party,
# in the three languages.
LANGUAGES = ("fr", "es", "en")


def _contacts_csv(codes) -> bytes:
    rows = ["state;name;title;email;phone;language;receives_letters;active"]
    for index, code in enumerate(codes):
        rows.append(
            f"{code};Focal point {code};Director, mine action;fp-{code.lower()}@example.org;;"
            f"{LANGUAGES[index % 3]};yes;yes"
        )
    # A BOM and semicolons, as a spreadsheet saves them.
    return ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")


BAD_CSV = (
    "state,name,email,language\r\n"
    "ZZ,Nobody,nobody@example.org,en\r\n"
    "CO,Someone,not-an-address,de\r\n"
).encode("utf-8")


def test_staff_import_contacts_then_send_a_stage_and_a_focal_point_lands_on_its_work(journey, tmp_path):
    j = journey("day-one")
    page = j.page
    j.sign_in("isu")
    assert page.url.rstrip("/").endswith("/start"), f"staff did not land on their start page: {page.url}"
    assert page.get_by_role("heading", name=re.compile("Letters needing attention")).count() == 1
    j.key_page("staff-start")

    # A bad file first: every problem listed with its row and column, nothing written.
    j.goto("/directory/contacts/import/")
    j.key_page("contact-import")
    bad = tmp_path / "contacts-bad.csv"
    bad.write_bytes(BAD_CSV)
    page.set_input_files("#id_file", str(bad))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()
    problems = page.locator("[role=alert]").inner_text()
    assert "ZZ" in problems and "Row 2" in problems, problems
    assert "Row 3" in problems and "email" in problems and "language" in problems, problems
    assert page.get_by_role("button", name="Confirm the import").count() == 0
    j.key_page("contact-import-rejected")

    # The real file: a preview, then the confirmation.
    codes = [code for code in DEMO_PARTY_CODES if code not in ("MX", "UG")]
    good = tmp_path / "contacts.csv"
    good.write_bytes(_contacts_csv(codes))
    page.set_input_files("#id_file", str(good))
    page.get_by_role("button", name="Check the file").click()
    page.wait_for_load_state()
    assert "What the import will do" in page.locator("main").inner_text()
    j.key_page("contact-import-preview")
    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state()
    assert str(len(codes)) in page.locator("main").inner_text()

    # The worklist has no State Party without an address any more.
    j.goto("/directory/contacts/worklist/")
    j.key_page("contacts-worklist")
    for code in ("CO", "KH", "NL"):
        assert f"/directory/contacts/states/{code}/" not in page.content(), f"{code} still listed without an address"

    # Reminder stages: open the first coming stage and send it from the screen.
    j.goto("/letters/stages/")
    j.key_page("reminder-stages")
    page.locator("main table tbody tr a[href*='/letters/stages/']").first.click()
    page.wait_for_load_state()
    j.key_page("stage-preview")
    body = page.locator("main").inner_text()
    assert "no recipient" not in body.lower(), "a State Party still has no recipient after the import"
    assert "fp-co@example.org" in body
    stage_url = page.url
    page.get_by_role("button", name=re.compile("^Confirm: send")).click()
    page.wait_for_load_state()
    assert "/letters/outbox/" in page.url, page.url
    outbox = page.locator("main").inner_text()
    assert "No recipient" not in re.sub(r"No recipient\s*0", "", outbox) or "no recipient" not in outbox.lower()
    j.key_page("outbox-after-send")

    # Exactly once: the stage now has nothing new to send.
    j.goto(stage_url.removeprefix(j.app.url))
    assert "nothing new to send" in page.locator("main").inner_text()

    # A State focal point lands on its own work.
    fp = journey("day-one-focal-point")
    fp.sign_in("uganda")
    assert fp.page.url.rstrip("/").endswith("/start"), fp.page.url
    main = fp.page.locator("main").inner_text()
    assert "Uganda" in main and "Article 7 reports" in main
    fp.key_page("state-focal-point-start")
