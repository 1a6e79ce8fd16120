"""Reports received in bulk: staff upload a file, see every problem or a preview, confirm."""

import datetime as dt
import io

import pytest
from django.core.management import ManagementUtility, call_command
from django.core.management.base import CommandError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from entities.models import TreatyParty
from letters.models import ReportKind, ReportSubmission
from tests.factories import ReportSubmissionFactory, StateFactory, TreatyPartyFactory

IMPORT = "letters:report-import"
CONFIRM = "letters:report-import-confirm"


@pytest.fixture(autouse=True)
def june_2027(time_machine):
    time_machine.move_to(dt.datetime(2027, 6, 1, 9, 0, tzinfo=dt.UTC))


def csv_file(text: str, name: str = "reports.csv", encoding: str = "utf-8") -> io.BytesIO:
    upload = io.BytesIO(text.encode(encoding))
    upload.name = name
    return upload


def xlsx_file(rows: list[list], name: str = "reports.xlsx") -> io.BytesIO:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    upload = io.BytesIO()
    workbook.save(upload)
    upload.seek(0)
    upload.name = name
    return upload


def upload(client, file):
    return client.post(reverse(IMPORT), {"file": file})


def confirm(client, response):
    return client.post(reverse(CONFIRM), {"token": response.context["token"]})


def page(response) -> str:
    return response.content.decode()


GOOD = "state,year,received_on,link\nMX,2026,2027-04-20,https://example.org/mx-2026.pdf\nUG,2026,2027-05-10,\n"


def test_staff_import_reports_after_seeing_what_will_be_recorded(staff_client, convention):
    response = upload(staff_client, csv_file(GOOD))
    assert response.status_code == 200
    assert "2 to create" in page(response) and "Mexico" in page(response) and "Uganda" in page(response)
    assert not ReportSubmission.objects.filter(state__code__in=["MX", "UG"]).exists()

    response = confirm(staff_client, response)
    assert response.status_code == 302 and response.url == reverse("letters:compliance")
    mexico = ReportSubmission.objects.get(state=convention.mx, period=2026)
    assert mexico.received_on == dt.date(2027, 4, 20) and mexico.link == "https://example.org/mx-2026.pdf"
    assert mexico.kind == ReportKind.ANNUAL and mexico.obligation == convention.obligation
    assert "2 recorded" in page(staff_client.get(response.url))


def test_imported_reports_turn_compliance_cells_on_time_and_late(staff_client, convention):
    before = staff_client.get(reverse("letters:compliance"), {"since": 2026, "until": 2026})
    assert {row.state.name: dict(row.years)[2026] for row in before.context["rows"]}["Mexico"] == "missing"
    confirm(staff_client, upload(staff_client, csv_file(GOOD)))
    after = staff_client.get(reverse("letters:compliance"), {"since": 2026, "until": 2026})
    cells = {row.state.name: dict(row.years)[2026] for row in after.context["rows"]}
    assert cells["Mexico"] == "on_time" and cells["Uganda"] == "late"


def test_a_file_from_a_french_excel_with_semicolons_day_first_dates_and_an_initial_report(staff_client, convention):
    text = "\ufeffState;Year;Initial;Received_on\nMX;2026;non;20/04/2027\nCO;;oui;15/08/1999\n"
    response = upload(staff_client, csv_file(text))
    assert response.status_code == 200, page(response)
    confirm(staff_client, response)
    initial = ReportSubmission.objects.get(state=convention.co)
    assert initial.kind == ReportKind.INITIAL and initial.period == 1999 and initial.received_on == dt.date(1999, 8, 15)


def test_an_xlsx_with_date_cells_and_an_excel_serial_date(staff_client, convention):
    response = upload(staff_client, xlsx_file([
        ["state", "year", "received_on"],
        ["MX", 2026, dt.date(2027, 4, 20)],
        ["UG", 2026, 46499],  # the serial of 2027-04-22, as a cell that lost its date format
    ]))
    assert response.status_code == 200, page(response)
    confirm(staff_client, response)
    assert ReportSubmission.objects.get(state=convention.ug).received_on == dt.date(2027, 4, 22)


def test_every_problem_is_listed_with_its_row_and_column_and_nothing_is_written(staff_client, convention):
    StateFactory(code="DE")
    text = (
        "state,year,received_on,link\n"
        "ZZ,2026,2027-04-20,\n"                         # 2: not a country
        "DE,2026,2027-04-20,\n"                         # 3: not a State Party
        "MX,2026,2027-04-20,\n"                         # 4: fine
        "MX,2026,2027-04-21,\n"                         # 5: the same report twice
        "UG,2026,2027-07-01,\n"                         # 6: received in the future
        "CO,1998,1998-05-01,\n"                         # 7: before entry into force
        "NL,2026,2027-04-20,javascript:alert(1)\n"      # 8: not a web address
        "NL,twenty,30/02/2027,\n"                       # 9: neither a year nor a date
        "<b>Atlantis</b>,2026,2027-04-20,\n"            # 10: shown back escaped
        "Mexico,2026,2027-04-20,\n"                     # 11: a name instead of the code
        "FR,2031,1900-01-01,\n"                         # 12: a year not begun, a date before any record
    )
    response = upload(staff_client, csv_file(text))
    assert response.status_code == 400
    html = page(response)
    for expected in (
        "Row 2, column state:", "Row 3, column state:", "Germany is not a State Party",
        "Row 5, column state:", "already on row 4", "Row 6, column received_on:", "future",
        "Row 7, column received_on:", "Row 7, column year:", "Row 8, column link:",
        "Row 9, column year:", "Row 9, column received_on:", "Row 10, column state:", "&lt;b&gt;Atlantis&lt;/b&gt;",
        "Row 11, column state:", "Write the ISO code “MX” for Mexico",
        "Row 12, column year:", "Row 12, column received_on:",
    ):
        assert expected in html, expected
    assert "<b>Atlantis</b>" not in html
    assert 'role="alert"' in html and "Row 4," not in html
    assert ReportSubmission.objects.count() == 1  # France's, from before


def test_a_windows_1252_file_is_refused_in_plain_words(staff_client, convention):
    response = upload(staff_client, csv_file("state,year,received_on\nMX,2026,2027-04-20\nCôte,2026,2027-04-20\n", encoding="cp1252"))
    assert response.status_code == 400
    assert "CSV UTF-8" in page(response) and "codec" not in page(response)


def test_a_missing_column_is_named(staff_client, convention):
    response = upload(staff_client, csv_file("state,year\nMX,2026\n"))
    assert response.status_code == 400 and "Column received_on:" in page(response)


def test_a_report_recorded_with_another_date_is_a_change_shown_old_and_new(staff_client, convention):
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.mx, period=2026, received_on=dt.date(2027, 5, 20))
    response = upload(staff_client, csv_file(GOOD))
    html = page(response)
    assert "1 to create" in html and "1 to change" in html
    assert "<del>2027-05-20</del>" in html and "<ins>2027-04-20</ins>" in html
    confirm(staff_client, response)
    mexico = ReportSubmission.objects.get(state=convention.mx, period=2026)
    assert mexico.received_on == dt.date(2027, 4, 20)
    assert mexico.history.first().history_user.username == "isu"
    assert mexico.history.last().received_on == dt.date(2027, 5, 20)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_unchanged_export_imports_back_as_no_change(staff_client, convention, fmt):
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.mx, period=2026, received_on=dt.date(2027, 4, 2), link="https://example.org/=x")
    ReportSubmissionFactory(obligation=convention.obligation, state=convention.co, kind=ReportKind.INITIAL, period=1999, received_on=dt.date(1999, 8, 1))
    export = staff_client.get(reverse("letters:report-export"), {"format": fmt})
    assert export.status_code == 200
    assert f'filename="reports-received.{fmt}"' in export["Content-Disposition"]
    response = upload(staff_client, _named(export.content, f"reports.{fmt}"))
    assert response.status_code == 200, page(response)
    assert "3 unchanged" in page(response) and "nothing to import" in page(response)


def _named(content: bytes, name: str) -> io.BytesIO:
    file = io.BytesIO(content)
    file.name = name
    return file


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_has_the_columns_an_import_reads(staff_client, db, fmt):
    response = staff_client.get(reverse("letters:report-import-template"), {"format": fmt})
    assert response.status_code == 200
    assert f'filename="reports-received-template.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        assert response.content.decode("utf-8-sig").strip() == "state,year,initial,received_on,link"


def test_an_expired_or_reused_token_imports_nothing(staff_client, convention):
    response = upload(staff_client, csv_file(GOOD))
    confirm(staff_client, response)
    again = confirm(staff_client, response)
    assert again.status_code == 302 and again.url == reverse(IMPORT)
    assert ReportSubmission.objects.filter(state=convention.mx).count() == 1
    assert staff_client.post(reverse(CONFIRM), {"token": "forged-token-123456"}).url == reverse(IMPORT)


def test_the_file_is_checked_again_when_confirmed(staff_client, convention):
    response = upload(staff_client, csv_file(GOOD))
    TreatyParty.objects.filter(state=convention.ug).delete()  # meanwhile, Uganda's record is corrected
    response = confirm(staff_client, response)
    assert response.status_code == 400 and "Uganda is not a State Party" in page(response)
    assert not ReportSubmission.objects.filter(state=convention.mx).exists()


def test_a_focal_point_cannot_import(client_for, convention):
    response = client_for("state_a").post(reverse(IMPORT), {"file": csv_file(GOOD)})
    assert response.status_code == 403


def _captured(client, file) -> int:
    from django.db import connection

    with CaptureQueriesContext(connection) as queries:
        response = upload(client, file)
    assert response.status_code == 200, page(response)
    return len(queries)


def test_the_preview_query_count_does_not_grow_with_the_rows(staff_client, convention):
    codes = ["KH", "AO", "ES", "DE", "CH", "PE", "JO", "NZ"]
    for code in codes:
        TreatyPartyFactory(treaty=convention.treaty, state=StateFactory(code=code), entry_into_force=dt.date(1999, 3, 1))
    small = _captured(staff_client, csv_file("state,year,received_on\nMX,2026,2027-04-20\n"))
    rows = "".join(f"{code},2026,2027-04-20\n" for code in ["MX", "UG", *codes])
    assert _captured(staff_client, csv_file("state,year,received_on\n" + rows)) == small


# --- the command ----------------------------------------------------------------------------

def test_command_dry_run_prints_the_counts_and_writes_nothing(convention, tmp_path, capsys):
    path = tmp_path / "reports.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_reports", str(path), "--dry-run")
    assert "2 to record, 0 to correct, 0 unchanged" in capsys.readouterr().out
    assert not ReportSubmission.objects.filter(state=convention.mx).exists()


def test_command_records_the_file(convention, tmp_path, capsys):
    path = tmp_path / "reports.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_reports", str(path))
    assert "2 recorded, 0 corrected, 0 unchanged" in capsys.readouterr().out
    assert ReportSubmission.objects.filter(state__in=[convention.mx, convention.ug], period=2026).count() == 2


def test_command_prints_each_problem_and_fails(convention, tmp_path, capsys):
    path = tmp_path / "reports.csv"
    path.write_text("state,year,received_on\nMX,2026,2027-04-20\nZZ,2026,2027-04-20\n", encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("import_reports", str(path))
    assert "Row 3, column state:" in capsys.readouterr().err
    assert not ReportSubmission.objects.filter(state=convention.mx).exists()


def test_command_exits_non_zero_on_a_bad_file(convention, tmp_path, capsys):
    path = tmp_path / "reports.csv"
    path.write_text("state,year\nMX,2026\n", encoding="utf-8")
    # call_command raises; run as from a shell, the command exits with a status a script can test.
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "import_reports", str(path)]).execute()
    assert exited.value.code == 1
    assert "Column received_on:" in capsys.readouterr().err


def test_the_import_page_explains_the_columns_and_asks_for_a_file(staff_client, convention):
    response = staff_client.get(reverse(IMPORT))
    assert response.status_code == 200
    assert "received_on" in page(response) and "Empty template (Excel)" in page(response)
    response = staff_client.post(reverse(IMPORT), {})
    assert response.status_code == 400 and "This field is required" in page(response)


def test_the_single_report_form_keeps_the_same_rules(client_for, convention):
    response = client_for("isu_staff").post(reverse("letters:report-create"), {
        "state": convention.mx.pk, "kind": "annual", "period": 2026, "received_on": "1998-04-20",
    })
    assert response.status_code == 400
    assert "before the Convention entered into force for Mexico" in page(response)
    assert not ReportSubmission.objects.filter(state=convention.mx).exists()


def test_a_stage_sent_after_an_import_skips_the_states_the_file_recorded(staff_client, convention):
    """Reports received in bulk before the overdue letters: only the States still owing one get it."""
    from letters.models import Letter
    from letters.services.scheduling import letters_schedule, plan_stages

    confirm(staff_client, upload(staff_client, csv_file("state,year,received_on\nMX,2026,2027-04-20\n")))
    overdue = next(stage for stage in plan_stages(convention.plan, 2026) if stage.stage == "overdue")
    letters_schedule(today=overdue.send_on, stage=overdue)
    written_to = set(Letter.objects.filter(period=2026, stage="overdue").values_list("state__code", flat=True))
    assert "MX" not in written_to and "FR" not in written_to
    assert {"UG", "CO", "NL"} <= written_to
