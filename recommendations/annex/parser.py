"""A faithful reader of annex I of S/2017/1025.

The seed is a text rendering of a PDF table: one line per table row, cells separated by
tabs (reference, text of recommendation, entity, action). The layout noise it carries and what
this reader does with it:

* page-break header rows (`<i>Recommendation</i>...`, `<i>Reference</i>...`): skipped;
* thematic cluster headings (a row with only its first cell filled): set the cluster of the
  rows that follow;
* split rows: a row whose reference cell is empty continues the previous row after a page
  break. Its text cell continues the recommendation text (a new paragraph when the previous
  text ended a sentence, otherwise the same sentence); its entity cell, when filled, opens a
  new addressee under the same recommendation; its action cell continues the actions of the
  last addressee (a new bullet is a new action, bare text continues the last action);
* HTML fragments: `<ul ...>` (never closed in the source) only announces bullets and is
  dropped; `<p>...</p>` delimits paragraphs; `<br>` is a line break;
* bullets: each `•` bullet is one action; `◦` sub-bullets belong to the bullet above them and
  stay in its text, one per line; a `<p>` paragraph in an action cell is one action; a cell
  with neither is one action;
* an entity cell holding several `<p>` addressees (S/2013/503, recommendation 11) is paired
  block by block with the action cell: the n-th paragraph or bullet list goes to the n-th
  addressee. Anything else that does not pair up is an error, never a guess.
"""

import html
import re
from dataclasses import dataclass, field

TABLE_START = "Reference\tRecommendation"
TABLE_END = "Abbreviations:"
SUB_BULLET = "◦"
BULLET = "•"

_REFERENCE = re.compile(r"^\s*(S/\d{4}/\d+)\s*,\s*recommendation\s+(\d+)\s*$")
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_UL = re.compile(r"<ul\b[^>]*>|</ul>")
_BR = re.compile(r"<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")


class AnnexFormatError(ValueError):
    """The annex does not have the shape this reader knows; the message names the line."""


@dataclass(frozen=True)
class ParsedReference:
    report: str
    number: int

    def __str__(self) -> str:
        return f"{self.report}, recommendation {self.number}"


@dataclass
class ParsedAction:
    addressee: str
    text: str
    line: int = 0  # first and last line of the document the action was read from
    last_line: int = 0


@dataclass
class ParsedRecommendation:
    cluster: str
    references: list[ParsedReference]
    paragraphs: list[str]
    actions: list[ParsedAction] = field(default_factory=list)
    line: int = 0  # first and last line of the document the row was read from
    last_line: int = 0
    cluster_line: int = 0  # the line of its thematic heading

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    def actions_for(self, addressee: str) -> list[ParsedAction]:
        return [a for a in self.actions if a.addressee == addressee]


def clean(fragment: str) -> str:
    """Plain text of a cell fragment: tags dropped, entities decoded, spaces collapsed."""
    text = _BR.sub("\n", fragment)
    text = _TAG.sub(" ", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def parse_references(cell: str, *, line: int) -> list[ParsedReference]:
    references = []
    for part in cell.split(";"):
        match = _REFERENCE.match(part)
        if not match:
            raise AnnexFormatError(f"line {line}: cannot read the reference {part.strip()!r}")
        references.append(ParsedReference(report=match.group(1), number=int(match.group(2))))
    return references


def split_paragraphs(cell: str) -> list[str]:
    """The `<p>` paragraphs of a cell, or the whole cell as one paragraph."""
    found = [clean(p) for p in _PARAGRAPH.findall(cell)]
    found = [p for p in found if p]
    if found:
        return found
    text = clean(cell)
    return [text] if text else []


@dataclass
class _Block:
    """A run of an action cell: a `<p>` paragraph, a bullet list, or bare text."""

    kind: str  # "paragraph" | "bullets" | "text"
    items: list[str]


def split_action_blocks(cell: str) -> list[_Block]:
    blocks: list[_Block] = []
    position = 0
    cell = _UL.sub(" ", cell)
    for match in _PARAGRAPH.finditer(cell):
        blocks.extend(_loose_blocks(cell[position:match.start()]))
        text = clean(match.group(1))
        if text:
            blocks.append(_Block("paragraph", [text]))
        position = match.end()
    blocks.extend(_loose_blocks(cell[position:]))
    return blocks


def _loose_blocks(fragment: str) -> list[_Block]:
    """Text outside `<p>`: optional bare text, then `•` bullets with their `◦` sub-bullets."""
    head, *bullets = fragment.split(BULLET)
    blocks = []
    if clean(head):
        blocks.append(_Block("text", [_with_sub_bullets(head)]))
    items = [_with_sub_bullets(b) for b in bullets if clean(b)]
    if items:
        blocks.append(_Block("bullets", items))
    return blocks


def _with_sub_bullets(bullet: str) -> str:
    head, *subs = bullet.split(SUB_BULLET)
    lines = [clean(head)] + [f"{SUB_BULLET} {clean(s)}" for s in subs if clean(s)]
    return "\n".join(line for line in lines if line.strip(SUB_BULLET + " "))


def _block_actions(block: _Block) -> list[str]:
    return list(block.items)


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?", "”", '"', ")"))


def _annex_lines(document: str) -> list[tuple[int, str]]:
    lines = document.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.startswith(TABLE_START))
        end = next(i for i in range(start, len(lines)) if lines[i].startswith(TABLE_END))
    except StopIteration:
        raise AnnexFormatError("annex I table not found (no 'Reference\\tRecommendation' header)") from None
    return [(number + 1, lines[number]) for number in range(start + 1, end)]


def parse_annex(document: str) -> list[ParsedRecommendation]:
    """Every row of the annex I table, in order, with its cluster, references, text and actions."""
    rows: list[ParsedRecommendation] = []
    cluster = ""
    cluster_line = 0
    current_addressee = ""
    for number, line in _annex_lines(document):
        if not line.strip() or line.lstrip().startswith("<i>"):
            continue
        cells = (line.split("\t") + ["", "", "", ""])[:4]
        reference, text, entity, action = (c.strip() for c in cells)
        if text == "Text of recommendation":
            continue  # second line of the table's own header
        if reference and not (text or entity or action) and not _REFERENCE.match(reference.split(";")[0]):
            cluster, cluster_line = clean(reference), number
            continue
        if reference:
            if not cluster:
                raise AnnexFormatError(f"line {number}: a recommendation before any thematic heading")
            row = ParsedRecommendation(
                cluster=cluster, references=parse_references(reference, line=number),
                paragraphs=split_paragraphs(text), line=number, cluster_line=cluster_line,
            )
            rows.append(row)
            current_addressee = ""
        else:
            if not rows:
                raise AnnexFormatError(f"line {number}: a continuation row before any recommendation")
            row = rows[-1]
            _continue_text(row, split_paragraphs(text))
        row.last_line = number
        current_addressee = _add_actions(row, entity, action, current_addressee, line=number)
    return rows


def _continue_text(row: ParsedRecommendation, paragraphs: list[str]) -> None:
    if not paragraphs:
        return
    if row.paragraphs and not _ends_sentence(row.paragraphs[-1]):
        row.paragraphs[-1] = f"{row.paragraphs[-1]} {paragraphs[0]}"
        paragraphs = paragraphs[1:]
    row.paragraphs.extend(paragraphs)


def _add_actions(row: ParsedRecommendation, entity_cell: str, action_cell: str, addressee: str, *, line: int) -> str:
    """Adds the actions of one table line to `row`; returns the addressee now in force."""
    addressees = split_paragraphs(entity_cell)
    blocks = split_action_blocks(action_cell)
    if not addressees:
        if not blocks:
            return addressee
        if not addressee:
            raise AnnexFormatError(f"line {line}: actions without an addressee")
        if blocks[0].kind == "text" and row.actions:
            # Bare text after a page break finishes the previous action's sentence.
            row.actions[-1].text = f"{row.actions[-1].text} {blocks[0].items[0]}"
            row.actions[-1].last_line = line
            blocks = blocks[1:]
        for block in blocks:
            row.actions.extend(ParsedAction(addressee, text, line, line) for text in _block_actions(block))
        return addressee
    if not blocks:
        raise AnnexFormatError(f"line {line}: addressee {addressees!r} without any action")
    if len(addressees) == 1:
        for block in blocks:
            row.actions.extend(ParsedAction(addressees[0], text, line, line) for text in _block_actions(block))
        return addressees[0]
    if len(addressees) != len(blocks):
        raise AnnexFormatError(
            f"line {line}: {len(addressees)} addressees but {len(blocks)} action blocks; cannot pair them"
        )
    for name, block in zip(addressees, blocks, strict=True):
        row.actions.extend(ParsedAction(name, text, line, line) for text in _block_actions(block))
    return addressees[-1]
