"""The shared CSV/XLSX reader and writer, exercised with real files."""

import csv
import datetime as dt
import io

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from openpyxl import Workbook, load_workbook

from config.tabular import (
    MAX_BYTES,
    ImportPreview,
    Problem,
    TableRejected,
    formula_guard,
    parse_bool,
    parse_date,
    read_table,
    stash_upload,
    table_response,
    table_stream,
    take_upload,
)

COLUMNS = ["state", "year", "received_on", "link"]
REQUIRED = ["state", "received_on"]


def read(content: bytes, filename: str = "reports.csv", **kwargs):
    return read_table(content, filename=filename, columns=COLUMNS, required=REQUIRED, **kwargs)


def rejected(content: bytes, filename: str = "reports.csv", **kwargs) -> list[Problem]:
    with pytest.raises(TableRejected) as caught:
        read(content, filename, **kwargs)
    return caught.value.problems


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- reading CSV ----------------------------------------------------------------------------

def test_a_csv_saved_by_excel_with_a_bom_reads_with_its_accents():
    content = "\ufeffState,Year,Received_on\r\nCI,2024,2025-04-30\r\n".encode("utf-8")
    rows = read(content)
    assert rows == [{"state": "CI", "year": "2024", "received_on": "2025-04-30", "link": "", "_row": 2}]


def test_a_semicolon_csv_from_a_french_excel_reads_and_keeps_commas_inside_values():
    content = b"state;year;received_on;link\nFR;2024;30/04/2025;\"https://example.org/a,b\"\n"
    rows = read(content)
    assert rows[0]["received_on"] == "30/04/2025"
    assert rows[0]["link"] == "https://example.org/a,b"


def test_a_tab_separated_file_reads():
    rows = read(b"state\treceived_on\nMX\t2025-01-31\n")
    assert rows[0]["state"] == "MX" and rows[0]["received_on"] == "2025-01-31"


def test_a_utf16_csv_with_its_bom_reads():
    rows = read("state,received_on\nCÔ,2025-01-31\n".encode("utf-16"))
    assert rows[0]["state"] == "CÔ"


def test_a_windows_1252_file_is_refused_with_words_not_a_codec_error():
    content = "state,received_on,link\nCôte d’Ivoire,2025-04-30,\n".encode("cp1252")
    [problem] = rejected(content)
    assert "CSV UTF-8" in problem.message
    assert "codec" not in problem.message and "0x" not in problem.message
    assert problem.row is None


def test_headers_match_whatever_their_case_and_spaces_and_values_are_stripped():
    rows = read(b"  STATE , Received On \n  MX  ,  2025-01-31 \n")
    assert rows[0]["state"] == "MX" and rows[0]["received_on"] == "2025-01-31"


def test_blank_rows_are_skipped_and_row_numbers_are_those_a_spreadsheet_shows():
    rows = read(b"state,received_on\nMX,2025-01-31\n\n,\nUG,2025-02-01\n")
    assert [(r["state"], r["_row"]) for r in rows] == [("MX", 2), ("UG", 5)]


def test_a_missing_required_column_and_an_unknown_column_are_named():
    problems = rejected(b"state,colour\nMX,blue\n")
    assert Problem(None, "received_on", problems[-1].message) in problems
    assert any(p.column == "colour" and p.row == 1 for p in problems)


def test_a_column_given_twice_is_a_problem():
    problems = rejected(b"state,received_on,State\nMX,2025-01-31,UG\n")
    assert [(p.row, p.column) for p in problems] == [(1, "State")]


def test_a_value_under_a_nameless_column_is_a_problem_of_its_row():
    problems = rejected(b"state,received_on\nMX,2025-01-31,surprise\n")
    assert [p.row for p in problems] == [2]


def test_too_many_rows_are_refused_with_the_limit():
    content = b"state,received_on\n" + b"MX,2025-01-31\n" * 4
    assert len(read(content, max_rows=4)) == 4
    [problem] = rejected(content, max_rows=3)
    assert "3" in problem.message


def test_a_file_over_the_size_limit_is_refused():
    [problem] = rejected(b"state,received_on\n" + b"x" * MAX_BYTES)
    assert "MB" in problem.message


@pytest.mark.parametrize("content", [b"", "\ufeff".encode()])
def test_an_empty_file_is_refused(content):
    [problem] = rejected(content)
    assert "empty" in problem.message


@pytest.mark.parametrize("filename", ["reports.pdf", "reports.docx"])
def test_a_file_that_is_neither_csv_nor_xlsx_is_refused(filename):
    [problem] = rejected(b"%PDF-1.4 whatever", filename)
    assert "CSV" in problem.message


def test_a_legacy_xls_file_is_refused_with_the_way_out():
    [problem] = rejected(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "reports.xls")
    assert ".xlsx" in problem.message


def test_a_damaged_xlsx_is_refused_in_plain_words():
    [problem] = rejected(b"PK\x03\x04 not really a zip", "reports.xlsx")
    assert "Excel" in problem.message


def test_an_unbalanced_quote_is_reported_not_raised():
    problems = rejected(b'state,received_on\n"MX,2025-01-31\n' + b"x" * 200_000 + b"\n")
    assert problems  # either the field limit or the quote: refused, never a crash


# --- reading XLSX ---------------------------------------------------------------------------

def test_an_xlsx_with_a_real_date_cell_and_an_excel_serial_date():
    content = xlsx([
        ["State", "Year", "Received_on"],
        ["MX", 2024, dt.date(2025, 4, 30)],
        ["UG", 2024.0, dt.datetime(2025, 3, 1, 14, 30)],
        ["CO", 2023, 45000],
    ])
    rows = read(content, "reports.xlsx")
    assert [(r["state"], r["year"], r["received_on"], r["_row"]) for r in rows] == [
        ("MX", "2024", "2025-04-30", 2),
        ("UG", "2024", "2025-03-01", 3),
        ("CO", "2023", "45000", 4),
    ]
    assert parse_date(rows[2]["received_on"]) == dt.date(2023, 3, 15)


def test_an_xlsx_is_recognised_by_its_content_whatever_its_name():
    rows = read(xlsx([["state", "received_on"], ["MX", "2025-01-31"]]), "download")
    assert rows[0]["state"] == "MX"


def test_an_xlsx_reads_only_the_first_sheet_and_skips_blank_rows():
    workbook = Workbook()
    workbook.active.append(["state", "received_on"])
    workbook.active.append([None, None])
    workbook.active.append(["MX", "2025-01-31"])
    workbook.create_sheet("Other").append(["colour"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert [(r["state"], r["_row"]) for r in read(buffer.getvalue(), "r.xlsx")] == [("MX", 3)]


# --- values ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2025-04-30", dt.date(2025, 4, 30)),
    ("2025-4-3", dt.date(2025, 4, 3)),
    ("30/04/2025", dt.date(2025, 4, 30)),
    ("45000", dt.date(2023, 3, 15)),
    ("61", dt.date(1900, 3, 1)),
    ("1", dt.date(1900, 1, 1)),
])
def test_parse_date_accepts_iso_day_first_and_excel_serials(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "tomorrow", "2025-02-30", "04/31/2025", "0", "2025/04/30"])
def test_parse_date_refuses_with_a_plain_message(text):
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert "yyyy-mm-dd" in str(caught.value)


@pytest.mark.parametrize("text", ["yes", "YES", "true", "1", "oui", "Sí", "si"])
def test_parse_bool_yes(text):
    assert parse_bool(text) is True


@pytest.mark.parametrize("text", ["no", "False", "0", "NON"])
def test_parse_bool_no(text):
    assert parse_bool(text) is False


@pytest.mark.parametrize("text", ["", "maybe", "2"])
def test_parse_bool_refuses(text):
    with pytest.raises(ValueError, match="yes or no"):
        parse_bool(text)


@pytest.mark.parametrize(("value", "expected"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
    ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Mexico", "Mexico"), (-5, "-5"), (None, ""), (dt.date(2025, 1, 2), "2025-01-02"),
    ("'=1", "''=1"), ("'quoted'", "'quoted'"),
])
def test_formula_guard(value, expected):
    assert formula_guard(value) == expected


# --- writing --------------------------------------------------------------------------------

ROWS = [["MX", 2024, dt.date(2025, 4, 30), "=cmd|' /C calc'!A0"], ["UG", 2023, None, ""]]


def test_csv_download_has_a_bom_guarded_cells_and_an_attachment_name():
    response = table_response(rows=ROWS, header=COLUMNS, filename="reports", fmt="csv")
    assert response["Content-Disposition"] == 'attachment; filename="reports.csv"'
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == COLUMNS
    assert rows[1] == ["MX", "2024", "2025-04-30", "'=cmd|' /C calc'!A0"]


def test_xlsx_download_has_real_dates_and_text_never_becomes_a_formula():
    response = table_response(rows=ROWS, header=COLUMNS, filename="reports", fmt="xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="reports.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[1]] == COLUMNS
    assert sheet["B2"].value == 2024
    assert sheet["C2"].is_date and sheet["C2"].value.date() == dt.date(2025, 4, 30)
    assert sheet["D2"].data_type == "s" and sheet["D2"].value.startswith("'=")


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_download_reads_back_to_the_same_values(fmt):
    response = table_response(rows=ROWS, header=COLUMNS, filename="reports", fmt=fmt)
    rows = read(response.content, f"reports.{fmt}")
    assert rows[0]["received_on"] == "2025-04-30"
    assert rows[0]["link"] == "=cmd|' /C calc'!A0"
    assert rows[1]["received_on"] == ""


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("text", ["- a dash first", "=SUM(A1)", "'=already quoted", "''-twice", "'plain quote", "+44 20 7946 0000"])
def test_a_text_starting_like_a_formula_or_a_guard_reads_back_unchanged(fmt, text):
    response = table_response(rows=[["MX", text]], header=["state", "link"], filename="reports", fmt=fmt)
    [row] = read_table(response.content, filename=f"reports.{fmt}", columns=["state", "link"], required=["state"])
    assert row["link"] == text


def test_a_cell_a_spreadsheet_saved_with_the_guards_quote_reads_without_it():
    # What LibreOffice or Excel writes back after opening an export and saving it unchanged.
    rows = read(b"state,received_on,link\n'-MX,2025-01-31,'=SUM(A1)\n")
    assert rows[0]["state"] == "-MX" and rows[0]["link"] == "=SUM(A1)"


def test_a_windows_1252_file_with_a_straight_apostrophe_is_refused_too():
    [problem] = rejected("state,received_on\nCôte d'Ivoire,2025-04-30\n".encode("cp1252"))
    assert "CSV UTF-8" in problem.message and "codec" not in problem.message


def test_the_streamed_csv_is_the_downloads_bytes_with_one_bom():
    def rows():
        for number in range(3000):  # more than one chunk
            yield [f"=row {number}", number, dt.date(2025, 4, 30)]

    streamed = table_stream(rows=rows(), header=COLUMNS[:3], filename="reports.csv")
    body = b"".join(streamed.streaming_content)
    assert body == table_response(rows=rows(), header=COLUMNS[:3], filename="reports", fmt="csv").content
    assert body.count("\ufeff".encode()) == 1
    assert streamed["Content-Disposition"] == 'attachment; filename="reports.csv"'


def test_a_control_character_in_a_text_does_not_break_the_workbook():
    response = table_response(rows=[["MX", "tab\x0bbed\x1f"]], header=["state", "link"], filename="r", fmt="xlsx")
    assert load_workbook(io.BytesIO(response.content)).active["B2"].value == "tabbed"


def test_an_unknown_format_is_a_programming_error():
    with pytest.raises(ValueError):
        table_response(rows=[], header=["a"], filename="x", fmt="pdf")


# --- the two steps of an import -------------------------------------------------------------

@pytest.fixture
def session_request(db):
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().post("/")
    request.session = SessionStore()
    return request


def test_an_upload_is_kept_for_the_confirm_step_and_taken_once(session_request):
    token = stash_upload(session_request, content=b"\x00\xffbytes", filename="r.xlsx")
    session_request.session.save()
    assert take_upload(session_request, token) == (b"\x00\xffbytes", "r.xlsx")
    assert take_upload(session_request, token) is None


@pytest.mark.parametrize("token", ["", "nope", "../../etc", None])
def test_an_unknown_token_gives_nothing(session_request, token):
    stash_upload(session_request, content=b"x", filename="r.csv")
    assert take_upload(session_request, token) is None


def test_an_expired_upload_gives_nothing(session_request, time_machine):
    time_machine.move_to(dt.datetime(2025, 1, 1, 9, 0, tzinfo=dt.UTC))
    token = stash_upload(session_request, content=b"x", filename="r.csv")
    time_machine.move_to(dt.datetime(2025, 1, 1, 11, 0, tzinfo=dt.UTC))
    assert take_upload(session_request, token) is None


def test_only_the_latest_uploads_are_kept_in_the_session(session_request):
    tokens = [stash_upload(session_request, content=b"x", filename=f"{n}.csv") for n in range(5)]
    assert take_upload(session_request, tokens[0]) is None
    assert take_upload(session_request, tokens[-1]) == (b"x", "4.csv")


# --- the includes ---------------------------------------------------------------------------

def test_problems_are_listed_by_row_and_column_escaped_and_announced():
    html = render_to_string("includes/import_problems.html", {"problems": [
        Problem(4, "email", "“<script>x</script>” is not an address."),
        Problem(None, "state", "This column is missing; it is required."),
    ]})
    assert 'role="alert"' in html
    assert "Row 4, column email:" in html
    assert "Column state:" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_preview_shows_counts_old_and_new_values_and_posts_the_token():
    preview = ImportPreview(
        create=[{"State": "Mexico", "Received on": "2025-04-30", "_row": 2}],
        change=[{"State": "Uganda", "Received on": ("2025-04-01", "2025-04-30")}],
        deactivate=[],
        unchanged=3,
    )
    html = render_to_string("includes/import_preview.html", {"preview": preview, "token": "tok123", "action": "/go/"})
    assert "1 to create" in html and "1 to change" in html and "3 unchanged" in html
    assert "<del>2025-04-01</del>" in html and "<ins>2025-04-30</ins>" in html
    assert 'name="token" value="tok123"' in html and 'action="/go/"' in html
    assert "_row" not in html


def test_a_preview_with_nothing_to_do_has_no_confirm_button():
    html = render_to_string("includes/import_preview.html", {"preview": ImportPreview(unchanged=2), "token": "t", "action": "/go/"})
    assert "nothing to import" in html and "<form" not in html
