"""Form fields shared by the apps."""

import unicodedata
import zipfile

from django import forms
from django.forms.models import ModelChoiceIterator
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext, gettext_lazy

_MAX_ID = 2**63 - 1


def collation_key(text: str) -> str:
    """A sort key that files a name by its letters as a reader expects, whatever its accents
    or case: "Égypte" with the Es, "Åland" with the As (Unicode decomposition, then the accents
    dropped and the case folded)."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class _ByLabelIterator(ModelChoiceIterator):
    """The choices sorted by their label as rendered, i.e. in the language active when the
    form is drawn (a State's name differs in English, French and Spanish)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        choices = [self.choice(obj) for obj in self.queryset]
        choices.sort(key=lambda choice: collation_key(choice[1]))
        yield from choices


class StateChoiceField(forms.ModelChoiceField):
    """A pick list of States sorted by their name in the reader's language, not by ISO code
    (the model's order). The one place this ordering lives: every form offering States uses it."""

    iterator = _ByLabelIterator


class IdsMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField over integer ids that refuses out-of-range values itself:
    SQLite raises OverflowError on them instead of finding nothing."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk)
            if not text.isdigit() or int(text) > _MAX_ID:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class DocumentFileField(forms.FileField):
    """An uploaded document (a report, a letter received): PDF, Word, spreadsheet or image,
    at most MAX_BYTES. The name's extension must be one of these AND the first bytes must be
    what that type starts with, so a renamed program is refused. The limit stays under the
    request body limit (REQUEST_BODY_MAX_BYTES, 10 MB) so that the message, not a 413, says why."""

    MAX_BYTES = 8 * 1024 * 1024

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", gettext_lazy(
            "PDF, Word (.doc, .docx), spreadsheet (.xls, .xlsx, .ods, .csv) or image (.png, .jpg), at most 8 MB."
        ))
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": ",".join(f".{ext}" for ext in DOCUMENT_TYPES)}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            document_problem = check_document(upload, max_bytes=self.MAX_BYTES)
            if document_problem:
                raise ValidationError(document_problem, code="document")
        return upload


# Extension -> (content type served, what the content must look like).
DOCUMENT_TYPES: dict[str, tuple[str, str]] = {
    "pdf": ("application/pdf", "pdf"),
    "doc": ("application/msword", "ole"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    "xls": ("application/vnd.ms-excel", "ole"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    "csv": ("text/csv", "text"),
    "png": ("image/png", "png"),
    "jpg": ("image/jpeg", "jpeg"),
    "jpeg": ("image/jpeg", "jpeg"),
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 and Excel 97-2003 files
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# Text may hold tabs, line ends and form feeds; any other control byte means a binary file.
_BINARY_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def document_extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def document_content_type(name: str) -> str:
    """The content type a stored document is served with; anything else as plain bytes."""
    return DOCUMENT_TYPES.get(document_extension(name), ("application/octet-stream", ""))[0]


def check_document(upload, *, max_bytes: int) -> str | None:
    """What is wrong with an uploaded document, in words for the person who sent it, or None."""
    name = upload.name or ""
    extension = document_extension(name)
    if extension not in DOCUMENT_TYPES:
        return gettext(
            "“%(name)s” is not an accepted type of file. Attach a PDF, Word (.doc, .docx), spreadsheet "
            "(.xls, .xlsx, .ods, .csv) or image (.png, .jpg) file."
        ) % {"name": name}
    if upload.size > max_bytes:
        return gettext("“%(name)s” is %(size)s; a file may be at most %(limit)s.") % {
            "name": name, "size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes),
        }
    if not _content_matches(upload, DOCUMENT_TYPES[extension][1]):
        return gettext(
            "“%(name)s” does not hold what its name says (a .%(extension)s file): it may be damaged or "
            "another kind of file renamed. Save it again as %(extension)s and attach it."
        ) % {"name": name, "extension": extension}
    return None


def _content_matches(upload, kind: str) -> bool:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if kind == "pdf":
        return head.startswith(b"%PDF-")
    if kind == "ole":
        return head.startswith(_OLE)
    if kind == "png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if kind == "jpeg":
        return head.startswith(b"\xff\xd8\xff")
    if kind == "text":
        return bool(head) and not any(byte in _BINARY_BYTES for byte in head)
    return head.startswith(b"PK\x03\x04") and _zip_holds(upload, kind)


def _zip_holds(upload, kind: str) -> bool:
    """Office Open XML and OpenDocument files are zip archives; their table of contents says which."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if kind == "docx":
                return "word/document.xml" in names
            if kind == "xlsx":
                return "xl/workbook.xml" in names
            info = archive.getinfo("mimetype") if "mimetype" in names else None
            return info is not None and info.file_size <= 100 and archive.read(info).strip() == _ODS_MIMETYPE
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return False
    finally:
        upload.seek(0)
