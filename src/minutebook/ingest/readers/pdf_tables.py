"""Table pages of a PDF, re-read with pdfplumber so rows stay rows.

PDFium gives a table either one cell per line or a row's cells run together
with spaces, so the parser cannot tell which figure belongs to which column.
pdfplumber finds the table's ruling lines and returns real rows, but is some
40 times slower, so it only ever sees pages that a cheap look at PDFium's
text says are tables, and at most MAX_TABLE_PAGES of them per document.
It is imported only then: most papers have no such page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from minutebook.ingest.source import UnreadableDocument

# Cap on pdfplumber passes per document: a 300-page budget book would
# otherwise take minutes. Pages past the cap keep PDFium's text.
MAX_TABLE_PAGES = 25
# Too few lines to call a page a table.
MIN_TABLE_LINES = 6
# A "short" line: one table cell rather than a line of prose.
SHORT_LINE_CHARS = 30
SHORT_LINE_WORDS = 4

# A numeric cell: 1,234  -56  (78)  £9.5m  12%  31/03/2024  10:30
_NUMERIC_RE = re.compile(r"[(\-−–+]?[£$€]?[(\-−–+]?\d[\d,.:/]*%?\)?(?:k|m|bn)?", re.IGNORECASE)
# Control characters pdfplumber can pass through from the PDF's fonts.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def page_looks_tabular(page_text: str) -> bool:
    """Cheap guess whether PDFium's text of a page is a table.

    Two shapes count: mostly very short lines (one cell per line), or many
    lines made mostly of numbers with their cells run together by single
    spaces. A row whose columns the layout reader kept apart (three or more
    spaces between cells) is read well already and does not count.
    """
    lines = [line.strip() for line in page_text.split("\n") if line.strip()]
    if len(lines) < MIN_TABLE_LINES:
        return False
    total = len(lines)
    # the gap first: it is cheap, and most rows of figures on these pages are laid out
    numeric_rows = sum(
        1 for line in lines if not _COLUMN_GAP_RE.search(line) and _is_numeric_row(line)
    )
    if numeric_rows >= MIN_TABLE_LINES // 2 + 1 and numeric_rows / total >= 0.3:
        return True
    short = sum(1 for line in lines if _is_short(line))
    numeric_cells = sum(1 for line in lines if _NUMERIC_RE.fullmatch(line))
    if short / total >= 0.7 and (numeric_cells / total >= 0.15 or short / total >= 0.85):
        return True
    return _longest_short_run(lines) >= TABLE_RUN_LINES


# A table between paragraphs: this many short lines in a row (cells, one per line).
TABLE_RUN_LINES = 8


def _longest_short_run(lines: list[str]) -> int:
    """The longest run of lines much narrower than the page's prose: a table's cells, one a line.

    A line laid out in columns ("11.2   The Board noted ...") already keeps
    its cells together, so it is not a lone cell and breaks the run.
    """
    widths = sorted(len(line) for line in lines)
    full = widths[int(len(widths) * 0.9)]
    longest = run = 0
    for line in lines:
        lone_cell = len(line) < 0.55 * full and not _COLUMN_GAP_RE.search(line)
        run = run + 1 if lone_cell else 0
        longest = max(longest, run)
    return longest


# A digit, then a later word with a digit: what a row of two numbers at least must hold.
_TWO_NUMBERS = re.compile(r"\d\S*\s.*\d")

# The gap a layout-preserving reader leaves between the columns of a line: three or more
# spaces between non-spaces. It opens with a space (then looks back for the non-space) so
# that it is tried only where a space stands, not at every character.
_COLUMN_GAP_RE = re.compile(r" (?<=\S )  +\S")


def pdf_table_rows(path: str | Path, page_number: int) -> list[list[str]]:
    """The rows of every ruled table on one page (1-based), top to bottom.

    Cells are single-line strings ("" for an empty cell). Raises ValueError
    for a page the PDF does not have, UnreadableDocument if pdfplumber cannot
    parse the file.
    """
    with _plumber_pages(Path(path), [page_number]) as pages:
        if not pages:
            raise ValueError(f"the PDF has no page {page_number}")
        page = pages[0]
        try:
            return [row for table in _tables(page) for row in _clean_rows(table.extract())]
        except Exception as exc:  # pdfminer raises many types on odd content
            raise UnreadableDocument(
                f"corrupt PDF: table extraction failed ({type(exc).__name__})"
            ) from exc
        finally:
            page.close()


def recover_table_pages(path: Path, pages: list[str], warnings: list[str]) -> list[str]:
    """Replace the text of table-like pages with pdfplumber's rows.

    A page where pdfplumber finds no ruled table, or fails, keeps PDFium's
    text (with a warning on failure): this pass can only improve a page.
    """
    candidates = [n for n, text in enumerate(pages, 1) if page_looks_tabular(text)]
    if not candidates:
        return pages
    if len(candidates) > MAX_TABLE_PAGES:
        warnings.append(
            f"{len(candidates)} pages look like tables; table layout was recovered on the "
            f"first {MAX_TABLE_PAGES} only"
        )
        candidates = candidates[:MAX_TABLE_PAGES]
    result = list(pages)
    try:
        with _plumber_pages(path, candidates) as plumber_pages:
            for page in plumber_pages:
                _replace_page(page, result, warnings)
    except UnreadableDocument:
        warnings.append("table layout could not be recovered: pdfplumber cannot parse this PDF")
    return result


def _replace_page(page: Any, result: list[str], warnings: list[str]) -> None:
    number = page.page_number
    try:
        rendered = render_table_page(page)
    except Exception as exc:  # pdfminer raises many types on odd content
        warnings.append(
            f"page {number}: table layout could not be recovered ({type(exc).__name__})"
        )
        return
    finally:
        page.close()
    if rendered:
        result[number - 1] = rendered


def render_table_page(page: Any) -> str | None:
    """A pdfplumber page as text: table rows as TAB-separated lines, the
    other text lines around them, in top-to-bottom order. None if the page
    has no ruled table."""
    tables = _tables(page)
    if not tables:
        return None
    items: list[tuple[float, float, str]] = []
    for table in tables:
        rows = ["\t".join(row) for row in _clean_rows(table.extract())]
        x0, top = table.bbox[0], table.bbox[1]
        items.append((top, x0, "\n".join(rows)))
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: not _inside_any(obj, boxes))
    for line in outside.extract_text_lines(return_chars=False):
        items.append((line["top"], line["x0"], _one_line(line["text"])))
    items.sort(key=lambda item: (item[0], item[1]))
    return "\n".join(text for _, _, text in items if text.strip())


@contextmanager
def _plumber_pages(path: Path, page_numbers: list[int]) -> Iterator[list[Any]]:
    """pdfplumber pages for the given 1-based numbers, damage as UnreadableDocument.

    Closes the file itself: pdfplumber's own close() walks the page tree
    again and so raises a second time on the damaged files we are handling.
    """
    import pdfplumber

    try:
        pdf = pdfplumber.open(path, pages=page_numbers)
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise UnreadableDocument(_plumber_reason(exc)) from exc
    try:
        try:
            pages = list(pdf.pages)  # parsed lazily: damage often surfaces here
        except Exception as exc:  # pdfminer raises many types on damaged files
            raise UnreadableDocument(_plumber_reason(exc)) from exc
        yield pages
    finally:
        pdf.stream.close()


def _plumber_reason(exc: Exception) -> str:
    return f"corrupt PDF: pdfplumber cannot read it ({type(exc).__name__})"


def _tables(page: Any) -> list[Any]:
    """Ruled tables only: the "lines" strategy needs drawn cell borders, and
    does not invent tables from aligned prose the way the text strategy can."""
    tables = page.find_tables()
    return sorted(tables, key=lambda table: (table.bbox[1], table.bbox[0]))


def _clean_rows(rows: list[list[str | None]]) -> list[list[str]]:
    out = []
    for row in rows:
        cells = [_one_line(cell) if cell else "" for cell in row]
        if any(cells):
            out.append(cells)
    return out


def _one_line(text: str) -> str:
    """Whitespace (a cell's own line breaks, tabs) collapsed; controls dropped."""
    return " ".join(_CONTROL_RE.sub("", text).split())


def _inside_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _is_short(line: str) -> bool:
    return len(line) <= SHORT_LINE_CHARS and len(line.split()) <= SHORT_LINE_WORDS


def _is_numeric_row(line: str) -> bool:
    if _TWO_NUMBERS.search(line) is None:
        return False  # most lines: not two words with digits, no need to look at each word
    tokens = line.split()
    numbers = sum(1 for token in tokens if _NUMERIC_RE.fullmatch(token))
    return numbers >= 2 and numbers / len(tokens) >= 0.4
