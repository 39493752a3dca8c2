"""A PDF page's text laid out as printed: lines by height, columns by spacing.

PDFium's plain text loses the columns of a table or an attendance list ("Item
Title Lead" runs into one line, wrapped cells fall on lines of their own).
Its text runs carry their positions, so the page can be rebuilt the way a
layout-preserving converter prints it: each run placed at its column on its
line, a wide gap printed as three or more spaces. The parser reads such
text (see cleanup.layout_columns), and it costs little over the plain text.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from statistics import median
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Runs whose boxes overlap by more than this share of the smaller's height sit on one line.
SAME_LINE = 0.5
# A gap wider than this many average character widths separates columns.
COLUMN_GAP_CHARS = 1.2


@dataclass
class Run:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    # The page text runs straight on from the run before this one in reading
    # order, with no space: one word cut into two boxes (kerned or restyled
    # letters, as browsers and word processors print them).
    glued: bool = False

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def page_runs(textpage: pdfium.PdfTextPage) -> list[Run]:
    """The page's text runs with their boxes, in PDFium's reading order.

    Asking PDFium for the text inside each box scans the whole page every
    time, which made this the slowest step of reading a PDF. Instead the page
    text is read once and cut at the first character of each box; a box whose
    first character cannot be found (it starts with a space, or overlaps
    another) falls back to asking for its text.
    """
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)
    boxes = _run_boxes(textpage, count)
    starts = _run_starts(textpage, boxes, count) if len(text) == count else [None] * len(boxes)
    starts.append(count)
    runs = []
    runs_on = False  # the previous piece ended inside a word
    for index, box in enumerate(boxes):
        start, end = starts[index], starts[index + 1]
        if start is not None and end is not None:
            piece = text[start:end]
            glued = runs_on and bool(piece) and not piece[0].isspace()
            runs_on = bool(piece) and not piece[-1].isspace()
        else:
            piece = textpage.get_text_bounded(*box)
            glued = runs_on = False
        # PDFium marks a hyphen that ends a line as U+0002 (U+FFFE in the page text);
        # the line break is kept by position
        piece = piece.translate(_RUN_TEXT).strip()
        if piece:
            runs.append(Run(piece, *box, glued=glued and bool(runs)))
        else:
            runs_on = False
    return runs


_RUN_TEXT = str.maketrans({"\x02": "-", "\ufffe": "-", "\r": " ", "\n": " "})

Box = tuple[float, float, float, float]  # left, bottom, right, top


def _run_boxes(textpage: pdfium.PdfTextPage, count: int) -> list[Box]:
    raw = textpage.raw
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    boxes = []
    for index in range(pdfium_c.FPDFText_CountRects(raw, 0, count)):
        pdfium_c.FPDFText_GetRect(raw, index, left, top, right, bottom)
        boxes.append((left.value, bottom.value, right.value, top.value))
    return boxes


def _run_starts(textpage: pdfium.PdfTextPage, boxes: list[Box], count: int) -> list[int | None]:
    """The index of each box's first character, or None where it cannot be found.

    PDFium builds its boxes from consecutive characters, so the boxes' first
    characters rise with the boxes' order. The character under the box's
    left edge is nearly always the first; where it is not (the box starts
    with a space, or overlaps the box before it, as kerned text does) the
    characters after the previous box's start are searched in order.
    """
    raw = textpage.raw
    char = _CharBox()
    starts: list[int | None] = []
    last = -1
    for box in boxes:
        left, bottom, right, top = box
        x = left + min(1.0, (right - left) / 2)
        index: int | None = pdfium_c.FPDFText_GetCharIndexAtPos(
            raw, x, (bottom + top) / 2, 0.5, 0.5
        )
        if not (index > last and char.begins(raw, index, box)):
            index = next(
                (
                    i
                    for i in range(last + 1, min(count, last + 1 + SCAN_LIMIT))
                    if char.begins(raw, i, box)
                ),
                None,
            )
        starts.append(index)
        if index is not None:
            last = index
    return starts


class _CharBox:
    """One character's box, read through PDFium into reused C doubles."""

    def __init__(self) -> None:
        self.left, self.right, self.bottom, self.top = (ctypes.c_double() for _ in range(4))

    def begins(self, raw: Any, index: int, box: Box) -> bool:
        """Whether character `index` sits at the left edge of `box` (and on its line)."""
        if not pdfium_c.FPDFText_GetCharBox(
            raw, index, self.left, self.right, self.bottom, self.top
        ):
            return False
        left, bottom, _, top = box
        return (
            abs(self.left.value - left) < EDGE_TOLERANCE
            and self.right.value - self.left.value >= MIN_CHAR_SIZE
            and self.bottom.value < top
            and self.top.value > bottom
        )


# How far (in points) a box's first character may sit from the box's left edge.
EDGE_TOLERANCE = 0.5
# PDFium leaves characters narrower than this out of its boxes.
MIN_CHAR_SIZE = 0.01
# How many characters past the previous box's start are searched for a box's first one.
SCAN_LIMIT = 1000


def group_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs on one printed line, top of the page first, left to right."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: -r.middle):
        if lines and _share_line(lines[-1][0], run):
            lines[-1].append(run)
            continue
        lines.append([run])
    return [sorted(line, key=lambda r: r.left) for line in lines]


def _share_line(anchor: Run, run: Run) -> bool:
    """Whether two runs' boxes overlap by most of the smaller's height.

    Overlap rather than distance between centres: a full stop or a comma in
    a box of its own is short and sits on the baseline, far below the centre
    of the words beside it, yet wholly within their height.
    """
    overlap = min(anchor.top, run.top) - max(anchor.bottom, run.bottom)
    return overlap > SAME_LINE * min(anchor.height, run.height)


def char_width(runs: list[Run]) -> float:
    widths = [(r.right - r.left) / len(r.text) for r in runs if len(r.text) >= 3]
    return median(widths) if widths else 5.0


def layout_text(runs: list[Run]) -> str:
    """The page as lines of text with runs at their columns (left margin removed)."""
    if not runs:
        return ""
    width = char_width(runs)
    margin = min(r.left for r in runs)
    out = []
    reading_order = {id(run): index for index, run in enumerate(runs)}
    for line in group_lines(runs):
        text = ""
        previous: Run | None = None
        for run in line:
            column = round((run.left - margin) / width)
            if previous is None:
                text = " " * column + run.text
            elif run.glued and reading_order[id(run)] == reading_order[id(previous)] + 1:
                text += run.text
                previous = run
                continue
            else:
                gap = (run.left - previous.right) / width
                if gap > COLUMN_GAP_CHARS:
                    text += " " * max(3, column - len(text))
                else:
                    text += "" if text.endswith(("-", "/")) and gap < 0.3 else " "
                text += run.text
            previous = run
        out.append(text.rstrip())
    return "\n".join(out)


def page_layout_text(textpage: pdfium.PdfTextPage) -> str:
    """The page laid out by position, or PDFium's plain text where that is the same.

    Placing runs costs a call per run; a page whose lines are each one run
    (running prose) reads the same either way, so it keeps the plain text.
    """
    plain = textpage.get_text_bounded()
    lines = max(1, len([line for line in plain.splitlines() if line.strip()]))
    if textpage.count_rects() <= lines * PROSE_RUNS_PER_LINE:
        return plain
    return layout_text(page_runs(textpage))


# Up to this many runs per line on average, a page is prose (a bold word here and there).
PROSE_RUNS_PER_LINE = 1.15
