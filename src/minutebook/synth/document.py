"""A format-neutral document: the blocks every renderer knows how to draw.

Composers decide what a paper says and in which order; renderers decide how
it looks in text, HTML, DOCX or PDF. Keeping the two apart means the four
formats of one paper say exactly the same thing, so one gold file fits
whichever format the rotation picks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Heading:
    text: str
    level: int = 1  # 1 = document title, 2 = item heading, 3 = sub-heading
    number: str | None = None  # "5." printed before the text


@dataclass
class Para:
    text: str
    number: str | None = None  # "5.1", "a)", "(i)" printed as a hanging label
    bold: bool = False
    italic: bool = False
    label: str | None = None  # a bold lead-in: "Action:", "Members:"
    centre: bool = False
    indent: bool = False  # set in from the margin, as action lines are


@dataclass
class PageRange:
    """A page range filled in by the renderer once it knows where a paper starts."""

    anchor: str


Cell = str | PageRange


@dataclass
class Table:
    rows: list[list[Cell]]
    header: list[str] | None = None
    widths: list[float] | None = None  # relative column widths
    kind: str = "grid"  # "grid" (ruled), "attendance" (label, name, role), "plain"


@dataclass
class Bullets:
    items: list[str]


@dataclass
class PageBreak:
    pass


@dataclass
class Anchor:
    """Marks where a paper of a pack starts, for the agenda's page ranges."""

    key: str


Block = Heading | Para | Table | Bullets | PageBreak | Anchor


@dataclass
class Document:
    name: str  # file name without extension: "bcb-2024-10-12-minutes"
    kind: str  # "minutes", "agenda", "pack", "decision"
    title: str  # for metadata and the HTML <title>
    footer: (
        str  # running footer: "Wessex Vale PCC - Business Co-ordination Board - 12 October 2024"
    )
    author: str
    when: date
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def anchors(self) -> list[str]:
        return [b.key for b in self.blocks if isinstance(b, Anchor)]


def page_ranges(starts: dict[str, int], total: int, order: list[str]) -> dict[str, str]:
    """Turn the first page of each paper into "3 - 10" ranges (a paper ends before the next)."""
    out: dict[str, str] = {}
    for n, key in enumerate(order):
        first = starts.get(key)
        if first is None:
            continue
        later = [starts[k] for k in order[n + 1 :] if k in starts]
        last = (later[0] - 1) if later else total
        last = max(first, last)
        out[key] = f"{first} - {last}" if last > first else str(first)
    return out
