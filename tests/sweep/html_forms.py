"""Reads the forms of a rendered page, as a browser would submit them."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Field:
    name: str
    kind: str  # text, textarea, select, checkbox, radio, hidden, file, number, date, email, url...
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False
    multiple: bool = False


@dataclass
class Form:
    action: str
    method: str
    fields: list[Field] = field(default_factory=list)
    enctype: str = ""

    @property
    def signature(self) -> tuple:
        return (self.method, self.action.split("?")[0], tuple(sorted(f.name for f in self.fields)))

    def baseline(self) -> dict[str, list[str]]:
        """What the browser would send as the page stands (the first option of a select)."""
        data: dict[str, list[str]] = {}
        for f in self.fields:
            if f.kind in {"submit", "button", "reset", "image", "file"}:
                continue
            if f.kind in {"checkbox", "radio"}:
                if f.checked:
                    data.setdefault(f.name, []).append(f.value or "on")
                continue
            if f.kind == "select":
                chosen = f.value if f.value else next((o for o in f.options if o), "")
                data.setdefault(f.name, []).append(chosen)
                continue
            data.setdefault(f.name, []).append(f.value)
        return data

    def typed_fields(self) -> list[Field]:
        """Fields a person can type into or choose from: the ones the sweep attacks."""
        return [f for f in self.fields if f.kind not in {"submit", "button", "reset", "image", "hidden", "file"}
                and f.name != "csrfmiddlewaretoken"]

    def file_fields(self) -> list[Field]:
        return [f for f in self.fields if f.kind == "file"]


class _FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._textarea: Field | None = None
        self._select: Field | None = None
        self._option_value: str | None = None
        self._option_selected = False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action") or self.page_url, method=(a.get("method") or "get").lower(),
                              enctype=a.get("enctype", ""))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            self._form.fields.append(Field(a["name"], a.get("type", "text").lower(), a.get("value", ""),
                                           checked="checked" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea = Field(a["name"], "textarea")
            self._form.fields.append(self._textarea)
        elif tag == "select" and a.get("name"):
            self._select = Field(a["name"], "select", multiple="multiple" in a)
            self._form.fields.append(self._select)
        elif tag == "option" and self._select is not None:
            self._option_value = a.get("value")
            self._option_selected = "selected" in a
            self._option_text = ""
        elif tag == "button" and a.get("name"):
            self._form.fields.append(Field(a["name"], "submit", a.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea.value += data
        if self._option_value is None and self._select is not None and hasattr(self, "_option_text"):
            self._option_text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "option" and self._select is not None:
            value = self._option_value if self._option_value is not None else getattr(self, "_option_text", "").strip()
            self._select.options.append(value)
            if self._option_selected and not self._select.value:
                self._select.value = value
            self._option_value = None


def forms_of(html: str, page_url: str) -> list[Form]:
    parser = _FormParser(page_url)
    parser.feed(html)
    return parser.forms
