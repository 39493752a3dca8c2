"""A PDF page's text laid out as printed: lines by height, columns by spacing.

PDFium's plain text loses the columns of a table or an attendance list ("Item
Title Lead" runs into one line, wrapped cells fall on lines of their own).
Its text runs carry their positions, so the page can be rebuilt the way a
layout-preserving converter prints it: each run placed at its column on its
line, a wide gap printed as three or more spaces. The parser reads such
text (see cleanup.layout_columns), and it costs little over the plain text.
"""

from __future__ import annotations

import bisect
import ctypes
import re
from dataclasses import dataclass, field
from statistics import median
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Runs whose boxes overlap by more than this share of the smaller's height sit on one line.
SAME_LINE = 0.5
# A gap wider than this many average character widths separates columns.
COLUMN_GAP_CHARS = 1.2


@dataclass(slots=True)
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
    # Where the run's letters stand: the same for every run of one printed line,
    # whatever their ascenders and descenders (None where PDFium cannot say).
    baseline: float | None = None

    @property
    def middle(self) -> float:
        return (self.bottom + self.top) / 2

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def page_runs(textpage: pdfium.PdfTextPage, text: str | None = None) -> list[Run]:
    """The page's text runs with their boxes, in PDFium's reading order.

    Asking PDFium for the text inside each box scans the whole page every
    time, which made this the slowest step of reading a PDF. Instead the page
    text is read once and cut at the first character of each box; a box whose
    first character cannot be found (it starts with a space, or overlaps
    another) falls back to asking for its text. `text` is the page's text
    (`page_text`), when the caller has read it already.
    """
    count = textpage.count_chars()
    if count <= 0:
        return []
    text = page_text(textpage) if text is None else text
    boxes = _run_boxes(textpage, count)
    starts = (
        _run_starts(textpage, text, boxes, count) if len(text) == count else [None] * len(boxes)
    )
    starts.append(count)
    runs = []
    runs_on = False  # the previous piece ended inside a word
    origin = _CharOrigin(textpage)
    for index, box in enumerate(boxes):
        start, end = starts[index], starts[index + 1]
        baseline = None
        if start is not None and end is not None:
            piece = text[start:end]
            glued = runs_on and bool(piece) and not piece[0].isspace()
            runs_on = bool(piece) and not piece[-1].isspace()
            baseline = origin.height(start)
        else:
            piece = textpage.get_text_bounded(*box)
            glued = runs_on = False
        piece = run_text(piece)
        if piece:
            runs.append(Run(piece, *box, glued=glued and bool(runs), baseline=baseline))
        else:
            runs_on = False
    return runs


class _CharOrigin:
    """Where characters stand on a page, read through PDFium into reused C doubles."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.raw = textpage.raw
        self.x, self.y = ctypes.c_double(), ctypes.c_double()

    def height(self, index: int) -> float | None:
        """The height of a character's origin on the page: the baseline of its line."""
        if not pdfium_c.FPDFText_GetCharOrigin(self.raw, index, self.x, self.y):
            return None
        return self.y.value


def run_text(piece: str) -> str:
    """A run's text cut from the page text: line breaks to spaces, PDFium's hyphen marks
    back to hyphens (U+0002, U+FFFE in the page text; the line break is kept by position),
    no spaces around it. Most runs have neither, and skip the translation."""
    piece = piece.strip()
    if _RUN_MARKS.search(piece):
        piece = piece.translate(_RUN_TEXT).strip()
    return piece


_RUN_TEXT = str.maketrans({"\x02": "-", "\ufffe": "-", "\r": " ", "\n": " "})
_RUN_MARKS = re.compile("[\x02\ufffe\r\n]")

Box = tuple[float, float, float, float]  # left, bottom, right, top


def _run_boxes(textpage: pdfium.PdfTextPage, count: int) -> list[Box]:
    raw = textpage.raw
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    boxes = []
    for index in range(pdfium_c.FPDFText_CountRects(raw, 0, count)):
        pdfium_c.FPDFText_GetRect(raw, index, left, top, right, bottom)
        boxes.append((left.value, bottom.value, right.value, top.value))
    return boxes


def _run_starts(
    textpage: pdfium.PdfTextPage, text: str, boxes: list[Box], count: int
) -> list[int | None]:
    """The index of each box's first character, or None where it cannot be found.

    PDFium builds its boxes from consecutive characters, so the boxes' first
    characters rise with the boxes' order, and nearly every box begins a
    word. So a box's first character is looked for where the box before it
    should end (its width in the page's average character widths), at the
    word starting there or a word either side: a call or two per box. Where
    it is not (the box starts inside a word, or overlaps the box before it,
    as kerned text does), PDFium is asked which character lies under the
    box's left edge, a search of the whole page; failing that, the
    characters after the previous box's start are tried in order.
    """
    raw = textpage.raw
    char = _CharBox()
    words = _word_starts(text)
    word_count = len(words)
    letters = max(1, count - text.count(" ") - 2 * text.count("\r\n"))
    char_width = sum(box[2] - box[0] for box in boxes) / letters or 1.0
    starts: list[int | None] = []
    last = -1
    previous: Box | None = None
    for box in boxes:
        first_word = bisect.bisect_right(words, last)
        if previous is None:
            nearby = [first_word, first_word + 1]
        else:
            # the box before ends about its width on; a space follows it
            guess = bisect.bisect_left(
                words, last + (previous[2] - previous[0]) / char_width + 1, lo=first_word
            )
            nearby = [guess, guess - 1, guess + 1, guess - 2, guess + 2]
        index = None
        for w in nearby:
            if first_word <= w < word_count and char.begins(raw, words[w], box):
                index = words[w]
                break
        if index is None:
            index = _char_under(raw, box, last, count, char)
        starts.append(index)
        previous = box
        if index is not None:
            last = index
    return starts


def _word_starts(text: str) -> list[int]:
    """The index of every character that starts a word, in order."""
    starts = [match.end() for match in _BEFORE_WORD.finditer(text)]
    if text and not text[0].isspace():
        starts.insert(0, 0)
    return starts


# What stands just before a word: a space, a line break or a hyphen mark, with the word's
# first character after it. Matched as that one character and a look ahead, not as a look
# back and the word's first character: an expression that opens with a set of characters
# is tried only where one of them stands, the other at every character of the page.
_BEFORE_WORD = re.compile(r"[ \r\n\ufffe\x02](?=[^ \r\n])")


def _char_under(raw: Any, box: Box, last: int, count: int, char: _CharBox) -> int | None:
    """The first character of `box` after character `last`, asking PDFium where it is."""
    left, bottom, right, top = box
    x = left + min(1.0, (right - left) / 2)
    index: int = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x, (bottom + top) / 2, 0.5, 0.5)
    if index > last and char.begins(raw, index, box):
        return index
    return next(
        (i for i in range(last + 1, min(count, last + 1 + SCAN_LIMIT)) if char.begins(raw, i, box)),
        None,
    )


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
    """Runs on one printed line, top of the page first, left to right.

    A run joins the line when it shares it with the line's tallest run so far:
    where each letter is a box of its own (as browsers print headings), an
    apostrophe's box sits above the small letters' and would split the line.
    """
    lines: list[list[Run]] = []
    tallest: Run | None = None
    for run in sorted(runs, key=_from_the_top):
        if tallest is not None and _share_line(tallest, run):
            lines[-1].append(run)
            if run.height > tallest.height:
                tallest = run
            continue
        lines.append([run])
        tallest = run
    for line in lines:
        if len(line) > 1:
            line.sort(key=_from_the_left)
    return lines


def _from_the_top(run: Run) -> float:
    return -(run.bottom + run.top)


def _from_the_left(run: Run) -> float:
    return run.left


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


@dataclass(slots=True)
class Cell:
    """Runs of one line printed close together: a phrase, or one column of a row."""

    left: float
    right: float
    text: str
    # The runs it was made of, each with what joins it to the run before ("" or " ").
    parts: list[tuple[str, Run]] = field(default_factory=list)

    def split_at(self, starts: list[float], tolerance: float) -> list[Cell]:
        """The cell cut before each of its runs that starts at one of `starts` (a column
        of the table it is in, whose gap was too narrow to see on this line alone)."""
        if len(self.parts) <= 1:
            return [self]  # one run: nothing to cut
        cells: list[Cell] = []
        for joiner, run in self.parts:
            at_column = any(abs(run.left - start) <= tolerance for start in starts)
            if not cells or (at_column and joiner):
                cells.append(Cell(run.left, run.right, run.text, [("", run)]))
            else:
                cell = cells[-1]
                cell.text += joiner + run.text
                cell.right = max(cell.right, run.right)
                cell.parts.append((joiner, run))
        return cells or [self]


@dataclass(slots=True)
class PrintedLine:
    cells: list[Cell]
    baseline: float
    height: float
    # The baseline of its last printed line, for a table row folded from several.
    last_baseline: float | None = None

    @property
    def bottom_baseline(self) -> float:
        return self.baseline if self.last_baseline is None else self.last_baseline


def layout_text(runs: list[Run]) -> str:
    """The page as lines of text with runs at their columns (left margin removed).

    A table row whose cells wrapped over several lines is printed as one
    line, where the spacing of the lines shows it (see merge_wrapped_rows).
    """
    if not runs:
        return ""
    width = char_width(runs)
    margin = min(r.left for r in runs)
    reading_order = {id(run): index for index, run in enumerate(runs)}
    lines = [printed_line(line, width, reading_order) for line in group_lines(runs)]
    pitch = line_pitch(lines)
    lines = merge_wrapped_rows(lines, width)
    out: list[str] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        if (
            previous is not None
            and pitch
            and (previous.bottom_baseline - line.baseline > PARAGRAPH_GAP * pitch)
        ):
            out.append("")
        out.append(render_line(line, width, margin))
    return "\n".join(out)


def printed_line(line: list[Run], width: float, reading_order: dict[int, int]) -> PrintedLine:
    """One line's runs as cells: a gap wider than COLUMN_GAP_CHARS starts a new cell."""
    if len(line) == 1:  # most lines of running text
        run = line[0]
        cell = Cell(run.left, run.right, run.text, [("", run)])
        baseline = run.baseline if run.baseline is not None else run.bottom
        return PrintedLine([cell], baseline, run.top - run.bottom)
    cells: list[Cell] = []
    previous: Run | None = None
    for run in line:
        glued = (
            previous is not None
            and run.glued
            and reading_order[id(run)] == reading_order[id(previous)] + 1
        )
        gap = 0.0 if previous is None else (run.left - previous.right) / width
        if previous is None or (not glued and gap > COLUMN_GAP_CHARS):
            cells.append(Cell(run.left, run.right, run.text, [("", run)]))
        else:
            cell = cells[-1]
            joiner = ""
            if not glued and not (cell.text.endswith(("-", "/")) and gap < 0.3):
                joiner = " "
            cell.text += joiner + run.text
            cell.right = max(cell.right, run.right)
            cell.parts.append((joiner, run))
        previous = run
    baselines = sorted(r.baseline if r.baseline is not None else r.bottom for r in line)
    height = max(r.top for r in line) - min(r.bottom for r in line)
    return PrintedLine(cells, baselines[len(baselines) // 2], height)


def render_line(line: PrintedLine, width: float, margin: float) -> str:
    """Cells at their columns; three or more spaces between cells, as layout converters print."""
    text = ""
    for index, cell in enumerate(line.cells):
        column = round((cell.left - margin) / width)
        text = " " * column if index == 0 else text + " " * max(3, column - len(text))
        text += cell.text
    return text.rstrip()


def merge_wrapped_rows(lines: list[PrintedLine], width: float) -> list[PrintedLine]:
    """Fold the lines of a table row's wrapped cells into the row.

    A browser prints a table's cells with padding, so its rows stand further
    apart than the lines of a wrapped cell, which keep the page's line
    spacing. Where a table shows that difference (some of its lines are
    spaced as running text, some wider), each row's lines become one line.
    A table whose rows keep the line spacing (a word processor's, often)
    cannot be read this way, and is left as printed.
    """
    pitch = line_pitch(lines)
    if pitch is None:
        return lines
    out: list[PrintedLine] = []
    index = 0
    while index < len(lines):
        table = table_lines(lines, index, width)
        rows = split_rows(table, pitch)
        if len(rows) > 1 and len(rows) < len(table):
            out.extend(merge_row(row) for row in rows)
        else:
            out.extend(table)
        index += len(table)
    return out


def line_pitch(lines: list[PrintedLine]) -> float | None:
    """The distance between the baselines of running text's lines on this page.

    The smallest spacing seen more than once between neighbouring lines of
    the usual height: a paragraph's wrapped lines, or a table cell's.
    """
    if len(lines) < 3:
        return None
    usual = median(line.height for line in lines)
    pitches = [
        round((upper.baseline - lower.baseline) * 2) / 2
        for upper, lower in zip(lines, lines[1:], strict=False)
        if abs(upper.height - usual) <= SAME_HEIGHT * usual
        and abs(lower.height - usual) <= SAME_HEIGHT * usual
        and upper.baseline > lower.baseline
    ]
    repeated = [p for p in set(pitches) if pitches.count(p) > 1]
    return min(repeated) if repeated else None


def table_lines(lines: list[PrintedLine], index: int, width: float) -> list[PrintedLine]:
    """The lines from `index` on that make one table: a heading row over its body, or the
    lines that keep to the columns of the row at `index` (at least that line).

    Column headings are often centred over their columns, so the row under
    them sets the columns; the headings belong to the table when each stands
    over one of them.
    """
    body = column_lines(lines, index, width)
    if len(body) == 1 and index + 1 < len(lines) and len(lines[index].cells) >= 2:
        under = column_lines(lines, index + 1, width)
        spacing = lines[index].baseline - lines[index + 1].baseline
        columns = [cell.left for cell in under[0].cells]
        if (
            len(under) > 1
            and 0 < spacing <= PARAGRAPH_SPACING * max(lines[index].height, 1.0)
            and heads_columns(lines[index], columns)
        ):
            return [lines[index], *under]
    return body


def heads_columns(line: PrintedLine, columns: list[float]) -> bool:
    """Whether each cell of the line stands over a column of its own (centred or not)."""
    taken: set[int] = set()
    for cell in line.cells:
        middle = (cell.left + cell.right) / 2
        column = max((i for i, left in enumerate(columns) if left <= middle), default=None)
        if column is None or column in taken:
            return False
        taken.add(column)
    return True


def column_lines(lines: list[PrintedLine], index: int, width: float) -> list[PrintedLine]:
    """The lines from `index` on that keep to the columns of the row there (at least itself).

    A row is a line of two or more cells; a line below it belongs to the
    same table while each of its cells starts at one of the row's columns
    and stays clear of the next, and no paragraph's space comes between.
    Two cells a narrow gap ran together on one line are told apart by the
    columns: a run starting at a column starts a cell.
    """
    first = lines[index]
    if len(first.cells) < 2:
        return [first]
    columns = [cell.left for cell in first.cells]
    tolerance = max(ALIGN_POINTS, ALIGN_CHARS * width)
    table = [first]
    for line in lines[index + 1 :]:
        spacing = table[-1].baseline - line.baseline
        cells = [piece for cell in line.cells for piece in cell.split_at(columns, tolerance)]
        line = PrintedLine(cells, line.baseline, line.height)
        # a row of several cells may stand further off than a paragraph would
        widest = ROW_SPACING if len(cells) >= 2 else PARAGRAPH_SPACING
        if spacing <= 0 or spacing > widest * max(line.height, 1.0):
            break
        if not keeps_columns(line, columns, width):
            break
        table.append(line)
    return table


def keeps_columns(line: PrintedLine, columns: list[float], width: float) -> bool:
    """Whether each cell of the line starts at one of the columns and ends before the next."""
    tolerance = max(ALIGN_POINTS, ALIGN_CHARS * width)
    for cell in line.cells:
        at = [i for i, left in enumerate(columns) if abs(cell.left - left) <= tolerance]
        if not at:
            return False
        following = at[0] + 1
        if following < len(columns) and cell.right > columns[following] - tolerance:
            return False
    return True


def split_rows(table: list[PrintedLine], pitch: float) -> list[list[PrintedLine]]:
    """A table's lines grouped into rows: a new row wherever lines stand wider than text."""
    rows = [[table[0]]]
    for upper, lower in zip(table, table[1:], strict=False):
        spacing = upper.baseline - lower.baseline
        if spacing <= pitch + WRAP_TOLERANCE:
            rows[-1].append(lower)
        else:
            rows.append([lower])
    return rows


def merge_row(row: list[PrintedLine]) -> PrintedLine:
    """A row's lines as one line: each cell's wrapped text joined onto the cell above it."""
    cells = [Cell(c.left, c.right, c.text) for c in row[0].cells]
    for line in row[1:]:
        for piece in line.cells:
            # the column it starts in (keeps_columns has checked it starts at one)
            target = min(cells, key=lambda c: abs(c.left - piece.left))
            target.text = join_wrapped_cell(target.text, piece.text)
            target.right = max(target.right, piece.right)
    return PrintedLine(cells, row[0].baseline, row[0].height, row[-1].baseline)


def join_wrapped_cell(text: str, more: str) -> str:
    """A cell's next line onto it: a hyphen at the end of the line is kept, with no space."""
    if not text:
        return more
    if text.endswith("-") and text[-2:-1].isalpha():
        return text + more
    return f"{text} {more}"


# Lines whose heights differ by more than this share are of different sizes of type.
SAME_HEIGHT = 0.2
# More than this many line heights between baselines: a paragraph's space, not a table's row
# (or, for a line of several cells keeping the table's columns, ROW_SPACING).
PARAGRAPH_SPACING = 2.0
ROW_SPACING = 3.0
# Baselines further apart than this many line spacings have a paragraph's space between them,
# printed as a blank line (as layout-preserving converters do).
PARAGRAPH_GAP = 1.6
# A cell starts at a column when its left edge is this close (points, or character widths).
ALIGN_POINTS = 2.0
ALIGN_CHARS = 0.5
# Baselines up to this much (points) further apart than the page's line spacing are a wrap.
WRAP_TOLERANCE = 1.0


def page_layout_text(textpage: pdfium.PdfTextPage) -> str:
    """The page laid out by position, or PDFium's plain text where that is the same.

    Placing runs costs a call per run; a page whose lines are each one run
    (running prose) reads the same either way, so it keeps the plain text.
    """
    text = page_text(textpage)
    lines = max(1, len([line for line in text.splitlines() if line.strip()]))
    if textpage.count_rects() <= lines * PROSE_RUNS_PER_LINE:
        # PDFium's own plain text marks a hyphen that ends a line as U+0002
        return text.replace("\ufffe", "\x02")
    return layout_text(page_runs(textpage, text))


def page_text(textpage: pdfium.PdfTextPage) -> str:
    """The page's text in PDFium's reading order, read once (character for character, so
    boxes can be cut out of it by character index)."""
    count = textpage.count_chars()
    return textpage.get_text_range(0, count) if count > 0 else ""


# Up to this many runs per line on average, a page is prose (a bold word here and there).
PROSE_RUNS_PER_LINE = 1.15
