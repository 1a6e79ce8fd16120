"""The public, without signing in: browse the Platform for Partnerships, filter it, download
the filtered list as CSV; the public recommendations pages."""

import csv
import io
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


def test_anonymous_journey(journey):
    j = journey("anonymous")
    page = j.page
    j.goto("/")
    j.key_page("home")
    j.goto("/platform/")
    j.key_page("platform")
    listed = page.locator("main").inner_text()
    assert "DEMO" in listed, "the demo entries are not on the public Platform"

    page.locator("#id_area").select_option("mine_clearance")
    page.locator("main form[method=get] button[type=submit]").first.click()
    page.wait_for_load_state()
    assert "area=mine_clearance" in page.url
    j.key_page("platform-filtered")

    export = page.locator("main a[href*='export.csv']").first
    assert "area=mine_clearance" in (export.get_attribute("href") or ""), "the CSV link drops the filter"
    with page.expect_download() as download_info:
        export.click()
    download = download_info.value
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) >= 2, f"the CSV is empty: {text[:200]}"
    header = [h.lower() for h in rows[0]]
    area_column = next(i for i, h in enumerate(header) if "area" in h)
    assert all("mine" in row[area_column].lower() for row in rows[1:] if row), "the CSV ignores the filter"
    assert "confidential" not in text.lower() and "secretariat only" not in text.lower()

    j.goto("/recommendations/")
    j.key_page("recommendations")
    j.goto("/recommendations/dashboard/")
    j.key_page("recommendations-dashboard")
    j.goto("/taskforces/")
    j.key_page("taskforces")
