"""Fixtures of the browser journeys: the served app (fresh database, gunicorn on a free loopback
port) and Debian's Chromium driven by Playwright.

Without /usr/bin/chromium the journeys are skipped locally with the reason, and FAIL when CI=true:
`make test` (scripts/test.sh) installs it first with scripts/e2e-deps.sh, so a missing browser in
CI is a broken step.
"""

import os
from pathlib import Path

import pytest

from .browser import CHROMIUM_ARGS, open_journey
from .fixtures import served_app  # noqa: F401 (fixture)

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: `make test` installs it as root, or run `apt-get install chromium`"
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def journey(request, browser, served_app):  # noqa: F811 (the imported fixture)
    """journey("isu-staff") -> a Journey in a fresh browser context (own cookies)."""
    opened = []

    def start(name: str, **options):
        j = open_journey(browser, served_app, name, **options)
        opened.append(j)
        return j

    yield start
    problems = []
    for j in opened:
        j.collect_problems("the end of the journey")
        problems.extend(j.problems)
        j.page.context.close()
    if problems:
        pytest.fail(f"{len(problems)} page check(s) failed:\n\n" + "\n\n".join(problems), pytrace=False)
