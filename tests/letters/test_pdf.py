"""The letter PDF as a reader gets it: every character printed, its language and title said,
and a structure a screen reader can follow (read back with pypdf, as a reader's tool would)."""

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from config.dates import long_date
from letters.pdf import letter_pdf, pdf_for_letter
from tests.factories import LetterFactory, StateFactory

NAMES = "Łódź, İstanbul, Hà Nội, Đà Nẵng, Şanlıurfa, Αθήνα, Москва"
LONG_BODY = "\n\n".join(
    f"Paragraph {n}. " + "The Implementation Support Unit thanks the focal point for the report. " * 14
    for n in range(1, 7)
)


def _pdf(**overrides) -> PdfReader:
    arguments = {
        "subject": "Article 7 report for 2025: reminder", "body": f"Dear focal point,\n\nSent to {NAMES}.",
        "language": "en", "state_name": "Türkiye", "reference": "APMBC/Art.7/2025/TR/R7", "when": dt.date(2026, 4, 30),
    }
    return PdfReader(io.BytesIO(letter_pdf(**arguments | overrides)))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _fonts(reader: PdfReader) -> list:
    return [font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()]


def _structure(reader: PdfReader) -> list:
    """The structure elements under /Document, in reading order."""
    root = reader.trailer["/Root"]["/StructTreeRoot"].get_object()
    document = root["/K"].get_object()
    assert document["/S"] == "/Document"
    return [kid.get_object() for kid in document["/K"]]


def test_names_outside_windows_1252_print_and_read_back_as_written():
    text = _text(_pdf())
    for name in NAMES.split(", "):
        assert name in text
    assert "■" not in text


def test_the_font_is_embedded_and_no_base_14_font_is_used():
    fonts = _fonts(_pdf())
    assert fonts
    for font in fonts:
        assert "DejaVuSans" in font["/BaseFont"]
        assert "Helvetica" not in font["/BaseFont"] and "Times" not in font["/BaseFont"]
        assert "/FontFile2" in font["/FontDescriptor"]  # the TrueType program is in the file
        assert "/ToUnicode" in font  # so copying and screen readers get the characters back


@pytest.mark.parametrize("language, subject", [
    ("en", "Article 7 report for 2025: reminder"),
    ("fr", "Rapport au titre de l’article 7 pour 2025 : rappel"),
    ("es", "Informe del artículo 7 de 2025: recordatorio"),
])
def test_the_document_says_its_language_title_and_author(language, subject):
    reader = _pdf(language=language, subject=subject)
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == language
    assert reader.metadata.title == subject
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]  # the viewer shows the title, not a file name
    assert reader.xmp_metadata.dc_title["x-default"] == subject
    assert reader.xmp_metadata.dc_language == [language]


def test_the_author_is_the_secretariat_in_the_letters_language():
    assert _pdf(language="en").metadata.author == "Implementation Support Unit"
    assert _pdf(language="fr").metadata.author == "Unité d'appui à l'application"
    french = _text(_pdf(language="fr"))
    assert "Unité d'appui à l'application" in french and "Implementation Support Unit" not in french


@pytest.mark.parametrize("language, when, expected", [
    ("fr", dt.date(2027, 3, 1), "1er mars 2027"),
    ("es", dt.date(2027, 4, 30), "30 de abril de 2027"),
    # English: whatever the one long-date rule writes, so the letter's date and the dates in its
    # body (rendered with the same `long_date`) never mix two styles.
    ("en", dt.date(2026, 11, 29), long_date(dt.date(2026, 11, 29), "en")),
])
def test_the_date_is_the_locales_long_date(language, when, expected):
    assert expected in _text(_pdf(language=language, when=when))


def test_the_pdf_is_tagged_in_reading_order():
    reader = _pdf(body="Dear focal point,\n\nPlease submit the report.\n\nYours sincerely,")
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]
    types = [element["/S"] for element in _structure(reader)]
    # sender, committee, date, reference, addressee, the subject as heading, three paragraphs
    assert types == ["/P"] * 5 + ["/H1"] + ["/P"] * 3


def test_every_piece_of_text_is_tagged_or_marked_as_page_furniture():
    reader = _pdf(body=LONG_BODY)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        depth, marked_ids = 0, []
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator in (b"BDC", b"BMC"):
                depth += 1
                if operator == b"BDC" and "/MCID" in operands[1]:
                    marked_ids.append(operands[1]["/MCID"])
            elif operator == b"EMC":
                depth -= 1
            elif operator in (b"Tj", b"TJ", b"'", b'"', b"re", b"f"):
                assert depth > 0, f"untagged {operator!r} on page {page.page_number + 1}"
        assert depth == 0
        # the page's entry in the parent tree lists one element per marked-content id
        parent_tree = reader.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
        entry = parent_tree[parent_tree.index(page["/StructParents"]) + 1]
        assert marked_ids == list(range(len(entry)))


def test_a_paragraph_split_over_two_pages_stays_one_element():
    reader = _pdf(body=LONG_BODY)
    paragraphs = [element for element in _structure(reader) if element["/S"] == "/P"][5:]
    assert len(paragraphs) == 6  # one element per paragraph of the body, however the pages fall
    split = [element for element in paragraphs if any(not isinstance(kid, int) for kid in element["/K"])]
    assert len(split) == 1
    pages = [kid.raw_get("/Pg").idnum for kid in split[0]["/K"]]
    assert pages == [reader.pages[0].indirect_reference.idnum, reader.pages[1].indirect_reference.idnum]
    assert "Paragraph 6." in _text(reader)


def test_words_stay_apart_where_lines_wrap():
    reader = _pdf(body=LONG_BODY)
    text = re.sub(r"\s+", " ", _text(reader))
    assert "reportThe" not in text and "theImplementation" not in text
    assert text.count("thanks the focal point for the report.") == 6 * 14


@pytest.mark.django_db
@pytest.mark.parametrize("language, state_name", [("fr", "Ouganda"), ("es", "Uganda"), ("en", "Uganda")])
def test_a_queued_letter_prints_in_its_language(language, state_name):
    letter = LetterFactory(state=StateFactory(code="UG"), language=language, subject="Łódź — İstanbul",
                           body="Hà Nội.\n\nFin.")
    reader = PdfReader(io.BytesIO(pdf_for_letter(letter)))
    text = _text(reader)
    assert state_name in text and "Łódź — İstanbul" in text and "Hà Nội." in text
    assert reader.trailer["/Root"]["/Lang"] == language
    assert reader.metadata.title == "Łódź — İstanbul"
