"""Cleaned lines and wrapped-paragraph blocks, each remembering its source lines.

Converters leave their marks on published text (Markdown emphasis, inline
HTML cells, bullets, PDF wrapping). The parser reads `Line` and `Block`
objects with that noise removed, while every one keeps the 1-based line
numbers of the extracted text it came from, so a fact can cite its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?(?=\s|$)")
ITEM_NUMBER = re.compile(r"^(\d{1,3})(?:\.(?!\d))?(?=\s|$)")
ROMAN_OR_LETTER = re.compile(r"^\(?(?:[ivx]{1,5}|[a-z])\)\s")
LABEL = re.compile(r"^[A-Z][A-Za-z/&' -]{1,40}:(?:\s|$)")
ACTION_LEAD = re.compile(
    r"^(?:actions?|update|status)\s*[:\-\u2013]|^actions?\s+(?:no\.?\s*)?[\w./-]{1,8}\s*[:\-\u2013]",
    re.I,
)
HEADING_LEAD = re.compile(
    r"^(?:(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?)\d{1,3}\b|[A-Z]{2,6}/\d{2,4}/\d{1,3}\s|\d{1,3}/\d{2,4}\s)"
)


@dataclass
class Line:
    text: str
    first: int  # first source line (1-based)
    last: int  # last source line
    page: int | None = None
    bullet: bool = False
    cells: list[str] | None = None  # a table row: its cells, when the row had several
    is_break: bool = False  # "This page is intentionally left blank" and the like
    indent: int = 0
    cell_starts: list[int] | None = None  # columns of a space-laid-out row, by character offset

    @property
    def blank(self) -> bool:
        return not self.text.strip() and not self.is_break

    def span(self) -> dict[str, int]:
        return {"first_line": self.first, "last_line": self.last}


@dataclass
class Block:
    """Consecutive lines that make one paragraph, heading, row or bullet."""

    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        out = ""
        for line in self.lines:
            piece = line.text.strip()
            if not out:
                out = piece
            elif out.endswith("-") and not out.endswith(" -") and piece[:1].islower():
                out = out[:-1] + piece  # a word hyphenated across the wrap
            else:
                out = f"{out} {piece}"
        return out

    @property
    def first(self) -> int:
        return self.lines[0].first

    @property
    def last(self) -> int:
        return self.lines[-1].last

    @property
    def bullet(self) -> bool:
        return self.lines[0].bullet

    @property
    def cells(self) -> list[str] | None:
        return self.lines[0].cells if len(self.lines) == 1 else None

    def span(self) -> dict[str, int]:
        return {"first_line": self.first, "last_line": self.last}


def starts_structure(line: Line) -> bool:
    """Whether a line opens a new paragraph whatever came before it."""
    text = line.text.strip()
    return bool(
        line.bullet
        or line.cells
        or line.is_break
        or PARAGRAPH_NUMBER.match(text)
        or ITEM_NUMBER.match(text)
        or ROMAN_OR_LETTER.match(text)
        or ACTION_LEAD.match(text)
        or HEADING_LEAD.match(text)
        or LABEL.match(text)
        or is_capitals_heading(text)
        or TITLE_LEAD.match(text)
    )


# "Minutes of the meeting held on ...", "Agenda": the title of a document, never a wrapped line
TITLE_LEAD = re.compile(
    r"^(?:(?:Approved|Draft|Confirmed|Unconfirmed)\s+)?(?:Minutes|MINUTES|Agenda|AGENDA)\b"
)


def is_capitals_heading(text: str) -> bool:
    """A short line in capitals ("AGENDA", "APPROVED MINUTES") is a heading of its own."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and text.upper() == text and len(text.split()) <= 10


BARE_NUMBER = re.compile(r"^\d{1,3}\s+\S")


def bare_number_wrap(current: Block, line: Line, width: int) -> bool:
    """ "2 February." after a full line that ends mid-sentence is a wrap, not item 2."""
    previous = current.lines[-1].text.rstrip()
    return bool(
        BARE_NUMBER.match(line.text.strip())
        and not line.cells
        and not line.bullet
        and len(previous) >= 0.6 * width
        and not previous.endswith((".", ":", ";", "?", "!"))
    )


SHORT_HEADING = re.compile(
    r"^(?:(?:agenda\s+)?item\s+(?:no\.?\s*)?)?\d{1,3}(?:\.0)?\.?\s*[-\u2013:]?\s+[A-Z]", re.I
)


def closes_heading(current: Block, line: Line) -> bool:
    """A numbered heading on a line of its own is followed by text, not continued by it.

    A heading wrapped onto a second line is rejoined later (the next line is
    short, or starts in lower case, or is the rest of a date).
    """
    if len(current.lines) != 1:
        return False
    first = current.lines[0].text.strip()
    return (
        bool(SHORT_HEADING.match(first))
        and not first.endswith((".", ","))
        and len(first.split()) <= 16
        and (line.text.strip()[:1].isupper())
        and len(line.text.split()) > 6
    )


def typical_width(lines: list[Line]) -> int:
    """The length of a full line of running text, to tell wrapped lines from short ones."""
    lengths = sorted(len(line.text.strip()) for line in lines if len(line.text.strip()) > 20)
    if not lengths:
        return 80
    return lengths[int(len(lengths) * 0.8)]


CONTINUES = re.compile(
    r"(?:[,&/(\-\u2013]|\b(?:and|or|of|the|to|for|in|on|at|by|with|a|an))$", re.I
)


def join_wrapped(lines: list[Line], wrapping: bool = True) -> list[Block]:
    """Group lines into blocks: a line continues the one before when that one was wrapped.

    A line was wrapped when it runs near the full width, ends mid-phrase, or the
    next line starts in lower case; a line that opens a structure (a number, a
    bullet, a label, a table row) always starts a new block. Without
    `wrapping` (Word, HTML: one paragraph per line) every line is a block.
    """
    width = typical_width(lines)
    blocks: list[Block] = []
    current: Block | None = None
    for line in lines:
        if line.blank or line.is_break:
            current = None
            if line.is_break:
                blocks.append(Block([line]))
            continue
        if (
            wrapping
            and current is not None
            and (not starts_structure(line) or bare_number_wrap(current, line, width))
        ):
            previous = current.lines[-1].text.rstrip()
            wrapped = (
                len(previous) >= 0.6 * width
                or CONTINUES.search(previous) is not None
                or line.text.strip()[:1].islower()
            )
            if (
                wrapped
                and not current.lines[-1].cells
                and not closes_heading(current, line)
                and not is_capitals_heading(current.lines[-1].text.strip())
            ):
                current.lines.append(line)
                continue
        current = Block([line])
        blocks.append(current)
    return blocks
