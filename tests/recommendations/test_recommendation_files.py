"""Import and export of recommendations and actions (CSV and XLSX) by ISU staff."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from recommendations.models import Recommendation, StatusUpdate, SuggestedAction
from recommendations.services import RECOMMENDATION_COLUMNS as COLUMNS

IMPORT = reverse("recommendations:import")
EXPORT = reverse("recommendations:export")


def _csv(rows) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerows(rows)
    return SimpleUploadedFile("actions.csv", buffer.getvalue().encode(), content_type="text/csv")


def _xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("actions.xlsx", buffer.getvalue())


NEW_ROW = [
    "S/2011/255, recommendation 6", "Peacekeeping", "Increase compliance by non-State armed groups.",
    "security-council", "May encourage dissemination of module 04.20.", "UNMAS", "IATG 04.20", "in_progress",
]


def test_staff_import_a_csv_and_status_changes_enter_the_history(annex, staff_client):
    response = staff_client.post(IMPORT, {"file": _csv([NEW_ROW])})
    assert response.status_code == 302
    recommendation = Recommendation.objects.get(references__report__symbol="S/2011/255")
    action = recommendation.actions.get()
    assert action.status == "in_progress"
    assert list(action.implementing_entities.values_list("acronym", flat=True)) == ["UNMAS"]
    assert list(action.tags.values_list("code", flat=True)) == ["IATG 04.20"]
    assert StatusUpdate.objects.get(action=action).author.username == "isu"
    assert Recommendation.objects.get(pk=recommendation.pk).status == "in_progress"


def test_staff_import_an_xlsx_adding_an_action_to_an_existing_recommendation(annex, staff_client):
    row = [
        "S/2015/289, recommendation 8; S/2013/503, recommendation 3", "Weapons and ammunition management",
        annex["first"].text, "un-system", "UNIDIR could study marking technologies.", "UNIDIR", "", "",
    ]
    assert staff_client.post(IMPORT, {"file": _xlsx([row])}).status_code == 302
    assert annex["first"].actions.count() == 3
    assert Recommendation.objects.count() == 2


def test_a_file_with_a_bad_row_imports_nothing_and_lists_each_bad_row(annex, staff_client):
    bad_reference = ["S/2011/255 recommendation six", *NEW_ROW[1:]]
    bad_entity = [*NEW_ROW[:5], "NOT-AN-ENTITY", "", ""]
    bad_status = [*NEW_ROW[:7], "finished"]
    before = (Recommendation.objects.count(), SuggestedAction.objects.count())
    response = staff_client.post(IMPORT, {"file": _csv([NEW_ROW, bad_reference, bad_entity, bad_status])})
    assert response.status_code == 200
    errors = response.context["errors"]
    assert [error.row for error in errors] == [3, 4, 5]
    assert "references" in errors[0].message
    assert "NOT-AN-ENTITY" in errors[1].message
    assert "status" in errors[2].message
    assert (Recommendation.objects.count(), SuggestedAction.objects.count()) == before


def test_a_file_without_the_required_columns_is_refused(annex, staff_client):
    upload = SimpleUploadedFile("x.csv", b"foo,bar\n1,2\n", content_type="text/csv")
    response = staff_client.post(IMPORT, {"file": upload})
    assert "Missing columns" in response.content.decode()


def test_export_of_a_filtered_list_as_csv_and_xlsx_can_be_imported_back(annex, staff_client):
    exported = staff_client.get(EXPORT, {"cluster": "weapons-and-ammunition-management"})
    assert exported["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    assert len(rows) == 3  # the two actions of the one recommendation in that cluster
    assert rows[1][3] == "security-council" and rows[1][5] == "UNMAS"
    workbook = staff_client.get(EXPORT, {"as": "xlsx"})
    sheet = load_workbook(io.BytesIO(workbook.content)).worksheets[0]
    assert sheet.max_row == 4
    again = staff_client.post(IMPORT, {"file": SimpleUploadedFile("back.csv", exported.content, content_type="text/csv")})
    assert again.status_code == 302
    assert SuggestedAction.objects.count() == 3


def test_the_template_has_the_documented_columns(db, staff_client):
    response = staff_client.get(reverse("recommendations:import-template"))
    assert response.content.decode("utf-8-sig").strip() == ",".join(COLUMNS)
    xlsx = staff_client.get(reverse("recommendations:import-template"), {"as": "xlsx"})
    assert [c.value for c in load_workbook(io.BytesIO(xlsx.content)).worksheets[0][1]] == COLUMNS


def test_a_damaged_workbook_is_refused_with_a_message(db, staff_client):
    upload = SimpleUploadedFile("broken.xlsx", b"not a workbook at all")
    response = staff_client.post(IMPORT, {"file": upload})
    assert response.status_code == 200
    assert "cannot be read as an XLSX workbook" in response.content.decode()


def test_exported_cells_cannot_smuggle_spreadsheet_formulas(annex, staff_client):
    SuggestedAction.objects.filter(pk=annex["marking"].pk).update(text="=HYPERLINK(\"http://evil.example\")")
    rows = list(csv.reader(io.StringIO(staff_client.get(EXPORT).content.decode("utf-8-sig"))))
    assert "'=HYPERLINK(\"http://evil.example\")" in [row[4] for row in rows]


def _messages(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_unchanged_export_with_texts_starting_like_formulas_imports_back_as_no_change(annex, staff_client, fmt):
    SuggestedAction.objects.filter(pk=annex["marking"].pk).update(text="- align marking practices with ISACS 05.30")
    SuggestedAction.objects.filter(pk=annex["studies"].pk).update(text="=support studies by UNIDIR")
    exported = staff_client.get(EXPORT, {"as": fmt} if fmt == "xlsx" else {})
    texts_before = sorted(SuggestedAction.objects.values_list("text", flat=True))
    response = staff_client.post(
        IMPORT, {"file": SimpleUploadedFile(f"back.{fmt}", exported.content)}, follow=True,
    )
    assert response.redirect_chain[-1][1] == 302
    assert sorted(SuggestedAction.objects.values_list("text", flat=True)) == texts_before
    assert Recommendation.objects.count() == 2 and StatusUpdate.objects.count() == 0
    assert _messages(response) == ["No change: the file holds what is already recorded."]


def test_a_re_import_reports_what_it_changed(annex, staff_client):
    exported = staff_client.get(EXPORT).content.decode("utf-8-sig")
    edited = exported.replace(",UNMAS,", ",UNIDIR,")
    response = staff_client.post(IMPORT, {"file": SimpleUploadedFile("back.csv", edited.encode())}, follow=True)
    assert "1 actions updated" in _messages(response)[0]
    assert list(annex["briefing"].implementing_entities.values_list("acronym", flat=True)) == ["UNIDIR"]
    assert SuggestedAction.objects.count() == 3


def test_a_file_saved_in_windows_1252_is_refused_in_plain_words(annex, staff_client):
    row = [*NEW_ROW[:4], "Support clearance in Côte d'Ivoire.", *NEW_ROW[5:]]
    content = "\n".join([",".join(COLUMNS), ",".join(f'"{cell}"' for cell in row)]).encode("cp1252")
    before = SuggestedAction.objects.count()
    response = staff_client.post(IMPORT, {"file": SimpleUploadedFile("actions.csv", content, content_type="text/csv")})
    page = response.content.decode()
    assert "CSV UTF-8" in page and "codec" not in page and "0xf4" not in page
    assert SuggestedAction.objects.count() == before


def test_each_problem_names_its_row_and_column(annex, staff_client):
    bad_status = [*NEW_ROW[:7], "finished"]
    response = staff_client.post(IMPORT, {"file": _csv([NEW_ROW, bad_status])})
    page = response.content.decode()
    assert "Row 3, column status:" in page and "Nothing was saved" in page
    assert not Recommendation.objects.filter(references__report__symbol="S/2011/255").exists()
