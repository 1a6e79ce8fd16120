"""Forms announce their errors (WCAG 3.3.1, 4.1.2): after a failed submit the form opens with an
error summary (role="alert", "There is a problem", a link to each field in error), the page
title starts with "Error:", and each field in error is marked invalid and described by its
message. On every page, each `aria-describedby` points at text that is there (help text and
errors), so a screen reader never reads a dangling reference.

Pages and forms come from the permission matrix (tests/<app>/routes.py): each GET page that
answers 200, as each role that may see it; each of its POST forms is sent with every field
emptied, the way a hurried person submits it."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from django.urls import reverse
from django.utils import translation

from tests.permissions.test_matrix import ALL_ROUTES
from tests.sweep.html_forms import forms_of

from .page_reading import Page, read_page

# Reads pages only (no database-specific query): run on SQLite, left out of the PostgreSQL pass.
pytestmark = [pytest.mark.django_db, pytest.mark.route_walk]

ROLES = ("isu_staff", "state_a", "entity_fp", "anonymous")
# The page frame's forms (language switch, sign-out) are not data entry.
NOT_DATA_ENTRY = ("/i18n/", "/accounts/logout/")
PAGE_ROUTES = [route for route in ALL_ROUTES if route.method == "get"]
EMPTIED = {"text", "textarea", "email", "url", "number", "date", "datetime-local", "time", "password", "search", "tel"}


def _pages(route, world, client_for):
    """(role, url, response) for each role that may open the page as HTML."""
    url = reverse(route.name, kwargs=route.args(world) if route.args else None)
    for role in ROLES:
        if route.expected.get(role) != 200:
            continue
        client = client_for(role)
        response = client.get(url)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            yield role, client, url, response


def dangling_descriptions(page: Page) -> list[str]:
    problems = []
    for element in page.described:
        for target in element.attrs["aria-describedby"].split():
            described_by = page.ids.get(target)
            if described_by is None or not described_by.text.strip():
                problems.append(f'<{element.tag} name="{element.attrs.get("name", "")}"> points to #{target}, '
                                f"which {'is empty' if described_by is not None else 'is not on the page'}")
    return problems


def unannounced_errors(page: Page, html: str) -> list[str]:
    """What a failed submit lacks for a person who cannot see the red text."""
    problems = []
    summaries = [a for a in page.alerts if "data-error-summary" in a.attrs]
    if not summaries:
        return ["no error summary (role=alert) at the top of the form"]
    summary = summaries[0]
    if translation.gettext("There is a problem") not in summary.text:
        problems.append("the summary has no heading saying there is a problem")
    if not page.title.strip().startswith(translation.gettext("Error:")):
        problems.append(f"the title does not start with “Error:” ({page.title.strip()!r})")
    for element in page.invalid:
        owner = element if element.attrs.get("aria-describedby") or element.group is None else element.group
        described = (owner.attrs.get("aria-describedby") or "").split()
        if not any(target.endswith("_error") and target in page.ids for target in described):
            problems.append(f'<{element.tag} name="{element.attrs.get("name", "")}"> is invalid but not described by its error')
        elif not any(f'href="#{other.attrs.get("id")}"' in html for other in _same_field(element, page)):
            problems.append(f'the summary has no link to the field “{element.attrs.get("name", "")}”')
    for link in page.links:
        href = link.attrs.get("href", "")
        if link in _links_of(summary, page) and href.startswith("#") and href[1:] not in page.ids:
            problems.append(f"the summary links to {href}, which is not on the page")
    return problems


def _same_field(element, page: Page) -> list:
    """The inputs of one field: the element, or every button of its radio or checkbox group."""
    if element.group is None or element.attrs.get("aria-describedby"):
        return [element]
    return [other for other in page.invalid if other.group is element.group and other.attrs.get("id")]


def _links_of(summary, page: Page) -> list:
    return [link for link in page.links if link.text and link.text in summary.text]


@pytest.mark.parametrize("route", PAGE_ROUTES, ids=lambda r: r.id)
def test_every_description_a_field_points_to_is_on_the_page(route, world, client_for):
    problems = []
    for role, _client, url, response in _pages(route, world, client_for):
        page = read_page(response.content.decode())
        problems += [f"{role} {url}: {p}" for p in dangling_descriptions(page)]
        if any("data-error-summary" in a.attrs for a in page.alerts):
            problems.append(f"{role} {url}: the page shows an error summary before anything was sent")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", PAGE_ROUTES, ids=lambda r: r.id)
def test_a_failed_submit_is_announced_and_each_error_tied_to_its_field(route, world, client_for):
    problems, seen, judged = [], set(), 0
    for role, client, url, response in _pages(route, world, client_for):
        for form in forms_of(response.content.decode(), url):
            action = urljoin(url, form.action)
            if form.method != "post" or action.startswith(NOT_DATA_ENTRY) or form.signature in seen:
                continue
            seen.add(form.signature)
            data = form.baseline()
            for field in form.typed_fields():
                if field.kind in EMPTIED or field.kind == "select":
                    data[field.name] = [""]
            answer = client.post(action, data)
            html = answer.content.decode()
            if answer.status_code not in (200, 400) or "text/html" not in answer.get("Content-Type", ""):
                continue  # saved (redirect) or refused outright: nothing to announce on this page
            page = read_page(html)
            if not page.invalid and 'class="error' not in html:
                continue
            judged += 1
            problems += [f"{role} POST {action}: {p}" for p in unannounced_errors(page, html)]
            problems += [f"{role} POST {action}: {p}" for p in dangling_descriptions(page)]
    assert not problems, f"{len(problems)} problem(s) in {judged} failed form(s):\n" + "\n".join(problems[:30])


@pytest.mark.parametrize(("language", "heading", "prefix"), [
    ("en", "There is a problem", "Error:"),
    ("fr", "Il y a un problème", "Erreur :"),
    ("es", "Hay un problema", "Error:"),
])
def test_a_refused_sign_in_says_so_in_the_readers_language(client, language, heading, prefix):
    client.cookies["django_language"] = language
    response = client.post(reverse("login"), {"username": "nobody", "password": ""})
    page = read_page(response.content.decode())
    summary = next(a for a in page.alerts if "data-error-summary" in a.attrs)
    assert heading in summary.text
    assert page.title.strip().startswith(prefix)
    password = page.ids["id_password"]
    assert password.attrs["aria-invalid"] == "true"
    assert 'href="#id_password"' in response.content.decode()
    assert "id_password_error" in password.attrs["aria-describedby"].split()


def test_the_summary_lists_each_row_of_a_formset_apart():
    from django import forms

    from entities.templatetags.form_errors import summary_lines

    class Row(forms.Form):
        name = forms.CharField(label="Name")

    rows = forms.formset_factory(Row, extra=0)(
        {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "form-0-name": "Ana", "form-1-name": ""},
    )
    with translation.override("en"):
        lines = summary_lines(rows)
    assert [(line.label, line.anchor) for line in lines] == [("Row 2 — Name", "id_form-1-name")]
