"""The notes the seed data writes (facts.py), shown in the reader's language.

A membership, a participant or a meeting date loaded from the documents carries a short note
the project wrote ("Convened the meeting."), stored in English like any note a person types.
The stored English text is the catalogue's msgid: a note equal to one of these is shown
translated; any other note (typed by staff) is shown as it was written. Wording quoted from a
document (“late January”) stays in the document's English, marked as such.
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, gettext_noop

CURATED_NOTES = frozenset({
    gettext_noop("Listed among the 21 CASA participants in 2009."),
    gettext_noop("Leads the task force (Agenda for Disarmament, Action 18)."),
    gettext_noop("Convened the meeting."),
    gettext_noop("Gave the thematic update."),
    gettext_noop("Thematic Update at 12.00 (the source gives no time zone)."),
    gettext_noop("Member when the Committee submitted its conclusions to the 15MSP (19 October 2016)."),
    gettext_noop("The Under-Secretary-General for Peace Operations briefed the Council."),
    gettext_noop("Spoke also for Niger, Tunisia and Saint Vincent and the Grenadines."),
    gettext_noop("Represented by South Africa's statement."),
})

# A date the document gives only in words: its wording, quoted, and the year stored.
UNDATED_DAY = re.compile(r"^“(?P<wording>[^”]+)” (?P<year>\d{4}): the source gives no day\.$")
UNDATED_DAY_TEXT = gettext_noop("“%(wording)s” %(year)s: the source gives no day.")


def note_html(text: str) -> SafeString:
    """`text` in the active language when it is one of the seed's notes, else as stored."""
    text = text or ""
    if text in CURATED_NOTES:
        return escape(gettext(text))
    undated = UNDATED_DAY.match(text)
    if undated:
        quoted = format_html('<span lang="en">{}</span>', undated["wording"])
        # The catalogue's sentence is escaped, then its two placeholders filled by format_html
        # (the quoted wording is already escaped and marked, the year is escaped).
        sentence = escape(gettext(UNDATED_DAY_TEXT)).replace("{", "{{").replace("}", "}}")
        sentence = sentence.replace("%(wording)s", "{wording}").replace("%(year)s", "{year}")
        return format_html(sentence, wording=quoted, year=undated["year"])
    return escape(text)
