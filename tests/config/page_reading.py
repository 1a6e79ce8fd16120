"""Reads a rendered page as a person and a screen reader meet it: its title, the words shown
(outside scripts, styles and passages marked `lang="en"`), the ids present, and the inputs with
their `aria-describedby` / `aria-invalid`. Standard library only (html.parser)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
NOT_SHOWN = {"script", "style", "template", "title", "head"}
SPOKEN_ATTRIBUTES = ("aria-label", "placeholder", "alt")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    group: Element | None = None  # the fieldset around it: a radio or checkbox group is described there


@dataclass
class Page:
    title: str = ""
    shown: list[str] = field(default_factory=list)  # text runs a reader sees, not marked as English
    ids: dict[str, Element] = field(default_factory=dict)
    described: list[Element] = field(default_factory=list)  # elements with aria-describedby
    invalid: list[Element] = field(default_factory=list)  # elements with aria-invalid="true"
    alerts: list[Element] = field(default_factory=list)  # role="alert"
    links: list[Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.shown).split())


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[tuple[str, bool, bool, Element]] = []  # tag, hidden, english, element

    def _hidden(self) -> bool:
        return bool(self._stack) and self._stack[-1][1]

    def _english(self) -> bool:
        return bool(self._stack) and self._stack[-1][2]

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        element = Element(tag, a, group=next((e for t, _h, _e, e in reversed(self._stack) if t == "fieldset"), None))
        hidden = self._hidden() or tag in NOT_SHOWN
        english = self._english() if "lang" not in a or tag == "html" else a["lang"].split("-")[0] == "en"
        if a.get("id"):
            self.page.ids[a["id"]] = element
        if a.get("aria-describedby"):
            self.page.described.append(element)
        if a.get("aria-invalid") == "true":
            self.page.invalid.append(element)
        if a.get("role") == "alert":
            self.page.alerts.append(element)
        if tag == "a":
            self.page.links.append(element)
        if not hidden and not english:
            self.page.shown.extend(a[name] for name in SPOKEN_ATTRIBUTES if a.get(name))
            if tag == "input" and a.get("type") in ("submit", "button") and a.get("value"):
                self.page.shown.append(a["value"])
        if tag not in VOID:
            self._stack.append((tag, hidden, english, element))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self._stack and self._stack[-1][0] == tag:
            self._stack.pop()

    def handle_endtag(self, tag):
        for depth in range(len(self._stack) - 1, -1, -1):
            if self._stack[depth][0] == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data):
        for _tag, _hidden, _english, element in self._stack:
            element.text += data
        if self._stack and self._stack[-1][0] == "title":
            self.page.title += data
        elif not self._hidden() and not self._english() and data.strip():
            self.page.shown.append(data)


def read_page(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
