"""No page shows an internal code: every history page, outbox row, letter page, analytics
header and the other main pages, read as ISU staff over the real seed and the demo data, show
words (labels in the reader's language), never a snake_case code, a stored choice value, a
letter key or purpose, or the file name of a source document."""

from __future__ import annotations

import datetime as dt
import io
import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from entities.models import Entity, State

HIDDEN = {"script", "style", "template", "title", "head", "select"}
SNAKE_CASE = re.compile(r"(?<![\w@./:-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w@-])")
FILE_NAME = re.compile(r"\b[\w-]+\.txt\b")


class _VisibleText(HTMLParser):
    """The words a person sees: text outside scripts, styles and closed pickers, plus the
    labels screen readers speak."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        for name, value in attrs:
            if name in {"aria-label", "title", "placeholder", "alt"} and value and not self.hidden:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    reader = _VisibleText()
    reader.feed(html)
    return " ".join(" ".join(reader.parts).split())


def project_models():
    return [m for m in apps.get_models() if m.__module__.split(".")[0] in {"entities", "taskforce", "recommendations", "partnerships", "letters"}]


def stored_codes() -> set[str]:
    """Every choice value of the project's models that a person would read as a code."""
    codes = set()
    for model in project_models():
        for field in model._meta.fields:
            for value, _label in field.flatchoices or ():
                if isinstance(value, str) and ("_" in value or "-" in value):
                    codes.add(value)
    return codes


def codes_in(text: str, codes: set[str]) -> set[str]:
    found = set(SNAKE_CASE.findall(text)) | set(FILE_NAME.findall(text))
    for code in codes:
        if re.search(rf"(?<![\w/.-]){re.escape(code)}(?![\w-])", text):
            found.add(code)
    return found


@pytest.fixture
def data(db, isu_staff):
    """The real seed and the demo, with a little history: a status change by staff, a
    confirmed entry, a renamed entity, and letters of each kind in the outbox."""
    from entities.access import actor_for
    from letters.services.outbox import message_enqueue
    from partnerships.models import Entry
    from partnerships.services import entry_confirm
    from recommendations.models import SuggestedAction
    from recommendations.services import status_update_post

    call_command("load_seed_data", stdout=io.StringIO())
    call_command("load_demo_data", stdout=io.StringIO())
    action = SuggestedAction.objects.filter(status="not_started").first()
    status_update_post(action=action, actor=actor_for(isu_staff), user=isu_staff, status="in_progress", date=dt.date.today(), note="Work started.")
    entry = Entry.objects.filter(state__code="UG").first()
    entry_confirm(actor=actor_for(isu_staff), user=isu_staff, entry=entry)
    dpo = Entity.objects.get(acronym="DPO")
    dpo._history_user = isu_staff
    dpo.website = "https://peacekeeping.un.org"
    dpo.save()
    uganda = State.objects.get(code="UG")
    for key, purpose, period, stage in (
        ("apmbc-article-7:UG:2025:reminder-60", "apmbc-article-7", 2025, "reminder-60"),
        ("apmbc-article-7:UG:2025:overdue", "apmbc-article-7", 2025, "overdue"),
        ("partnerships-match:1:UG", "partnerships-match", None, ""),
        ("platform-call:UG:2026:campaign-1", "platform-call", 2026, "campaign-1"),
    ):
        message_enqueue(key=key, purpose=purpose, recipients=["focal.point@example.org"], subject="Letter", body="Text.",
                        state=uganda, period=period, stage=stage)
    return {"action": action, "entry": entry, "dpo": dpo}


@pytest.fixture
def staff_client(data, isu_staff):
    """ISU staff signed in after the demo loader set up its own logins."""
    from rest_framework.test import APIClient

    from tests.conftest import sign_in

    isu_staff.refresh_from_db()
    return sign_in(APIClient(), isu_staff)


def history_urls() -> list[str]:
    urls = []
    for model in project_models():
        if getattr(model, "history", None) is None or not hasattr(model.history, "model"):
            continue
        record = model.history.model.objects.order_by("-history_date").values_list(model._meta.pk.attname, flat=True).first()
        if record is not None:
            urls.append(reverse("entities:history", kwargs={
                "app_label": model._meta.app_label, "model": model._meta.model_name, "pk": record,
            }))
    return urls


def main_urls(data) -> list[str]:
    from letters.models import Letter
    from taskforce.models import Meeting

    names = [
        "entities:index", "entities:entity-list", "recommendations:index", "recommendations:dashboard",
        "taskforce:index", "taskforce:meeting-list", "taskforce:action-item-list", "taskforce:coordination-map",
        "taskforce:survey-list", "taskforce:capability-list", "taskforce:glossary",
        "partnerships:index", "partnerships:dashboard", "partnerships:match-list", "partnerships:project-list",
        "partnerships:challenge-list", "letters:index", "letters:outbox", "letters:analytics", "letters:campaign-list",
        "letters:stages", "letters:compliance",
    ]
    urls = [reverse(name) for name in names]
    urls += [
        reverse("entities:entity-detail", args=["DPO"]),
        reverse("recommendations:detail", args=[data["action"].recommendation_id]),
        reverse("taskforce:mechanism-detail", args=["casa"]),
        reverse("taskforce:mechanism-detail", args=["ied-task-force"]),
        reverse("taskforce:entity-involvement", args=[data["dpo"].pk]),
        reverse("partnerships:entry-detail", args=[data["entry"].pk]),
    ]
    urls += [reverse("taskforce:meeting-detail", args=[pk]) for pk in Meeting.objects.values_list("pk", flat=True)[:5]]
    urls += [letter.get_absolute_url() for letter in Letter.objects.all()]
    return urls


def letter_codes() -> set[str]:
    """The outbox's keys, purposes and stages ("apmbc-article-7:UG:2025:reminder-60")."""
    from letters.models import Letter

    values = set()
    for row in Letter.objects.values_list("key", "purpose", "stage"):
        values |= {value for value in row if "-" in value or "_" in value or ":" in value}
    return values


def test_the_check_finds_codes():
    assert codes_in("Status: not_started → in_progress; version: 1 → 2", set()) == {"not_started", "in_progress"}
    assert codes_in("Source: casa-2009-project-proposal.txt", set()) == {"casa-2009-project-proposal.txt"}
    assert codes_in("About: partnerships-match", {"partnerships-match"}) == {"partnerships-match"}


def test_no_page_shows_an_internal_code(data, staff_client):
    codes = stored_codes() | letter_codes()
    offenders = {}
    for url in [*history_urls(), *main_urls(data)]:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        found = codes_in(visible_text(response.content.decode()), codes)
        if found:
            offenders[url] = sorted(found)
    assert not offenders, offenders


def test_a_status_change_reads_in_words_in_the_history(data, staff_client):
    action = data["action"]
    url = reverse("entities:history", kwargs={"app_label": "recommendations", "model": "suggestedaction", "pk": action.pk})
    text = visible_text(staff_client.get(url).content.decode())
    assert re.search(r"Status\s*:\s*Not started → In progress", text), text
    assert "version" not in text.lower()


def test_a_confirmation_is_one_history_row_that_says_so(data, staff_client):
    entry = data["entry"]
    url = reverse("entities:history", kwargs={"app_label": "partnerships", "model": "entry", "pk": entry.pk})
    text = visible_text(staff_client.get(url).content.decode())
    assert text.count("Confirmed as current") == 1
    assert entry.history.count() == 2  # created, confirmed


def test_letters_carry_a_human_reference(data, staff_client):
    from letters.models import Letter

    letter = Letter.objects.get(key="apmbc-article-7:UG:2025:reminder-60")
    assert letter.reference == "APMBC/Art.7/2025/UG/R60"
    assert "APMBC/Art.7/2025/UG/R60" in visible_text(staff_client.get(reverse("letters:outbox")).content.decode())
    assert "APMBC/Art.7/2025/UG/R60" in visible_text(staff_client.get(letter.get_absolute_url()).content.decode())


def test_sources_are_named_by_title_and_casa_objectives_are_numbered_once(data, staff_client):
    text = visible_text(staff_client.get(reverse("taskforce:mechanism-detail", args=["casa"])).content.decode())
    assert "casa-2009-project-proposal" not in text
    assert "Project: The UN Coordinating Action on Small Arms (CASA mechanism), 2009" in text
    assert "1 1 To effectively" not in text


def test_matches_by_status_shows_zeros(data, staff_client):
    html = staff_client.get(reverse("partnerships:dashboard")).content.decode()
    start = html.index("Matches by status")
    table = html[start: html.index("</table>", start)]
    assert "<td></td>" not in table and "<td>0</td>" in table
