"""The States Parties import reads its files as every other import does (config.tabular):
the encodings and separators a spreadsheet writes, Excel workbooks, and a template with a BOM."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from config.tabular import TableRejected
from entities.models import TreatyParty
from entities.services import treaty_parties_import
from tests.factories import StateFactory, TreatyFactory


@pytest.fixture
def treaty(db):
    for code in ("MX", "UG", "CI"):
        StateFactory(code=code)
    return TreatyFactory()


def post(client, content: bytes, name: str = "parties.csv"):
    return client.post(reverse("entities:treaty-party-import"), {
        "treaty": "APMBC", "file": SimpleUploadedFile(name, content),
    })


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_a_windows_1252_file_is_refused_in_plain_words_naming_the_encoding(treaty, client_for):
    content = "iso_code,country,consent_to_be_bound\n,Côte d’Ivoire,2000-06-30\n".encode("cp1252")
    response = post(client_for("isu_staff"), content)
    assert response.status_code == 400
    page = response.content.decode()
    assert "UTF-8" in page and "CSV UTF-8" in page and "codec" not in page
    assert not TreatyParty.objects.exists()


def test_a_file_with_a_bom_and_semicolons_is_read(treaty, client_for):
    content = "\ufeffiso_code;country;consent_to_be_bound;entry_into_force\nMX;;1998-06-09;1999-03-01\n;Uganda;25/02/1999;\n"
    response = post(client_for("isu_staff"), content.encode("utf-8"))
    assert response.status_code == 302
    uganda = TreatyParty.objects.get(state__code="UG")
    assert uganda.consent_to_be_bound == datetime.date(1999, 2, 25) and uganda.entry_into_force is None
    assert TreatyParty.objects.get(state__code="MX").entry_into_force == datetime.date(1999, 3, 1)


def test_an_excel_workbook_is_read_with_its_date_cells(treaty, client_for):
    content = xlsx([
        ["iso_code", "country", "consent_to_be_bound", "entry_into_force"],
        ["MEX", None, datetime.date(1998, 6, 9), datetime.datetime(1999, 3, 1)],
        [None, "Uganda", "25 Feb 1999", None],
    ])
    response = post(client_for("isu_staff"), content, name="parties.xlsx")
    assert response.status_code == 302
    assert TreatyParty.objects.get(state__code="MX").consent_to_be_bound == datetime.date(1998, 6, 9)
    assert TreatyParty.objects.get(state__code="UG").consent_to_be_bound == datetime.date(1999, 2, 25)


def test_a_file_without_a_country_column_is_one_problem_naming_both_columns(treaty):
    content = b"consent_to_be_bound,entry_into_force\n1998-06-09,1999-03-01\n1999-02-25,\n"
    with pytest.raises(TableRejected) as rejected:
        treaty_parties_import(treaty=treaty, content=content, filename="parties.csv")
    [problem] = rejected.value.problems
    assert problem.row == 1 and "iso_code" in problem.message and "country" in problem.message


def test_a_cell_guarded_against_formulas_is_read_back(treaty):
    content = b"iso_code,country,consent_to_be_bound\n,'=Mexico,1998-06-09\n"
    with pytest.raises(TableRejected) as rejected:
        treaty_parties_import(treaty=treaty, content=content, filename="parties.csv")
    # The guard's quote is taken off: the cell is read as the text staff typed.
    assert "“=Mexico”" in rejected.value.problems[0].message


def test_the_template_download_starts_with_a_byte_order_mark(db, client_for):
    response = client_for("isu_staff").get(reverse("entities:treaty-party-template"))
    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    assert response["Content-Disposition"].endswith('filename="states-parties-template.csv"')
