"""The one module every CSV/XLSX import and export goes through.

Reading: `read_table` turns an uploaded CSV or XLSX into a list of dicts of stripped strings, one
per non-blank row, each with "_row" (the row number a spreadsheet shows, header = row 1). It
refuses a file as a whole (TableRejected) only for file-level trouble: size, encoding, format,
header. Checking the values of each row is the caller's job; the caller reports them as
`Problem(row, column, message)` (`RowProblems` collects those of one row) and raises
`TableRejected` itself so staff see every problem at once.

Writing: `table_response` answers a CSV (UTF-8 with BOM) or XLSX download, `table_stream` the
same CSV streamed row by row for a list of any length; every text cell goes through
`formula_guard`, and reading undoes it, so an unchanged export imports back as "no change".

Two-step imports: the view keeps the upload with `stash_upload`, shows an `ImportPreview`, and
the confirm step gets the bytes back with `take_upload`; `config.table_import` runs both steps
(and the `import_* FILE [--dry-run]` commands) the same way for every import.
"""

from __future__ import annotations

import base64
import csv
import datetime
import io
import re
import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

__all__ = [
    "BOM",
    "MAX_BYTES",
    "MAX_ROWS",
    "ImportPreview",
    "Problem",
    "RowProblems",
    "TableRejected",
    "formula_guard",
    "parse_bool",
    "parse_date",
    "read_table",
    "stash_upload",
    "table_response",
    "table_stream",
    "take_upload",
]

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024

# OWASP "CSV injection": a cell starting with one of these is run as a formula by spreadsheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Written first in every CSV: without it Excel reads UTF-8 as the Windows code page.
BOM = "\ufeff"
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # the legacy .xls format, which openpyxl cannot read
_DELIMITERS = (",", ";", "\t")
_CSV_TYPE = "text/csv; charset=utf-8"
_XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CHUNK_BYTES = 64 * 1024  # CSV text a stream writes before handing a chunk to the server


@dataclass(frozen=True)
class Problem:
    """One thing wrong, shown to staff as "Row 4, column email: ..."."""

    row: int | None  # spreadsheet row number (header = row 1); None for whole-file problems
    column: str | None  # column name as in the file header
    message: str  # translated, plain words

    def __str__(self) -> str:
        if self.row is not None and self.column:
            return _("Row %(row)s, column %(column)s: %(message)s") % {
                "row": self.row, "column": self.column, "message": self.message,
            }
        if self.row is not None:
            return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        if self.column:
            return _("Column %(column)s: %(message)s") % {"column": self.column, "message": self.message}
        return self.message


class RowProblems(list):
    """The problems of one row of a file, each a Problem with that row's number: a caller
    checking a row adds to it column by column, then extends its list of the whole file."""

    def __init__(self, row: int):
        super().__init__()
        self.row = row

    def add(self, column: str, message: str) -> None:
        self.append(Problem(self.row, column, message))


class TableRejected(Exception):
    """A file refused as a whole; `.problems` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


def _reject(message: str, *, row: int | None = None, column: str | None = None) -> TableRejected:
    return TableRejected([Problem(row=row, column=column, message=message)])


# --- reading --------------------------------------------------------------------------------

def read_table(
    content: bytes,
    *,
    filename: str,
    columns: Sequence[str],
    required: Sequence[str],
    max_rows: int = MAX_ROWS,
) -> list[dict[str, str]]:
    """The non-blank rows of a CSV or XLSX file, as {column: stripped value} plus "_row" (an int).

    Every name in `columns` is in each dict ("" when an optional column is absent). Raises
    TableRejected for an empty, too large, unreadable or wrongly headed file, or one with more
    than `max_rows` rows.
    """
    if not content:
        raise _reject(_("The file is empty."))
    if len(content) > MAX_BYTES:
        raise _reject(_("The file is larger than %(size)s MB. Split it into smaller files.") % {
            "size": MAX_BYTES // (1024 * 1024),
        })
    table = _rows_of(content, filename)
    return _records(table, columns=columns, required=required, max_rows=max_rows)


def _rows_of(content: bytes, filename: str) -> Iterable[list[str]]:
    name = (filename or "").lower()
    if content.startswith(_XLSX_MAGIC) or name.endswith((".xlsx", ".xlsm")):
        return _xlsx_rows(content)
    if content.startswith(_OLE_MAGIC) or name.endswith(".xls"):
        raise _reject(_("This is an old Excel file (.xls). Save it as “Excel Workbook (.xlsx)” or “CSV UTF-8” and upload it again."))
    if name.endswith((".csv", ".txt", ".tsv")) or "." not in name.rsplit("/", 1)[-1]:
        return _csv_rows(content)
    raise _reject(_("Only CSV and Excel (.xlsx) files can be imported."))


def _csv_rows(content: bytes) -> Iterable[list[str]]:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError:
        # Refused rather than read as Windows-1252 (a spreadsheet's default "CSV"): nearly any
        # bytes decode as Windows-1252, so a file in another encoding would be saved garbled
        # without a word, and the way out (save as "CSV UTF-8") is one menu away.
        raise _reject(_(
            "The file is not saved as UTF-8 text. In your spreadsheet, choose “Save as” and the "
            "“CSV UTF-8” format, then upload it again."
        )) from None
    if "\x00" in text:
        raise _reject(_("The file is not a text CSV file. Save it as “CSV UTF-8” and upload it again."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))

    def rows():
        try:
            yield from reader
        except csv.Error:
            raise _reject(_(
                "The file cannot be read as CSV near row %(row)s: check the quotation marks."
            ) % {"row": reader.line_num}) from None

    return rows()


def _delimiter(text: str) -> str:
    """The separator among , ; and tab that the header line uses most (Excel in French or
    Spanish writes ";"). The header is the best witness: it has no free text with commas."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    header = re.sub(r'"[^"]*"', "", header)
    counts = {delimiter: header.count(delimiter) for delimiter in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _xlsx_rows(content: bytes) -> Iterable[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception:  # noqa: BLE001 - a damaged workbook raises zipfile, XML and openpyxl errors alike
        raise _unreadable_workbook() from None

    def rows():
        try:
            for values in sheet.iter_rows(values_only=True):
                yield [_cell_text(value) for value in values]
        except Exception:  # noqa: BLE001 - as above, for a sheet damaged past its first rows
            raise _unreadable_workbook() from None
        finally:
            workbook.close()

    return rows()


def _unreadable_workbook() -> TableRejected:
    return _reject(_(
        "The file cannot be read as an XLSX workbook (Excel). Open it in your spreadsheet, save it "
        "again as .xlsx or “CSV UTF-8”, and upload it again."
    ))


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # 12.0 is what a spreadsheet shows as 12; 15 significant digits is what it displays.
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value)
    return str(value)


def _header_key(name: str) -> str:
    return re.sub(r"[\s-]+", "_", name.strip().casefold())


def _records(table: Iterable[list[str]], *, columns, required, max_rows) -> list[dict[str, str]]:
    iterator = iter(table)
    header = next(iterator, None)
    if header is None:
        raise _reject(_("The file is empty."))
    if not any(str(cell).strip() for cell in header):
        raise _reject(_("The first row must hold the column names: %(columns)s.") % {"columns": ", ".join(columns)}, row=1)

    known = {_header_key(name): name for name in columns}
    problems: list[Problem] = []
    positions: dict[int, str] = {}  # cell index -> our column name
    seen: set[str] = set()
    nameless: list[int] = []
    for index, cell in enumerate(header):
        label = str(cell).strip()
        if not label:
            nameless.append(index)
            continue
        name = known.get(_header_key(label))
        if name is None:
            problems.append(Problem(1, label, _("This column is not expected. The columns are: %(columns)s.") % {
                "columns": ", ".join(columns),
            }))
        elif name in seen:
            problems.append(Problem(1, label, _("This column appears twice.")))
        else:
            seen.add(name)
            positions[index] = name
    for name in required:
        if name not in seen:
            problems.append(Problem(None, name, _(
                "This required column is not in the first row. Missing columns must be added before the file "
                "can be imported."
            )))
    if problems:
        raise TableRejected(problems)

    records = []
    for number, cells in enumerate(iterator, start=2):
        values = [str(cell).strip() for cell in cells]
        if not any(values):
            continue
        if len(records) >= max_rows:
            raise _reject(_("The file has more than %(max)s rows. Split it into smaller files.") % {"max": max_rows})
        for index in nameless:
            if index < len(values) and values[index]:
                problems.append(Problem(number, None, _("A cell is filled under a column that has no name in the first row.")))
                break
        if len(values) > len(header) and any(values[len(header):]):
            problems.append(Problem(number, None, _("This row has more cells than the first row has column names.")))
        record: dict = {name: "" for name in columns}
        for index, name in positions.items():
            if index < len(values):
                record[name] = _unguard(values[index]).strip()
        record["_row"] = number
        records.append(record)
    if problems:
        raise TableRejected(problems)
    return records


def _unguard(value: str) -> str:
    """Undoes formula_guard, so that an exported file imports back to the same values: a
    spreadsheet keeps the quote as part of the text when it opens and saves the file again."""
    if value.startswith("'") and _starts_like_formula(value[1:]):
        return value[1:]
    return value


def _starts_like_formula(text: str) -> bool:
    """A formula start, or quotes before one: a text that itself starts with a guard's quote is
    guarded too, so that reading takes off exactly the quote writing put on."""
    return text.lstrip("'").startswith(FORMULA_START)


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_SERIAL = re.compile(r"^\d{1,7}(?:\.\d+)?$")
_EXCEL_EPOCH = datetime.date(1899, 12, 30)


def parse_date(value: str) -> datetime.date:
    """yyyy-mm-dd, dd/mm/yyyy, or an Excel serial day number (what a date cell holds when its
    format was lost). Raises ValueError with a message fit to show."""
    text = (value or "").strip()
    message = _("“%(value)s” is not a date: write it as yyyy-mm-dd, for example 2025-04-30.") % {"value": text}
    if not text:
        raise ValueError(_("A date is required: write it as yyyy-mm-dd, for example 2025-04-30."))
    try:
        if match := _ISO_DATE.match(text):
            year, month, day = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if match := _DMY_DATE.match(text):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
        if _SERIAL.match(text):
            serial = int(float(text))
            # Excel counts 1900 as a leap year: serial 60 is a 29 February that never was.
            if serial < 1 or serial == 60:
                raise ValueError(message)
            return _EXCEL_EPOCH + datetime.timedelta(days=serial + (1 if serial < 60 else 0))
    except (ValueError, OverflowError):
        raise ValueError(message) from None
    raise ValueError(message)


_TRUE = {"yes", "true", "1", "oui", "sí", "si", "y"}
_FALSE = {"no", "false", "0", "non", "n"}


def parse_bool(value: str) -> bool:
    """yes/no, true/false, 1/0, oui/non, sí/si/no, in any case. Raises ValueError otherwise."""
    text = (value or "").strip().casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(_("“%(value)s” is not yes or no: write yes or no.") % {"value": (value or "").strip()})


# --- writing --------------------------------------------------------------------------------

def formula_guard(value) -> str:
    """The cell as text, with a leading quote when a text would start a spreadsheet formula.
    Numbers stay as they are: a negative amount is not an injection."""
    if value is None:
        return ""
    if isinstance(value, Promise):  # a lazily translated label is text too
        value = str(value)
    if isinstance(value, str):
        return "'" + value if _starts_like_formula(value) else value
    return _plain(value)


def _plain(value) -> str:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def table_response(*, rows: Iterable[Sequence], header: Sequence[str], filename: str, fmt: str) -> HttpResponse:
    """A download of `rows` under `header`: "csv" (UTF-8 with BOM, so Excel and LibreOffice
    open it right) or "xlsx" (dates as real dates). `filename` is given without extension."""
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"unknown table format {fmt!r}")
    stem = _stem(filename)
    if fmt == "csv":
        response = HttpResponse(b"".join(_csv_chunks(header=header, rows=rows)), content_type=_CSV_TYPE)
    else:
        response = HttpResponse(_xlsx_bytes(rows=rows, header=header, title=stem), content_type=_XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{stem}.{fmt}")
    return response


def table_stream(*, rows: Iterable[Sequence], header: Sequence[str], filename: str) -> StreamingHttpResponse:
    """The CSV of `table_response`, byte for byte, streamed: a list of any length costs no memory.
    `rows` may be a generator reading the database in chunks."""
    stem = _stem(filename)
    response = StreamingHttpResponse(_csv_chunks(header=header, rows=rows), content_type=_CSV_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=f"{stem}.csv")
    return response


def _stem(filename: str) -> str:
    return re.sub(r"\.(csv|xlsx)$", "", filename, flags=re.IGNORECASE) or "export"


def _csv_chunks(*, header: Sequence, rows: Iterable[Sequence]) -> Iterator[bytes]:
    # The header is translated now, while the request's language is active: a streamed body is
    # written after the view has returned.
    heading = [formula_guard(str(value)) for value in header]

    def chunks() -> Iterator[bytes]:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write(BOM)
        writer.writerow(heading)
        for row in rows:
            writer.writerow([formula_guard(value) for value in row])
            if buffer.tell() >= _CHUNK_BYTES:
                yield buffer.getvalue().encode("utf-8")
                buffer.seek(0)
                buffer.truncate()
        yield buffer.getvalue().encode("utf-8")

    return chunks()


def _xlsx_bytes(*, rows: Iterable[Sequence], header: Sequence[str], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "Sheet1")
    bold = Font(bold=True)
    heading = []
    for value in header:
        cell = WriteOnlyCell(sheet, value=_workbook_text(formula_guard(str(value))))
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if value is None or isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    # Text is stored as text: openpyxl would otherwise turn a leading "=" into a formula.
    cell = WriteOnlyCell(sheet, value=_workbook_text(formula_guard(value)))
    cell.data_type = "s"
    return cell


def _workbook_text(text: str) -> str:
    """A workbook cannot hold control characters (a CSV can): text typed with one (a vertical
    tab pasted from a word processor) loses it rather than failing the whole file."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


# --- two-step imports -----------------------------------------------------------------------

@dataclass
class ImportPreview:
    """What an import would do, shown before staff confirm.

    Each item of `create` and `deactivate` is {heading: value}; each item of `change` is
    {heading: value}, where a changed value is an (old, new) pair. Keys starting with "_"
    (such as "_row") are not shown. Headings are shown as given: pass translated labels.
    """

    create: list[dict] = field(default_factory=list)
    change: list[dict] = field(default_factory=list)
    deactivate: list[dict] = field(default_factory=list)
    unchanged: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.create or self.change or self.deactivate)

    def create_table(self) -> dict:
        return _preview_table(self.create)

    def change_table(self) -> dict:
        return _preview_table(self.change)

    def deactivate_table(self) -> dict:
        return _preview_table(self.deactivate)


def _preview_table(items: list[dict]) -> dict:
    """{"headings": [...], "rows": [[{"value"} or {"old", "new"}, ...]]} for the template."""
    headings: list[str] = []
    for item in items:
        for key in item:
            if not str(key).startswith("_") and key not in headings:
                headings.append(key)
    rows = []
    for item in items:
        cells = []
        for key in headings:
            value = item.get(key, "")
            if isinstance(value, (tuple, list)) and len(value) == 2:
                cells.append({"changed": True, "old": _shown(value[0]), "new": _shown(value[1])})
            else:
                cells.append({"changed": False, "value": _shown(value)})
        rows.append(cells)
    return {"headings": headings, "rows": rows}


def _shown(value) -> str:
    return "" if value is None else _plain(value)


_SESSION_KEY = "tabular_uploads"
_UPLOAD_TTL = 60 * 60  # seconds a preview may wait for its confirmation
_UPLOADS_KEPT = 3  # a few tabs may preview different imports; older uploads are dropped
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def stash_upload(request, *, content: bytes, filename: str) -> str:
    """Keeps the uploaded bytes in the session until the confirm step; returns the token."""
    uploads = {
        token: upload for token, upload in request.session.get(_SESSION_KEY, {}).items()
        if upload.get("at", 0) + _UPLOAD_TTL > time.time()
    }
    for token in sorted(uploads, key=lambda token: uploads[token]["at"])[: max(0, len(uploads) - _UPLOADS_KEPT + 1)]:
        del uploads[token]
    token = secrets.token_urlsafe(24)
    uploads[token] = {
        "content": base64.b64encode(content).decode("ascii"),
        "filename": filename,
        "at": time.time(),
    }
    request.session[_SESSION_KEY] = uploads
    return token


def take_upload(request, token: str) -> tuple[bytes, str] | None:
    """The stashed (content, filename), removed from the session so it is imported once;
    None when the token is unknown or the upload expired."""
    if not isinstance(token, str) or not _TOKEN.match(token):
        return None
    uploads = dict(request.session.get(_SESSION_KEY, {}))
    upload = uploads.pop(token, None)
    if upload is None:
        return None
    request.session[_SESSION_KEY] = uploads
    if upload.get("at", 0) + _UPLOAD_TTL <= time.time():
        return None
    return base64.b64decode(upload["content"]), upload["filename"]
