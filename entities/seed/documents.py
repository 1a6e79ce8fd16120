"""The five source documents, read only to extract the seed data, and citations into them.

A citation is where a fact was found: the document's file name, the first and last line
(1-based, as an editor shows them), the wording that was looked for and, where it helps, the
place in the document's own terms ("footnote 1", "annex I"). Wording is matched word for
word, ignoring only what the text renderings of the documents add around words: line breaks,
list bullets at the start of a line, `*` emphasis marks and HTML tags. A quote broken by a page
break is given as its parts, found one after the other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

A4P = "a4p-2020-security-council-briefing.txt"
APMBC = "apmbc-15msp-2016-cooperation-assistance-committee.txt"
CASA = "casa-2009-project-proposal.txt"
MASG = "masg-2020-ied-task-force-update.txt"
SG = "sg-report-2017-small-arms-S-2017-1025.txt"
DOCUMENT_FILES = (A4P, APMBC, CASA, MASG, SG)

PART_SEPARATOR = " […] "

_BULLET = re.compile(r"^\s*(?:[-•·◦]\s+)+")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Cite:
    """Where a curated record comes from, written beside the record as its `source`: the
    extractor turns it into a citation (SeedDocuments.cite_record)."""

    document: str
    quotes: tuple = ()
    verbatim: tuple[str, ...] = ()
    place: str | None = None
    note: str | None = None


class QuoteNotFound(LookupError):
    """A fact's wording is not in its document: the document changed, or the fact is wrong."""


def _words(text: str) -> list[str]:
    return _TAG.sub(" ", text).replace("*", "").split()


class SeedDocument:
    def __init__(self, name: str, text: str):
        self.name = name
        self.text = text
        self.lines = text.splitlines()

    @cached_property
    def _flat(self) -> tuple[str, list[int], list[int]]:
        """The document as one line of words, with the offset where each source line starts."""
        parts: list[str] = []
        offsets: list[int] = []
        numbers: list[int] = []
        length = 0
        for number, line in enumerate(self.lines, start=1):
            words = _words(_BULLET.sub("", line))
            if not words:
                continue
            chunk = " ".join(words) + " "
            offsets.append(length)
            numbers.append(number)
            parts.append(chunk)
            length += len(chunk)
        return "".join(parts), offsets, numbers

    def _line_at(self, offset: int) -> int:
        _flat, offsets, numbers = self._flat
        return numbers[bisect_right(offsets, offset) - 1]

    def _search(self, quote: str, start: int) -> re.Match | None:
        wanted = " ".join(_words(quote))
        if not wanted:
            raise ValueError("an empty quote")
        before = r"(?<![\w-])" if re.match(r"\w", wanted) else ""
        after = r"(?![\w-])" if re.search(r"\w$", wanted) else ""
        return re.compile(before + re.escape(wanted) + after).search(self._flat[0], start)

    def locate(self, *parts: str, after: str | None = None) -> tuple[int, int, int] | None:
        """(offset, first line, last line) of the quote, its parts in order, or None."""
        position = 0
        if after is not None:
            anchor = self._search(after, 0)
            if anchor is None:
                return None
            position = anchor.end()
        start = first = last = None
        for part in parts:
            match = self._search(part, position)
            if match is None:
                return None
            if start is None:
                start, first = match.start(), self._line_at(match.start())
            last = self._line_at(match.end() - 1)
            position = match.end()
        return start, first, last

    def find(self, *parts: str, after: str | None = None) -> tuple[int, int]:
        """First and last line of the quote; raises QuoteNotFound naming the document and wording."""
        found = self.locate(*parts, after=after)
        if found is None:
            where = f" after “{after}”" if after else ""
            raise QuoteNotFound(f"{self.name}: “{PART_SEPARATOR.join(parts)}” not found{where}")
        return found[1], found[2]


class SeedDocuments:
    """The folder holding the five documents; each is read once, when first needed."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        missing = [name for name in DOCUMENT_FILES if not (self.folder / name).is_file()]
        if missing:
            raise FileNotFoundError(f"Seed documents missing in {self.folder}: {', '.join(missing)}")
        self._read: dict[str, SeedDocument] = {}

    def __getitem__(self, name: str) -> SeedDocument:
        if name not in DOCUMENT_FILES:
            raise KeyError(f"{name} is not one of the seed documents")
        if name not in self._read:
            self._read[name] = SeedDocument(name, (self.folder / name).read_text(encoding="utf-8"))
        return self._read[name]

    def cite(
        self, name: str, *parts: str, after: str | None = None, place: str | None = None, note: str | None = None
    ) -> dict:
        """The citation of a quote; raises QuoteNotFound, naming document and wording, if it is not there."""
        first, last = self[name].find(*parts, after=after)
        citation = {"document": name, "lines": [first, last], "quote": PART_SEPARATOR.join(parts)}
        if place:
            citation["place"] = place
        if note:
            citation["note"] = note
        return citation

    def cite_record(
        self, name: str, record: dict, *, quotes: tuple = (), verbatim: tuple[str, ...] = (),
        place: str | None = None, note: str | None = None,
    ) -> dict:
        """The citation of a curated record: each quote (a string, or a tuple of parts cut by a
        page break) and the value of each `verbatim` field must be in the document; the lines
        run from the first to the last of them."""
        spans = []
        for quote in quotes:
            spans.append(self[name].find(*((quote,) if isinstance(quote, str) else quote)))
        for field in verbatim:
            found = self[name].locate(record[field])
            if found is None:
                raise QuoteNotFound(f"{name}: the {field} “{record[field]}” is not the document's wording")
            spans.append(found[1:])
        if not spans:
            raise ValueError("a citation needs a quote or a verbatim field")
        citation = {"document": name, "lines": [min(first for first, _ in spans), max(last for _, last in spans)]}
        if quotes:
            citation["quote"] = PART_SEPARATOR.join(q if isinstance(q, str) else PART_SEPARATOR.join(q) for q in quotes)
        if verbatim:
            citation["verbatim"] = list(verbatim)
        if place:
            citation["place"] = place
        if note:
            citation["note"] = note
        return citation

    def cite_first(self, name: str, wordings: list[tuple[str, ...]], *, what: str) -> dict:
        """The citation of whichever wording comes first in the document (an acronym, a name...)."""
        found = [(hit, parts) for parts in wordings if (hit := self[name].locate(*parts)) is not None]
        if not found:
            tried = ", ".join(f"“{PART_SEPARATOR.join(parts)}”" for parts in wordings)
            raise QuoteNotFound(f"{name}: {what} is not named there (looked for {tried})")
        (_start, first, last), parts = min(found)
        return {"document": name, "lines": [first, last], "quote": PART_SEPARATOR.join(parts)}

    def cite_lines(self, name: str, first: int, last: int, *, place: str | None = None) -> dict:
        """The citation of lines a parser read (no quote: the record holds what was read)."""
        citation = {"document": name, "lines": [first, last]}
        if place:
            citation["place"] = place
        return citation

    def resolve(self, value):
        """A copy of curated records with every Cite replaced by its citation."""
        if isinstance(value, list | tuple):
            return [self.resolve(item) for item in value]
        if isinstance(value, dict):
            return {
                key: self.cite_record(
                    item.document, value, quotes=item.quotes, verbatim=item.verbatim, place=item.place, note=item.note,
                ) if isinstance(item, Cite) else self.resolve(item)
                for key, item in value.items()
            }
        if isinstance(value, str):
            return str(value)  # a TextChoices member becomes its plain value
        return value
