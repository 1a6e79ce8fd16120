"""Importing the depositary's list of States Parties: all or nothing, every problem named."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from config.tabular import TableRejected
from entities.models import State, TreatyParty
from entities.services import treaty_parties_import
from tests.factories import StateFactory, TreatyFactory, TreatyPartyFactory

GOOD = (
    "iso_code,country,consent_to_be_bound,entry_into_force\n"
    "MX,,1998-06-09,1999-03-01\n"
    ",Uganda,1999-02-25,1999-08-01\n"
    "CHE,,1998-03-24,1999-03-01\n"
)


@pytest.fixture
def treaty(db):
    for code in ("MX", "UG", "CH"):
        StateFactory(code=code)
    return TreatyFactory()


def parties_import(treaty, content: str, **options):
    return treaty_parties_import(treaty=treaty, content=content.encode(), filename="parties.csv", **options)


def upload(content: str, name: str = "parties.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode(), content_type="text/csv")


def test_a_good_file_imports_every_row(treaty):
    result = parties_import(treaty, GOOD)
    assert result.created == 3
    uganda = TreatyParty.objects.get(treaty=treaty, state__code="UG")
    assert str(uganda.consent_to_be_bound) == "1999-02-25" and not uganda.is_demo


def test_one_bad_row_imports_nothing_and_names_row_and_column(treaty):
    bad = GOOD + "Atlantis,,2000-01-01,2000-07-01\nFR,,not-a-date,\nMX,,1998-06-09,1997-01-01\n"
    with pytest.raises(TableRejected) as rejected:
        parties_import(treaty, bad)
    problems = {(p.row, p.column) for p in rejected.value.problems}
    assert (5, "iso_code") in problems  # Atlantis
    assert (6, "consent_to_be_bound") in problems
    assert (7, "iso_code") in problems  # MX twice
    assert (7, "entry_into_force") in problems  # before consent
    assert not TreatyParty.objects.exists()


def test_a_header_without_a_country_column_is_refused(treaty):
    with pytest.raises(TableRejected) as rejected:
        parties_import(treaty, "name,consent_to_be_bound\nMexico,1998-06-09\n")
    assert rejected.value.problems[0].row == 1


def test_importing_twice_changes_nothing(treaty):
    parties_import(treaty, GOOD)
    rows = TreatyParty.history.count()
    result = parties_import(treaty, GOOD)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 3)
    assert TreatyParty.history.count() == rows


def test_real_rows_replace_demo_rows_and_remaining_demo_rows_can_be_removed(treaty):
    TreatyPartyFactory(treaty=treaty, state=State.objects.get(code="MX"), is_demo=True)
    TreatyPartyFactory(treaty=treaty, state=StateFactory(code="CO"), is_demo=True)
    result = parties_import(treaty, GOOD, remove_demo=True)
    assert result.demo_removed == 1
    assert not TreatyParty.objects.filter(is_demo=True).exists()
    assert TreatyParty.objects.filter(state__code="MX", is_demo=False).exists()


def test_a_party_outside_the_193_is_added_as_a_non_member_state(treaty):
    parties_import(treaty, "iso_code,consent_to_be_bound,entry_into_force\nCK,2006-03-15,2006-09-01\n")
    cook_islands = State.objects.get(code="CK")
    assert not cook_islands.is_un_member and cook_islands.region == "Oceania"


def test_staff_upload_page_lists_problems_and_saves_nothing(treaty, client_for):
    client = client_for("isu_staff")
    response = client.post(reverse("entities:treaty-party-import"), {
        "treaty": "APMBC", "file": upload(GOOD + "Narnia,,2000-01-01,\n"),
    })
    assert response.status_code == 400
    page = response.content.decode()
    assert "Nothing was imported" in page and "Narnia" in page
    assert not TreatyParty.objects.exists()


def test_staff_upload_imports_and_redirects_to_the_parties(treaty, client_for):
    response = client_for("isu_staff").post(reverse("entities:treaty-party-import"), {"treaty": "APMBC", "file": upload(GOOD)})
    assert response.status_code == 302
    assert "party_to=APMBC" in response["Location"]
    assert TreatyParty.objects.count() == 3


def test_upload_refuses_a_file_that_is_not_utf8_csv(treaty, client_for):
    response = client_for("isu_staff").post(reverse("entities:treaty-party-import"), {
        "treaty": "APMBC", "file": SimpleUploadedFile("parties.csv", "MX,é".encode("latin-1")),
    })
    assert response.status_code == 400
    assert "not saved as UTF-8" in response.content.decode()


def test_template_is_a_csv_download(db, client_for):
    response = client_for("isu_staff").get(reverse("entities:treaty-party-template"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("iso_code,country,consent_to_be_bound,entry_into_force")


def test_focal_points_cannot_upload(treaty, client_for):
    response = client_for("state_a").post(reverse("entities:treaty-party-import"), {"treaty": "APMBC", "file": upload(GOOD)})
    assert response.status_code == 403
    assert not TreatyParty.objects.exists()


def test_command_reports_problems_and_imports_nothing(treaty, tmp_path):
    path = tmp_path / "parties.csv"
    path.write_text(GOOD + "XX,,2000-01-01,\n", encoding="utf-8")
    stderr = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_states_parties", str(path), stderr=stderr)
    assert "row 5" in stderr.getvalue()
    assert not TreatyParty.objects.exists()
    path.write_text(GOOD, encoding="utf-8")
    stdout = io.StringIO()
    call_command("import_states_parties", str(path), stdout=stdout)
    assert "3 added" in stdout.getvalue()
