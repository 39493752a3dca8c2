"""A PDF page's text laid out as printed: lines by height, columns by spacing.

PDFium's plain text loses the columns of a table or an attendance list ("Item
Title Lead" runs into one line, wrapped cells fall on lines of their own).
Its text runs carry their positions, so the page can be rebuilt the way a
layout-preserving converter prints it: each run placed at its column on its
line, a wide gap printed as three or more spaces. The parser reads such
text (see cleanup.layout_columns), and it costs little over the plain text.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import pypdfium2 as pdfium

# Runs whose vertical centres are closer than this share of their height sit on one line.
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

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def page_runs(textpage: pdfium.PdfTextPage) -> list[Run]:
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left, bottom, right, top)
        # PDFium marks a hyphen that ends a line as U+0002; the line break is kept by position
        text = text.replace("\x02", "-").replace("\r", " ").replace("\n", " ")

        if text.strip():
            runs.append(Run(text.strip(), left, bottom, right, top))
    return runs


def group_lines(runs: list[Run]) -> list[list[Run]]:
    """Runs on one printed line, top of the page first, left to right."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: -r.middle):
        if lines:
            anchor = lines[-1][0]
            if abs(anchor.middle - run.middle) < SAME_LINE * min(anchor.height, run.height):
                lines[-1].append(run)
                continue
        lines.append([run])
    return [sorted(line, key=lambda r: r.left) for line in lines]


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
    for line in group_lines(runs):
        text = ""
        previous: Run | None = None
        for run in line:
            column = round((run.left - margin) / width)
            if previous is None:
                text = " " * column + run.text
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
