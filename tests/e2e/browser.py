"""A journey through the served app in Chromium: each key page gets an axe-core check, a check
that it fits 360 px without horizontal scrolling, and screenshots at desktop and phone width.

axe-core is served to the page as a same-origin script (`/__e2e__/axe.min.js`, answered by a
Playwright route from the copy vendored in tests/e2e/vendor/axe-core). The app's CSP allows scripts from
'self', so the strict CSP stays ON for every page of every journey: no `bypass_csp`, and a page
that needs an inline script or style would show up as a CSP violation and fail the journey.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest

from .server import ARTIFACTS, DEMO_PASSWORD, ROOT, ServedApp

AXE_FILE = ROOT / "tests" / "e2e" / "vendor" / "axe-core" / "axe.min.js"
AXE_URL_PATH = "/__e2e__/axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}
# Violations found in code owned by another area and handed over, not fixed yet:
# (rule id, CSS target) -> where it comes from. Reported in artifacts/axe/known.txt, not failing;
# remove the line once fixed so the check guards the fix.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}
# Pages whose sideways scrolling at 360 px comes from an element handed over, not fixed yet:
# (path, first culprit) -> where it comes from. Reported in artifacts/screenshots/known.txt.
KNOWN_OVERFLOWS: dict = {}
DESKTOP = {"width": 1280, "height": 900}
PHONE_WIDTH = 360
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
]


@dataclass
class Journey:
    """One user's path through the app; `key_page()` proves a page and keeps its pictures."""

    name: str
    app: ServedApp
    page: object  # playwright.sync_api.Page
    console_problems: list[str] = field(default_factory=list)
    # What the page checks found (axe, 360 px, CSP, server errors): collected so that one
    # journey reports every page's problems at once; the `journey` fixture fails on any.
    problems: list[str] = field(default_factory=list)
    _count: int = 0

    def url(self, path: str) -> str:
        return self.app.url + path

    def goto(self, path: str, *, expect_status: int | None = 200):
        response = self.page.goto(self.url(path))
        if expect_status is not None:
            assert response is not None and response.status == expect_status, (
                f"{path}: expected {expect_status}, got {response.status if response else 'no response'}"
            )
        return response

    # --- signing in ---------------------------------------------------------------------------
    def sign_in(self, username: str, *, language: str | None = None) -> None:
        self.goto("/accounts/login/")
        if language:
            self.choose_language(language)
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", DEMO_PASSWORD)
        self.page.click("main form button[type=submit]")
        self.page.wait_for_load_state()
        if "/accounts/two-factor/" in self.page.url:
            self.page.fill("input[name=token]", self.app.totp_code(username))
            self.page.click("main form button[type=submit]")
            self.page.wait_for_load_state()
        assert "/accounts/" not in self.page.url, f"{username} did not get past sign-in: {self.page.url}"

    def choose_language(self, code: str) -> None:
        self.page.select_option("#language-select", code)
        self.page.click("form.language button[type=submit]")
        self.page.wait_for_load_state()
        assert self.page.get_attribute("html", "lang") == code

    # --- proving a page -----------------------------------------------------------------------
    def key_page(self, label: str, *, axe: bool = True, axe_on_phone: bool = False, screenshots: bool = True) -> None:
        """Accessibility, 360 px fit and screenshots of the page as it is now. `axe_on_phone`
        runs axe again at 360 px (the phone layout: folded menu, tables as cards or scrolling
        regions); `screenshots=False` skips the pictures where a journey checks many pages."""
        self._count += 1
        stem = f"{self._count:02d}-{slug(label)}"
        folder = ARTIFACTS / "screenshots" / self.name
        folder.mkdir(parents=True, exist_ok=True)
        self.page.set_viewport_size(DESKTOP)
        if screenshots:
            self.page.screenshot(path=str(folder / f"{stem}.png"), full_page=True)
        if axe:
            self.check_accessible(stem)
        self.page.set_viewport_size({"width": PHONE_WIDTH, "height": 780})
        if axe and axe_on_phone:
            self.check_accessible(f"{stem}-360")
        overflow = self.page.evaluate(
            "() => ({doc: document.documentElement.scrollWidth, body: document.body.scrollWidth,"
            " culprits: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
            " && getComputedStyle(e).position !== 'fixed' && !e.closest('.table-scroll, pre, [data-scrolls]')).slice(0, 5)"
            ".map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : ''))})"
        )
        if screenshots:
            self.page.screenshot(path=str(folder / f"{stem}-360.png"), full_page=True)
        self.page.set_viewport_size(DESKTOP)
        if overflow["doc"] > PHONE_WIDTH or overflow["body"] > PHONE_WIDTH:
            path = self.page.url.removeprefix(self.app.url).split("?")[0]
            culprit = overflow["culprits"][0] if overflow["culprits"] else ""
            if (path, culprit) in KNOWN_OVERFLOWS:
                with open(ARTIFACTS / "screenshots" / "known.txt", "a") as known:
                    known.write(f"{self.name}/{stem}: {culprit} overflows at {PHONE_WIDTH} px (known, handed over)\n")
            else:
                self.problems.append(f"{self.name}/{label} scrolls sideways at {PHONE_WIDTH} px: {overflow}")
        self.collect_problems(label)

    def check_accessible(self, stem: str) -> None:
        if not AXE_FILE.exists():
            pytest.fail(f"axe-core is missing ({AXE_FILE.relative_to(ROOT)}): it is part of the repository")
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(url=self.url(AXE_URL_PATH))
        results = self.page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations'],"
            " runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        )
        violations = results["violations"]
        folder = ARTIFACTS / "axe" / self.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}.json").write_text(json.dumps(violations, indent=1))
        blocking = []
        for violation in violations:
            if violation.get("impact") not in BLOCKING_IMPACTS:
                continue
            nodes = [n for n in violation["nodes"] if (violation["id"], n["target"][-1]) not in KNOWN_VIOLATIONS]
            if len(nodes) < len(violation["nodes"]):
                with open(ARTIFACTS / "axe" / "known.txt", "a") as known:
                    known.write(f"{self.name}/{stem}: {violation['id']} (known, handed over)\n")
            if nodes:
                blocking.append({**violation, "nodes": nodes})
        if blocking:
            self.problems.append(f"{self.name}/{stem} ({self.page.url}): axe found\n" + "\n".join(
            f"- [{v['impact']}] {v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:5]]}" for v in blocking
            ))

    def collect_problems(self, where: str) -> None:
        problems, self.console_problems[:] = list(self.console_problems), []
        errors = self.app.new_server_errors()
        if errors:
            self.problems.append(f"server errors during {self.name}/{where}:\n" + "\n".join(errors))
        if problems:
            self.problems.append(f"browser reported problems during {self.name}/{where}:\n" + "\n".join(problems))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def open_journey(browser, app: ServedApp, name: str, *, locale: str = "en-GB") -> Journey:
    context = browser.new_context(viewport=DESKTOP, locale=locale, accept_downloads=True)
    context.set_default_timeout(15_000)
    context.route(f"{app.url}{AXE_URL_PATH}", lambda route: route.fulfill(
        path=str(AXE_FILE), content_type="text/javascript"))
    page = context.new_page()
    journey = Journey(name=name, app=app, page=page)

    def on_console(message):
        text = message.text
        if message.type == "error" and ("Content Security Policy" in text or "Refused to" in text):
            journey.console_problems.append(f"CSP: {text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: journey.console_problems.append(f"script error: {error}"))
    app.new_server_errors()  # start from a clean log
    return journey
