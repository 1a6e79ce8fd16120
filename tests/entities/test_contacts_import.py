"""Contacts come in by the hundred: CSV or XLSX, the same columns in and out, every row checked
before anything is written, a preview, all or nothing; also `manage.py import_contacts`."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from entities.models import FocalPoint
from letters.selectors import address_problems
from tests.factories import (
    EntityFactory,
    FocalPointFactory,
    StateFactory,
    TreatyFactory,
    TreatyPartyFactory,
)

pytestmark = pytest.mark.django_db

HEADER = "state,entity,name,title,email,phone,language,receives_letters,active"


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def csv_file(*lines: str, name: str = "contacts.csv", encoding: str = "utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ("\n".join([HEADER, *lines]) + "\n").encode(encoding), content_type="text/csv")


def upload(client, file):
    return client.post(reverse("entities:contact-import"), {"file": file})


def confirm(client, preview):
    token = re.search(r'name="token" value="([^"]+)"', preview.content.decode()).group(1)
    return client.post(reverse("entities:contact-import-confirm"), {"token": token}, follow=True)


@pytest.fixture
def registry(db):
    return {code: StateFactory(code=code) for code in ("MX", "UG", "CO", "NL")} | {
        "UNODA": EntityFactory(acronym="UNODA", name="United Nations Office for Disarmament Affairs"),
    }


@pytest.fixture
def existing(registry):
    return {
        # Colombia and the Netherlands: the role fixtures' contacts are in Mexico and Uganda.
        "ana": FocalPointFactory(state=registry["CO"], name="Ana Pérez", email="ana@sre.example.mx", language="es"),
        "old": FocalPointFactory(state=registry["CO"], name="Old Contact", email="old@sre.example.mx"),
        "nl": FocalPointFactory(state=registry["NL"], name="Not In File", email="nl@example.nl"),
    }


def test_preview_shows_what_will_be_created_changed_and_deactivated_then_confirm_applies_it(staff_client, existing):
    preview = upload(staff_client, csv_file(
        "CO,,Ana Pérez,Minister,ana@sre.example.mx,,es,yes,yes",
        "co,,Luis Gómez,,luis@sre.example.mx,+52 1,es,no,",
        ",unoda,Una Oda,,una@example.org,,fr,yes,yes",
    ))
    assert preview.status_code == 200
    page = text(preview)
    assert "2 to create" in page and "1 to change" in page and "1 to deactivate" in page
    assert "Luis Gómez" in page and "Old Contact" in page and "Minister" in page
    assert "Not In File" not in page  # Uganda is not in the file: its contacts are left alone
    assert "Spanish" in page and "CO" not in re.sub(r"<[^>]+>", "", page.split("What the import will do")[1].split("</section>")[0])
    assert FocalPoint.objects.filter(name="Luis Gómez").count() == 0  # nothing written before confirming

    done = confirm(staff_client, preview)
    assert "Contacts imported: 2 created, 1 changed, 1 deactivated, 0 unchanged." in text(done)
    luis = FocalPoint.objects.get(name="Luis Gómez")
    assert (luis.state.code, luis.receives_letters, luis.is_active, luis.language) == ("CO", False, True, "es")
    assert FocalPoint.objects.get(name="Ana Pérez").title == "Minister"
    assert not FocalPoint.objects.get(name="Old Contact").is_active
    assert FocalPoint.objects.get(name="Not In File").is_active
    assert FocalPoint.objects.get(name="Una Oda").entity.acronym == "UNODA"
    assert FocalPoint.objects.get(name="Old Contact").history.count() == 2  # deactivated, not deleted


def test_a_row_matches_by_email_first_then_by_name(staff_client, existing):
    preview = upload(staff_client, csv_file(
        "CO,,Ana P. Renamed,,ana@sre.example.mx,,,,",
        "CO,,old contact,,new-address@sre.example.mx,,,,",
    ))
    assert "0 to create" in text(preview) and "2 to change" in text(preview)
    confirm(staff_client, preview)
    assert FocalPoint.objects.get(pk=existing["ana"].pk).name == "Ana P. Renamed"
    assert FocalPoint.objects.get(pk=existing["old"].pk).email == "new-address@sre.example.mx"
    assert FocalPoint.objects.get(pk=existing["ana"].pk).language == "es"  # an empty cell keeps the value


def test_every_problem_is_listed_with_its_row_and_column_and_nothing_is_written(staff_client, existing):
    response = upload(staff_client, csv_file(
        "ZZ,,Nobody,,nobody@example.org,,en,yes,yes",
        "MX,UNMAS,Both,,both@example.org,,en,yes,yes",
        ",,Neither,,neither@example.org,,en,yes,yes",
        "MX,,Bad Mail,,not-an-address,,en,yes,yes",
        "MX,,Bad Language,,lang@example.org,,de,yes,yes",
        "MX,,Bad Flag,,flag@example.org,,en,perhaps,yes",
        "MX,,Twice,,twice@example.org,,en,yes,yes",
        "MX,,Twice Again,,TWICE@example.org,,en,yes,yes",
        "MX,,<b>Same Name</b>,,one@example.org,,en,yes,yes",
        "MX,,<b>same  name</b>,,two@example.org,,en,yes,yes",
        ",,,,,,,,",
        "MX,,,,,,,,",
    ))
    assert response.status_code == 400
    page = text(response)
    for row, column in [(2, "state"), (3, "entity"), (4, "state"), (5, "email"), (6, "language"), (7, "receives_letters"),
                        (9, "email"), (11, "name"), (13, "name")]:
        assert f"Row {row}, column {column}:" in page, (row, column)
    assert "“ZZ” is not the ISO code of a State" in page and "same e-mail address" in page and "same name" in page
    assert "<b>Same Name</b>" not in page  # shown escaped, never interpreted
    assert "Nothing was saved" in page
    assert FocalPoint.objects.filter(user__isnull=True).count() == 3 and FocalPoint.objects.get(name="Old Contact").is_active


def test_wrong_encoding_and_over_the_row_limit_are_refused(staff_client, registry, monkeypatch):
    response = upload(staff_client, csv_file("MX,,José Niño,,jose@example.mx,,es,yes,yes", encoding="latin-1"))
    assert response.status_code == 400 and "UTF-8" in text(response)
    monkeypatch.setattr("entities.services.contact_files.CONTACTS_MAX_ROWS", 2)
    response = upload(staff_client, csv_file(*[f"MX,,Person {n},,p{n}@example.mx,,en,yes,yes" for n in range(3)]))
    assert response.status_code == 400 and "more than 2 rows" in text(response)
    assert not FocalPoint.objects.filter(user__isnull=True).exists()


def test_a_former_entity_acronym_names_what_it_became(staff_client, registry):
    dpo = EntityFactory(acronym="DPO")
    EntityFactory(acronym="DPKO", successor=dpo)
    response = upload(staff_client, csv_file(",DPKO,Someone,,someone@un.example.org,,en,yes,yes"))
    assert response.status_code == 400 and "DPKO became DPO: write DPO." in text(response)


def test_a_file_with_semicolons_and_a_bom_is_read(staff_client, registry):
    content = ("\ufeff" + HEADER.replace(",", ";") + "\nNL;;Jan de Vries;;jan@example.nl;;fr;oui;oui\n").encode()
    preview = upload(staff_client, SimpleUploadedFile("contacts.csv", content))
    assert "1 to create" in text(preview)


def test_xlsx_import_and_export_have_the_same_columns(staff_client, existing):
    export = staff_client.get(reverse("entities:contact-export", args=["xlsx"]), {"state": "CO"})
    assert export.status_code == 200 and export["Content-Disposition"].endswith('contacts.xlsx"')
    sheet = load_workbook(io.BytesIO(export.content)).worksheets[0]
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER.split(",")
    assert ["CO", "", "Ana Pérez", "", "ana@sre.example.mx", "", "es", "yes", "yes"] in rows
    assert all(row[0] == "CO" for row in rows[1:])
    # Exported, then imported unchanged: nothing to do.
    preview = upload(staff_client, SimpleUploadedFile("contacts.xlsx", export.content))
    assert "The file changes nothing" in text(preview)

    book = Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(["UG", None, "Ben Okello", "Director", "ben@mofa.example.ug", 256414000000, "en", True, None])
    buffer = io.BytesIO()
    book.save(buffer)
    preview = upload(staff_client, SimpleUploadedFile("uganda.xlsx", buffer.getvalue()))
    assert "1 to create" in text(preview) and "1 to deactivate" in text(preview)
    confirm(staff_client, preview)
    assert FocalPoint.objects.get(name="Ben Okello").phone == "256414000000"


def test_csv_export_reads_back_and_guards_against_formulas(staff_client, registry):
    FocalPointFactory(state=registry["NL"], name="=HYPERLINK(\"x\")", email="f@example.nl")
    export = staff_client.get(reverse("entities:contact-export", args=["csv"]))
    body = export.content.decode("utf-8-sig")
    assert body.splitlines()[0] == HEADER and "'=HYPERLINK" in body
    preview = upload(staff_client, SimpleUploadedFile("contacts.csv", export.content))
    assert "The file changes nothing" in text(preview)


def test_the_template_downloads_with_the_columns(staff_client):
    response = staff_client.get(reverse("entities:contact-template", args=["csv"]))
    assert response.content.decode("utf-8-sig").strip() == HEADER
    assert staff_client.get(reverse("entities:contact-template", args=["pdf"])).status_code == 404


def test_an_import_is_confirmed_once(staff_client, registry):
    preview = upload(staff_client, csv_file("NL,,Jan de Vries,,jan@example.nl,,en,yes,yes"))
    confirm(staff_client, preview)
    again = confirm(staff_client, preview)
    assert "expired or was already done" in text(again)
    assert FocalPoint.objects.filter(name="Jan de Vries").count() == 1


def test_import_command_dry_run_writes_nothing_then_imports(registry, existing, tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + "\nCO,,Luis Gómez,,luis@sre.example.mx,,es,yes,yes\nCO,,Ana Pérez,,ana@sre.example.mx,,es,yes,yes\n")
    call_command("import_contacts", str(path), "--dry-run")
    out = capsys.readouterr().out
    assert "1 to create, 0 to change, 1 to deactivate, 1 unchanged" in out and "Luis Gómez" in out
    assert not FocalPoint.objects.filter(name="Luis Gómez").exists()
    call_command("import_contacts", str(path))
    assert "1 created, 0 changed, 1 deactivated, 1 unchanged" in capsys.readouterr().out
    assert FocalPoint.objects.filter(name="Luis Gómez").exists()


def test_import_command_lists_problems_and_writes_nothing(registry, tmp_path, capsys):
    path = tmp_path / "contacts.csv"
    path.write_text(HEADER + "\nXX,,Nobody,,nobody,,en,yes,yes\n")
    with pytest.raises(CommandError, match="2 problem"):
        call_command("import_contacts", str(path))
    err = capsys.readouterr().err
    assert "Row 2, column state" in err and "Row 2, column email" in err
    assert not FocalPoint.objects.exists()


def test_importing_contacts_gives_every_state_party_an_address(staff_client, registry):
    treaty = TreatyFactory()
    for code in ("MX", "UG", "CO", "NL"):
        TreatyPartyFactory(treaty=treaty, state=registry[code])
    assert {p.state.code for p in address_problems()} >= {"CO", "NL"}
    preview = upload(staff_client, csv_file(*[f"{code},,Focal point {code},,focal@{code.lower()}.example.org,,en,yes,yes" for code in ("MX", "UG", "CO", "NL")]))
    confirm(staff_client, preview)
    assert address_problems() == []
    assert "Every State Party has a usable focal-point address." in text(staff_client.get(reverse("entities:contact-worklist")))
