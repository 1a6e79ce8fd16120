"""The report of an individualised-approach meeting, as a PDF produced from its record.

Annex IV (c): "With the support of the Secretariat the Chair and Co-chair will prepare a
report of the meeting", to be presented at the Intersessional Meetings or the Meeting of the
States Parties. This is the draft they start from: everything recorded, in the annex's order.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

from taskforce.services.individualised import CAPACITY_ORDER


def _p(text, style):
    return Paragraph(escape(str(text)).replace("\n", "<br/>"), style)


def individualised_approach_report(meeting) -> bytes:
    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Title"], styles["Heading2"]
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=20 * mm,
        title=meeting.title, author=_("Committee on the Enhancement of Cooperation and Assistance"), pageCompression=0,
    )
    story = [_p(_("Report of the individualised-approach meeting"), h1), _p(meeting.title, styles["Heading1"])]
    facts = [
        (_("Requesting State Party"), meeting.requested_by.name if meeting.requested_by else "—"),
        (_("Date"), formats.date_format(meeting.date, "DATE_FORMAT")),
        (_("Place"), meeting.place or "—"),
        (_("Status"), meeting.get_status_display()),
        (_("To be presented at"), meeting.get_report_for_display() or "—"),
    ]
    for label, value in facts:
        story.append(_p(f"{label}: {value}", body))
    story.append(Spacer(1, 6 * mm))

    story.append(_p(_("Participants"), h2))
    participants = sorted(meeting.participants.all(), key=lambda p: (CAPACITY_ORDER.get(p.capacity, 99), str(p.party)))
    story.append(ListFlowable(
        [ListItem(_p(f"{p.party} — {p.get_role_display()}" + (f" ({p.get_capacity_display()})" if p.capacity else ""), body))
         for p in participants] or [ListItem(_p("—", body))],
        bulletType="bullet",
    ))
    if meeting.summary:
        story += [_p(_("Current status of implementation and challenges"), h2), _p(meeting.summary, body)]

    story.append(_p(_("Process"), h2))
    for check in meeting.process_checks.all():
        mark = "[x]" if check.done else "[ ]"
        story.append(_p(f"{mark} {check.get_step_display()}", body))
        if check.note:
            story.append(_p(check.note, styles["Italic"]))
    decisions = list(meeting.decisions.all())
    if decisions:
        story += [_p(_("Outcomes"), h2), ListFlowable([ListItem(_p(d.text, body)) for d in decisions], bulletType="1")]
    items = list(meeting.action_items.all())
    if items:
        story.append(_p(_("Follow-up"), h2))
        story.append(ListFlowable(
            [ListItem(_p(f"{i.text} — {i.owner}" + (f", {formats.date_format(i.due_on, 'DATE_FORMAT')}" if i.due_on else ""), body))
             for i in items], bulletType="bullet",
        ))
    story += [
        Spacer(1, 8 * mm),
        _p(_("Prepared by the Chair and Co-chair with the support of the Secretariat, from the meeting's record "
             "of %(date)s.") % {"date": formats.date_format(timezone.localdate(), "DATE_FORMAT")}, styles["Italic"]),
    ]
    doc.build(story)
    return buffer.getvalue()
