"""A report's attached file: served to whoever may see the report, as a download with a name of
its own; only documents (PDF, Word, spreadsheets, images) of at most 8 MB are accepted."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.models import ReportSubmission
from tests.factories import ReportingObligationFactory, ReportSubmissionFactory, TreatyPartyFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ACCEPTED = {
    "report.pdf": PDF,
    "report.doc": OLE,
    "report.docx": _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
    "tables.xls": OLE,
    "tables.xlsx": _zip({"xl/workbook.xml": b"<workbook/>"}),
    "tables.ods": _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office/>"}),
    "tables.csv": "State;Year\nMéxico;2025\n".encode(),
    "scan.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 32,
    "scan.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 32,
}


@pytest.fixture
def storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def obligation(state_a, state_b):
    obligation = ReportingObligationFactory()
    for state in (state_a, state_b):
        TreatyPartyFactory(treaty=obligation.treaty, state=state, entry_into_force=dt.date(1999, 3, 1))
    return obligation


@pytest.fixture
def report_of_a(storage, obligation, state_a):
    name = default_storage.save("reports/2026/mexico.pdf", ContentFile(PDF))
    return ReportSubmissionFactory(obligation=obligation, state=state_a, period=2025, file=name)


def _file_url(report) -> str:
    return reverse("letters:report-file", args=[report.pk])


def _upload(client, name: str, content: bytes, **data):
    return client.post(reverse("letters:report-create"), {
        "kind": "annual", "period": "2025", "received_on": "2026-04-20",
        "file": SimpleUploadedFile(name, content), **data,
    })


# --- serving -----------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["isu_staff", "state_a"])
def test_staff_and_the_states_own_focal_point_download_the_file(role, client_for, report_of_a):
    response = client_for(role).get(_file_url(report_of_a))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="mexico-annual-report-2025.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("role", ["state_b", "entity_fp"])
def test_another_states_or_an_entitys_focal_point_gets_not_found(role, client_for, report_of_a):
    assert client_for(role).get(_file_url(report_of_a)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client_for, report_of_a):
    response = client_for("anonymous").get(_file_url(report_of_a))
    assert response.status_code == 302 and reverse("login") in response.url


def test_a_report_without_a_file_or_whose_file_is_gone_is_not_found(client_for, storage, obligation, state_a, report_of_a):
    without = ReportSubmissionFactory(obligation=obligation, state=state_a, period=2024)
    assert client_for("isu_staff").get(_file_url(without)).status_code == 404
    default_storage.delete(report_of_a.file.name)
    assert client_for("isu_staff").get(_file_url(report_of_a)).status_code == 404


def test_a_file_stored_before_the_checks_is_still_only_a_download(client_for, storage, obligation, state_a):
    name = default_storage.save("reports/2019/setup.exe", ContentFile(b"MZ\x90\x00"))
    report = ReportSubmissionFactory(obligation=obligation, state=state_a, period=2019, file=name)
    response = client_for("isu_staff").get(_file_url(report))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == 'attachment; filename="mexico-annual-report-2019.exe"'


def test_the_file_is_read_through_the_storage_api(client_for, settings, obligation, state_a):
    """Any storage backend will do (an object store in production): here, one in memory."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    name = default_storage.save("reports/2026/uganda.pdf", ContentFile(PDF))
    report = ReportSubmissionFactory(obligation=obligation, state=state_a, period=2025, file=name)
    response = client_for("isu_staff").get(_file_url(report))
    assert b"".join(response.streaming_content) == PDF


def test_the_list_links_to_the_download_not_to_media(client_for, report_of_a):
    page = client_for("state_a").get(reverse("letters:report-list")).content.decode()
    assert f'href="{_file_url(report_of_a)}"' in page
    assert "/media/" not in page


def test_the_download_reads_a_fixed_number_of_queries(client_for, report_of_a, django_assert_max_num_queries):
    client = client_for("state_a")
    client.get(_file_url(report_of_a))  # session and role read once, as for any page
    with django_assert_max_num_queries(8):
        assert client.get(_file_url(report_of_a)).status_code == 200


# --- uploading ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ACCEPTED)
def test_documents_spreadsheets_and_images_are_accepted(name, client_for, storage, obligation, state_a):
    response = _upload(client_for("state_a"), name, ACCEPTED[name])
    assert response.status_code == 302, response.content.decode()[-3000:]
    report = ReportSubmission.objects.get()
    downloaded = client_for("state_a").get(_file_url(report))
    assert b"".join(downloaded.streaming_content) == ACCEPTED[name]


@pytest.mark.parametrize("name", ["setup.exe", "script.js", "page.html", "archive.zip", "noextension"])
def test_other_types_are_refused_naming_the_accepted_ones(name, client_for, storage, obligation):
    response = _upload(client_for("state_a"), name, b"MZ\x90\x00\x03")
    page = response.content.decode()
    assert response.status_code == 400
    assert f"“{name}” is not an accepted type of file." in page
    assert "PDF, Word (.doc, .docx), spreadsheet (.xls, .xlsx, .ods, .csv) or image (.png, .jpg)" in page
    assert 'id="id_file_error"' in page  # shown under the file field
    assert not ReportSubmission.objects.exists()


@pytest.mark.parametrize("name, content", [
    ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),  # a program renamed
    ("report.docx", _zip({"xl/workbook.xml": b"<workbook/>"})),  # a spreadsheet renamed
    ("report.docx", b"PK\x03\x04 not really a zip"),
    ("tables.csv", b"MZ\x90\x00\x03\x00\x00\x00"),
    ("scan.png", PDF),
])
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(name, content, client_for, storage, obligation):
    response = _upload(client_for("state_a"), name, content)
    assert response.status_code == 400
    assert f"“{name}” does not hold what its name says" in response.content.decode()
    assert not ReportSubmission.objects.exists()


def test_a_file_over_8_mb_is_refused_with_its_size(client_for, storage, obligation):
    response = _upload(client_for("state_a"), "report.pdf", PDF + b"0" * (8 * 1024 * 1024))
    assert response.status_code == 400
    assert "“report.pdf” is 8.0\xa0MB; a file may be at most 8.0\xa0MB." in response.content.decode()
    assert not ReportSubmission.objects.exists()


def test_a_hostile_file_name_is_shown_back_escaped(client_for, storage, obligation):
    response = _upload(client_for("state_a"), "<img src=x onerror=alert(1)>.exe", b"MZ")
    page = response.content.decode()
    assert "<img src=x onerror=alert(1)>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.exe" in page


def test_the_form_says_what_may_be_attached(client_for, obligation):
    page = client_for("state_a").get(reverse("letters:report-create")).content.decode()
    assert "PDF, Word (.doc, .docx), spreadsheet (.xls, .xlsx, .ods, .csv) or image (.png, .jpg), at most 8 MB." in page
    assert 'accept=".pdf,.doc,.docx,.xls,.xlsx,.ods,.csv,.png,.jpg,.jpeg"' in page
