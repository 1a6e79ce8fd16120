"""The five documents the seed data comes from, by title and symbol: what a reader sees as a
record's source, never the file name the extractors read ("casa-2009-project-proposal.txt").

Records loaded from the seed store their source as "<file> — <details>"; `source_display`
puts the document's title (and symbol, where the document has one) in place of the file
name. Titles are the documents' own wording, in English: they have no official translation.
"""

from __future__ import annotations

from dataclasses import dataclass

from .seed.documents import A4P, APMBC, CASA, MASG, SG


@dataclass(frozen=True)
class SourceDocument:
    title: str
    symbol: str = ""

    def __str__(self) -> str:
        return f"{self.title} ({self.symbol})" if self.symbol else self.title


SEED_DOCUMENTS: dict[str, SourceDocument] = {
    SG: SourceDocument("Small arms and light weapons: report of the Secretary-General, 6 December 2017", "S/2017/1025"),
    APMBC: SourceDocument(
        "Cooperation and Assistance: conclusions and recommendations related to the mandate of the Committee on "
        "the Enhancement of Cooperation and Assistance, Fifteenth Meeting of the States Parties, 19 October 2016"
    ),
    CASA: SourceDocument("Project: The UN Coordinating Action on Small Arms (CASA mechanism), 2009"),
    MASG: SourceDocument("Mine Action Support Group, Open Session, 12 February 2020"),
    A4P: SourceDocument("Security Council briefing on Action for Peacekeeping, 14 September 2020"),
}

SEPARATOR = " — "


def source_display(text: str) -> str:
    """A stored source in words: the file name becomes the document's title and symbol; the
    details after it are kept unless they only repeat the title."""
    if not text:
        return text
    for name, document in SEED_DOCUMENTS.items():
        if name not in text:
            continue
        head, _, rest = text.partition(name)
        rest = rest.removeprefix(SEPARATOR).removeprefix(",").strip()
        if rest and rest.casefold() not in document.title.casefold():
            return f"{head}{document}{SEPARATOR}{rest}"
        return f"{head}{document}"
    return text


__all__ = ["SEED_DOCUMENTS", "SourceDocument", "source_display"]
