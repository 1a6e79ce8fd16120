"""The letter as a PDF on the secretariat's letterhead, readable by every reader.

Two things make it so:

* The text is set in DejaVu Sans, shipped in `letters/fonts/` with its licence and embedded
  (subset) in every PDF. It covers Latin Extended A/B, Vietnamese, Turkish, Greek and Cyrillic,
  so "Łódź", "İstanbul" or "Hà Nội" print as written; reportlab's built-in Helvetica is
  limited to Windows-1252 and printed black squares for the rest.
* The PDF is tagged: the document says its language (/Lang) and title (shown in the viewer's
  title bar), and a structure tree gives screen readers the reading order — letterhead, date,
  reference, addressee, the subject as a heading, then the paragraphs — while the letterhead
  band and the page footer are marked as page furniture (artifacts).

reportlab writes /Lang, the title and the viewer preferences itself but has no structure tree,
so `_TaggedCanvas` records one while the letter is drawn (each paragraph inside a marked-content
sequence with its MCID) and writes it with reportlab's own PDF objects when the file is saved.
"""

from __future__ import annotations

import io
import unicodedata
from contextlib import contextmanager, nullcontext
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from reportlab.lib import colors
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from config.dates import long_date
from letters.secretariat import secretariat_name

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


def _register_fonts() -> None:
    """Register the shipped fonts once per process (reportlab keeps a global registry)."""
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    # <b> inside a paragraph picks the bold face; there is no italic face, so italic stays
    # upright. The upright mappings come last: reportlab reads a face's style from its last one.
    for bold, italic, face in ((0, 1, FONT), (1, 1, FONT_BOLD), (0, 0, FONT), (1, 0, FONT_BOLD)):
        addMapping(FONT, bold, italic, face)


_register_fonts()

_STYLES = getSampleStyleSheet()
_BODY = ParagraphStyle("body", parent=_STYLES["Normal"], fontName=FONT, fontSize=10.5, leading=14, spaceAfter=8)
_SUBJECT = ParagraphStyle("subject", parent=_BODY, fontName=FONT_BOLD, spaceAfter=12)
_META = ParagraphStyle("meta", parent=_BODY, fontSize=9, textColor=colors.HexColor("#444444"), spaceAfter=2)


def _text(value: str) -> str:
    """Composed characters, so "a" + combining grave prints as the font's own "à"."""
    return unicodedata.normalize("NFC", value)


class _TaggedCanvas(Canvas):
    """A canvas that records the structure tree of what is drawn and writes it on save.

    `tag` wraps content in a marked-content sequence (`/P <</MCID n>> BDC … EMC`) and notes which
    structure element it belongs to; a paragraph split over two pages keeps one element with a
    part on each page. `artifact` marks page furniture that screen readers skip. Elements enter
    the tree in the order they are first drawn, which is the reading order.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._elements: list[dict] = []  # {"type": "P", "parts": [(page index, mcid), …]}
        self._by_key: dict[object, dict] = {}
        self._page_mcids: list[dict] = []  # the element of each MCID on the current page
        self._parent_tree: list[list[dict]] = []  # the same, one list per finished page

    @contextmanager
    def tag(self, struct_type: str, key: object = None):
        """Draw inside a structure element; the same `key` continues an element (a split paragraph)."""
        element = self._by_key.get(key) if key is not None else None
        if element is None:
            element = {"type": struct_type, "parts": []}
            self._elements.append(element)
            if key is not None:
                self._by_key[key] = element
        mcid = len(self._page_mcids)
        self._page_mcids.append(element)
        element["parts"].append((len(self._parent_tree), mcid))
        self.addLiteral(f"/{struct_type} <</MCID {mcid}>> BDC")
        yield
        self.addLiteral("EMC")

    @contextmanager
    def artifact(self, subtype: str):
        """Draw page furniture (the letterhead band, the footer), which screen readers skip."""
        self.addLiteral(f"/Artifact <</Type /Pagination /Subtype /{subtype}>> BDC")
        yield
        self.addLiteral("EMC")

    def showPage(self):
        self._parent_tree.append(self._page_mcids)
        self._page_mcids = []
        super().showPage()

    def _setAnnotations(self, page):
        # The one hook showPage calls with the new page object: link the page to its entry in
        # the parent tree, and keep the tab order on the structure (PDF/UA asks for both).
        super()._setAnnotations(page)
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        page.StructParents = len(self._parent_tree) - 1
        page.Tabs = pdfdoc.PDFName("S")

    def save(self):
        if len(self._code):
            self.showPage()
        self._write_structure_tree()
        super().save()

    def _write_structure_tree(self) -> None:
        document = self._doc

        def page(index: int):
            return pdfdoc.PDFObjectReference(f"Page{index + 1}")  # reportlab's names for pages

        root = pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("StructTreeRoot")})
        root_ref = document.Reference(root)
        top = pdfdoc.PDFDictionary(
            {"Type": pdfdoc.PDFName("StructElem"), "S": pdfdoc.PDFName("Document"), "P": root_ref}
        )
        top_ref = document.Reference(top)
        refs = {}
        for element in self._elements:
            parts = element["parts"]
            first_page = parts[0][0]
            if all(index == first_page for index, _ in parts):
                kids = pdfdoc.PDFArray([mcid for _, mcid in parts])
            else:  # split over pages: each part names its page
                kids = pdfdoc.PDFArray([
                    pdfdoc.PDFDictionary({"Type": pdfdoc.PDFName("MCR"), "Pg": page(index), "MCID": mcid})
                    for index, mcid in parts
                ])
            node = pdfdoc.PDFDictionary({
                "Type": pdfdoc.PDFName("StructElem"), "S": pdfdoc.PDFName(element["type"]),
                "P": top_ref, "Pg": page(first_page), "K": kids,
            })
            refs[id(element)] = document.Reference(node)
        top["K"] = pdfdoc.PDFArray(list(refs.values()))
        numbers = []
        for index, mcids in enumerate(self._parent_tree):
            numbers += [index, pdfdoc.PDFArray([refs[id(element)] for element in mcids])]
        root["K"] = top_ref
        parent_tree = pdfdoc.PDFDictionary({"Nums": pdfdoc.PDFArray(numbers)})
        root["ParentTree"] = document.Reference(parent_tree)
        root["ParentTreeNextKey"] = len(self._parent_tree)
        self.setCatalogEntry("StructTreeRoot", root)
        self.setCatalogEntry("MarkInfo", pdfdoc.PDFDictionary({"Marked": "true"}))
        self.setViewerPreference("DisplayDocTitle", "true")


class _TaggedParagraph(Paragraph):
    """A paragraph drawn inside its own structure element (P, or H1 for the subject)."""

    def __init__(self, text, style, *args, struct_type: str = "P", **kwargs):
        super().__init__(text, style, *args, **kwargs)
        self.struct_type = struct_type
        self.struct_key = object()

    def draw(self):
        # reportlab drops the space where it wraps a line (and a <br/> has none); draw one at the
        # end of every line but the last, where it is invisible, so the text a screen reader or
        # a copy gets keeps the words apart ("the report", not "thereport"). Only the drawing
        # gets it: the wrapped lines themselves stay as they are, for splitting across pages.
        wrapped = self.blPara
        lines = [*map(_with_end_space, wrapped.lines[:-1]), *wrapped.lines[-1:]]
        self.blPara = wrapped.clone(lines=lines)
        try:
            super().draw()
        finally:
            self.blPara = wrapped

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        for part in parts:  # both halves belong to the same element
            part.struct_type, part.struct_key = self.struct_type, self.struct_key
        return parts

    def drawOn(self, canvas, x, y, _sW=0):
        tagged = isinstance(canvas, _TaggedCanvas)
        with canvas.tag(self.struct_type, self.struct_key) if tagged else nullcontext():
            super().drawOn(canvas, x, y, _sW)


def _with_end_space(line):
    """A wrapped line of a paragraph with a space after its last word."""
    if isinstance(line, tuple):  # plain text: (extra space, words), drawn as " ".join(words)
        return (line[0], [*line[1], ""])
    words = list(line.words)  # fragments of styled text
    last = next((i for i in range(len(words) - 1, -1, -1) if getattr(words[i], "text", "")), None)
    if last is not None and not words[last].text.endswith(" "):
        words[last] = words[last].clone(text=words[last].text + " ")
    return line.clone(words=words)


def _paragraph(text: str, style: ParagraphStyle, struct_type: str = "P") -> _TaggedParagraph:
    markup = escape(_text(text)).replace("\n", "<br/>")
    return _TaggedParagraph(markup, style, struct_type=struct_type)


def _xmp(*, title: str, author: str, language: str):
    """XMP metadata with the title and language (PDF/UA readers look for dc:title there)."""
    title, author = escape(title), escape(author)

    def packet(_document) -> bytes:  # bytes: a str would be re-encoded as PDFDocEncoding
        return (
            '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
            '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
            f"<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>"
            f"<dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>"
            "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
            '<?xpacket end="w"?>'
        ).encode()

    return pdfdoc.XMP(creator=packet)


def _letterhead(canvas: _TaggedCanvas, doc) -> None:
    width, height = A4
    # The sender's name and committee are read once, on page 1; the band, their repetition on
    # later pages and the footer are page furniture.
    first_page = canvas.getPageNumber() == 1
    canvas.saveState()
    with canvas.artifact("Header"):
        canvas.setFillColor(colors.HexColor("#0b4f8a"))
        canvas.rect(0, height - 28 * mm, width, 28 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    lines = ((doc.letterhead_title, FONT_BOLD, 14, 14), (doc.letterhead_subtitle, FONT, 9, 21))
    for text, font, size, y in lines:
        with canvas.tag("P") if first_page else canvas.artifact("Header"):
            canvas.setFont(font, size)
            canvas.drawString(20 * mm, height - y * mm, text)
    with canvas.artifact("Footer"):
        canvas.setFillColor(colors.HexColor("#444444"))
        canvas.setFont(FONT, 8)
        canvas.drawString(20 * mm, 12 * mm, doc.letterhead_footer)
    canvas.restoreState()


def letter_pdf(
    *, subject: str, body: str, language: str, state_name: str = "", reference: str = "", when=None,
) -> bytes:
    """The letter as PDF bytes: embedded fonts, /Lang `language`, the subject as title, tagged."""
    buffer = io.BytesIO()
    subject, author = _text(subject), _text(secretariat_name(language))
    doc = SimpleDocTemplate(
        buffer, pagesize=A4,
        leftMargin=20 * mm, rightMargin=20 * mm, topMargin=38 * mm, bottomMargin=22 * mm,
        title=subject, subject=subject, author=author, creator=author, lang=language,
        initialFontName=FONT,
    )
    with translation.override(language):
        doc.letterhead_title = author
        doc.letterhead_subtitle = _text(
            translation.gettext("Committee on the Enhancement of Cooperation and Assistance")
        )
        doc.letterhead_footer = _text(reference)
        dated = long_date(when or timezone.now(), language)  # "30 April 2026", "1er mars 2027"
        labelled_reference = translation.gettext("Reference: %(reference)s") % {
            "reference": reference
        }
    story = [_paragraph(dated, _META)]
    if reference:
        story.append(_paragraph(labelled_reference, _META))
    if state_name:
        story.append(_paragraph(state_name, _META))
    story += [Spacer(1, 6 * mm), _paragraph(subject, _SUBJECT, struct_type="H1")]
    for paragraph in body.split("\n\n"):
        if paragraph.strip():
            story.append(_paragraph(paragraph, _BODY))

    def canvas(*args, **kwargs):
        tagged = _TaggedCanvas(*args, **kwargs)
        tagged.setCatalogEntry("Metadata", _xmp(title=subject, author=author, language=language))
        return tagged

    doc.build(story, onFirstPage=_letterhead, onLaterPages=_letterhead, canvasmaker=canvas)
    return buffer.getvalue()


def pdf_for_letter(letter) -> bytes:
    with translation.override(letter.language):
        state_name = str(letter.state) if letter.state_id else ""
    return letter_pdf(
        subject=letter.subject, body=letter.body, language=letter.language, state_name=state_name,
        reference=letter.reference, when=letter.created_at,
    )


def pdf_filename(letter) -> str:
    stem = "-".join(part for part in (letter.purpose, letter.state.code.code if letter.state_id else "", str(letter.period or ""), letter.stage) if part)
    return f"{stem or 'letter'}.pdf"


def letter_attachments(letter) -> list[tuple[str, bytes, str]]:
    """The attachments builder of the reminder and campaign letters: the letter as a PDF."""
    return [(pdf_filename(letter), pdf_for_letter(letter), "application/pdf")]
