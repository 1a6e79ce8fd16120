"""The letter as a PDF on the secretariat's letterhead (reportlab, built-in fonts)."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

_STYLES = getSampleStyleSheet()
_BODY = ParagraphStyle("body", parent=_STYLES["Normal"], fontName="Helvetica", fontSize=10.5, leading=14, spaceAfter=8)
_SUBJECT = ParagraphStyle("subject", parent=_BODY, fontName="Helvetica-Bold", spaceAfter=12)
_META = ParagraphStyle("meta", parent=_BODY, fontSize=9, textColor=colors.HexColor("#444444"), spaceAfter=2)


def _letterhead(canvas, doc) -> None:
    width, height = A4
    canvas.saveState()
    canvas.setFillColor(colors.HexColor("#0b4f8a"))
    canvas.rect(0, height - 28 * mm, width, 28 * mm, stroke=0, fill=1)
    canvas.setFillColor(colors.white)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(20 * mm, height - 14 * mm, settings.LETTERS_SECRETARIAT)
    canvas.setFont("Helvetica", 9)
    canvas.drawString(20 * mm, height - 21 * mm, doc.letterhead_subtitle)
    canvas.setFillColor(colors.HexColor("#444444"))
    canvas.setFont("Helvetica", 8)
    canvas.drawString(20 * mm, 12 * mm, doc.letterhead_footer)
    canvas.restoreState()


def letter_pdf(*, subject: str, body: str, language: str, state_name: str = "", reference: str = "", when=None) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=38 * mm, bottomMargin=22 * mm,
        title=subject, author=settings.LETTERS_SECRETARIAT,
    )
    with translation.override(language):
        doc.letterhead_subtitle = str(translation.gettext("Committee on the Enhancement of Cooperation and Assistance"))
        doc.letterhead_footer = reference
        dated = date_format(when or timezone.now(), "DATE_FORMAT")
    story = [Paragraph(escape(dated), _META)]
    if state_name:
        story.append(Paragraph(escape(state_name), _META))
    story += [Spacer(1, 6 * mm), Paragraph(escape(subject), _SUBJECT)]
    for paragraph in body.split("\n\n"):
        story.append(Paragraph(escape(paragraph).replace("\n", "<br/>"), _BODY))
    doc.build(story, onFirstPage=_letterhead, onLaterPages=_letterhead)
    return buffer.getvalue()


def pdf_for_letter(letter) -> bytes:
    with translation.override(letter.language):
        state_name = str(letter.state) if letter.state_id else ""
    return letter_pdf(
        subject=letter.subject, body=letter.body, language=letter.language, state_name=state_name,
        reference=letter.key, when=letter.created_at,
    )


def pdf_filename(letter) -> str:
    stem = "-".join(part for part in (letter.purpose, letter.state.code.code if letter.state_id else "", str(letter.period or ""), letter.stage) if part)
    return f"{stem or 'letter'}.pdf"


def letter_attachments(letter) -> list[tuple[str, bytes, str]]:
    """The attachments builder of the reminder and campaign letters: the letter as a PDF."""
    return [(pdf_filename(letter), pdf_for_letter(letter), "application/pdf")]
