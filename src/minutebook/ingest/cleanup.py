"""Strip converter noise from extracted text, line by line.

Published papers reach us through many converters: Markdown with inline
HTML tables, Word text with tabs, PDF text with running footers and page
numbers. `clean_lines` turns them into one plain form the parser reads.
Nothing here knows about minutes; it only knows about documents.
"""

from __future__ import annotations

import html
import re
from collections import Counter

from minutebook.ingest.lines import ACTION_LEAD, PARAGRAPH_NUMBER, ROMAN_OR_LETTER, Line
from minutebook.ingest.source import SourceLine

BLANK_PAGE = re.compile(
    r"^\W*this page (?:is |has been )?(?:intentionally|deliberately) left blank\W*$", re.I
)
BULLET = re.compile(
    r"^\s*(?:[-*\u2022\u25cf\u25aa\u2023\u2043\u25e6\uf0b7\uf0a7o\u2013]\s+|[\u2022\u25cf\u25aa\uf0b7\uf0a7])"
)
PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|[-\u2013]\s*\d+\s*[-\u2013]|\d{1,3})\s*$",
    re.I,
)
# Words a converter glues to "the" ("ofthe", "tothe").
GLUED_LEADS = ("of", "to", "and", "in", "on", "for", "at", "by", "from", "with", "that", "is")
GLUED_WORDS = re.compile(rf"\b({'|'.join(GLUED_LEADS)})(the)\b", re.I)
TAG = re.compile(r"<[^>]{0,400}>")
MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>]+)>")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
EMPHASIS = re.compile(r"(\*\*|__)")
ITALIC = re.compile(r"(?<![\w*\\])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
GLUED_HEADING = re.compile(r"(?<=\S)\*\*(?=\d{1,2}\.\s)")
SPACES = re.compile(r"[ \u00a0\u2002\u2003\u2009\u200b]+")


def html_fragment_to_lines(text: str) -> list[str]:
    """Inline HTML (a table cell in a Markdown conversion) to plain lines."""
    text = re.sub(r"\s*<sup>\s*(st|nd|rd|th)\s*</sup>", r"\1", text, flags=re.I)
    text = re.sub(r"<\s*br\s*/?>", "\n", text, flags=re.I)
    text = re.sub(r"<\s*li\b[^>]*>", "\n- ", text, flags=re.I)
    text = re.sub(r"<\s*/\s*(?:p|li|ul|ol|div|h\d)\s*>", "\n", text, flags=re.I)
    text = re.sub(r"<\s*(?:p|div|ul|ol)\b[^>]*>", "\n", text, flags=re.I)
    text = TAG.sub("", text)
    return [html.unescape(part) for part in text.split("\n")]


MARKDOWN_CHARS = re.compile(r"[#*_\[<\\]")


def is_rule_line(text: str) -> bool:
    """Only dashes, bars, colons and spaces, three or more: a Markdown table rule (or blank).

    Tested with string methods: the equivalent regular expression backtracks
    over every run of spaces, and laid-out PDF lines are mostly spaces.
    """
    return not text.strip().strip("-|: ") and sum(text.count(c) for c in "-|: ") >= 3


def strip_markdown(text: str) -> str:
    if not (MARKDOWN_CHARS.search(text) or is_rule_line(text)):
        return text  # most lines of most papers: nothing to strip
    text = MD_HEADING.sub("", text)

    text = MD_LINK.sub(r"\1", text)
    text = MD_AUTOLINK.sub(r"\1", text)
    text = EMPHASIS.sub("", text)
    text = ITALIC.sub(r"\1", text)
    text = text.replace("\\*", "*").replace("\\_", "_").replace("\\-", "-")
    if re.fullmatch(r"\s*(?:-{3,}|\*{3,}|_{3,}|[-|: ]{3,})\s*", text):
        return ""
    return text


def repair_text(text: str) -> str:
    """Repairs that apply to any converter: glued words, odd spaces, quotes kept as printed."""
    if has_glued_pair(text.lower()):
        text = GLUED_WORDS.sub(r"\1 \2", text)
    if "  " in text or not text.isascii():
        text = SPACES.sub(" ", text)
    return text


def has_glued_pair(lowered: str) -> bool:
    """Whether a lower-cased line holds a lead word run into "the" ("ofthe"), looked for
    before GLUED_WORDS is run: most lines hold "the", few a glued pair. Each "the" is
    found with str.find and what stands before it compared with the leads, which costs
    a fraction of an expression that tries every lead at every position."""
    at = lowered.find("the")
    while at >= 0:
        if lowered.endswith(GLUED_LEADS, 0, at):
            return True
        at = lowered.find("the", at + 1)
    return False


def split_cells(text: str) -> list[str]:
    return [cell.strip() for cell in text.split("\t")]


def html_row_pieces(part: str) -> list[str]:
    """One line of a Markdown conversion holding inline HTML, as plain lines.

    A table row stays one TAB-separated line; when a cell holds a list, the
    list items follow as lines of their own, since they are what the minutes
    recorded (recommendations, agreed actions).
    """
    cells = part.split("\t")
    if len(cells) == 1:
        return html_fragment_to_lines(part)
    cell_lines = [html_fragment_to_lines(cell) for cell in cells]
    row = "\t".join("; ".join(p.strip() for p in lines if p.strip()) for lines in cell_lines)
    if any(p.strip().startswith("- ") for lines in cell_lines for p in lines):
        return [row, *(p for lines in cell_lines[1:] for p in lines)]
    return [row]


# Three or more spaces between two non-spaces. Written as a space first, then the look
# back at the character before it, rather than `(?<=\S) {3,}(?=\S)`: an expression that
# opens with a literal is tried only where that literal stands, the other at every
# character, and laid-out lines are long.
LAYOUT_GAP = re.compile(r" (?<=\S )  +(?=\S)")


def layout_columns(text: str) -> tuple[str, list[int] | None]:
    """Columns a layout-preserving converter separated by runs of spaces become TABs.

    Only a short first column counts ("Subject", "Members:", "1.", a name), so
    a sentence with a wide gap in it is not taken for a table row. Returns the
    text and the character offset where each column starts.
    """
    stripped = text.strip()
    if "\t" in text or "   " not in stripped:
        return text, None  # most lines: no gap as wide as a layout converter's
    indent = len(text) - len(text.lstrip(" "))
    parts = LAYOUT_GAP.split(stripped)
    first = parts[0].split()
    if len(parts) > 1 and len(first) <= 5 and not (len(first) > 2 and parts[0].endswith(".")):
        # a laid-out row: narrower gaps between its other columns count too
        parts = CELL_GAP.split(stripped)
        starts = [indent] + [indent + m.end() for m in CELL_GAP.finditer(stripped)]
        return "\t".join(parts), starts
    return text, None


# Two or more spaces between two non-spaces (written as LAYOUT_GAP is, for speed).
CELL_GAP = re.compile(r" (?<=\S ) +(?=\S)")


def merge_layout_continuations(lines: list[Line]) -> list[Line]:
    """Fold the wrapped cells of a space-laid-out table back into their row.

    A line right under a laid-out row continues it when it starts right of
    the row's first column ("        the 9th November 2021"), when it leaves
    empty two or more of the columns the row filled (a wrapped reference,
    date and action under their row), or when it completes a wrapped label
    ("Officers" / "Present:").
    """
    out: list[Line] = []
    for previous, line in zip([None, *lines], lines, strict=False):
        row = out[-1] if out else None
        turned_page = previous is not None and starts_next_page(previous, line)
        if row is not None and continues_row(row, line, across_page_break=turned_page):
            for segment, start in line_segments(line):
                column = column_of(start, row.cell_starts)
                row.cells[column] = f"{row.cells[column]} {segment}".strip()
            row.text = "\t".join(c for c in row.cells if c)
            row.last = line.last
            continue
        out.append(line)
    return out


def line_segments(line: Line) -> list[tuple[str, int]]:
    if line.cells is None:
        return [(line.text.strip(), line.indent)]
    cells = [c for c in line.cells if c]
    return list(zip(cells, line.cell_starts or [], strict=False))


def column_of(start: int, starts: list[int]) -> int:
    return max((i for i, s in enumerate(starts) if s <= start + 2), default=0)


def fits_columns(segments: list[tuple[str, int]], starts: list[int]) -> bool:
    """Whether every piece of a line stays inside the column it starts in."""
    for text, start in segments:
        column = column_of(start, starts)
        if column + 1 < len(starts) and start + len(text) > starts[column + 1] + 1:
            return False
    return True


def starts_next_page(previous: Line, line: Line) -> bool:
    """Whether `line` is the first of the page after `previous`'s (running heads dropped)."""
    return previous.page is not None and line.page == previous.page + 1


def continues_row(row: Line, line: Line, *, across_page_break: bool = False) -> bool:
    """Whether `line` continues the laid-out `row` above it (see merge_layout_continuations);
    a row may run on at the top of the next page."""
    if not (row.cell_starts and row.cells) or line.blank or line.bullet or line.is_break:
        return False
    if line.cells is not None and line.cell_starts is None:
        return False  # a TAB-separated row is a row of its own
    if line.first - row.last > 1 and not across_page_break:
        return False
    if opens_paragraph(line.text.strip()):
        return False  # "Action: ..." under a numbered paragraph is a paragraph of its own
    if is_numbered_row(line):
        return False
    segments = line_segments(line)

    if not segments or not fits_columns(segments, row.cell_starts):
        return False  # running text wider than the columns: the table has ended
    filled = {column_of(start, row.cell_starts) for _, start in segments}
    row_filled = {i for i, cell in enumerate(row.cells) if cell}
    if line.indent > row.cell_starts[0] + 2:
        # under the row with its first column empty: wrapped cells, unless it fills
        # the row's other columns like a row of its own (the next person under a label)
        return len(segments) == 1 or len(row_filled - filled) >= 2
    if segments[0][0].endswith(":") and not row.cells[0].endswith(":"):
        return True  # a wrapped label: "Officers" / "Present:" (its cells may wrap with it)
    return len(row_filled) >= 4 and len(row_filled - filled) >= 2


ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.?")


def is_numbered_row(line: Line) -> bool:
    """ "2.   Declarations of Interest   Chair": a laid-out line whose first column is
    only a number opens a row of its own (an agenda item, a log entry), never a
    wrapped cell of the row above, however few columns it fills."""
    return bool(line.cells) and ROW_NUMBER.fullmatch(line.cells[0]) is not None


def opens_paragraph(text: str) -> bool:
    return bool(
        ACTION_LEAD.match(text) or PARAGRAPH_NUMBER.match(text) or ROMAN_OR_LETTER.match(text)
    )


def make_lines(source: SourceLine) -> list[Line]:
    raw = source.text.replace("\r", "")
    if "**" in raw:
        raw = GLUED_HEADING.sub("\n", raw)
    if "<" in raw and TAG.search(raw):
        pieces = [piece for part in raw.split("\n") for piece in html_row_pieces(part)]
    else:
        pieces = raw.split("\n")
    return [make_line(source, piece) for piece in pieces]


def make_line(source: SourceLine, piece: str) -> Line:
    indent = len(piece) - len(piece.lstrip(" "))
    text, cell_starts = layout_columns(strip_markdown(piece))

    bullet = False
    match = BULLET.match(text)
    if match and text.strip() not in {"-", "*"}:
        bullet = True
        text = text[match.end() :]
    cells = None
    if "\t" in text.strip():
        parts = split_cells(text)
        non_empty = [c for c in parts if c]
        if len(non_empty) > 1:
            cells = [repair_text(c).strip() for c in parts]
        text = "\t".join(non_empty)
    text = repair_text(text).strip()
    if BLANK_PAGE.match(text):
        return Line("", source.number, source.number, source.page, is_break=True)
    if cells is None:
        cell_starts = None
    return Line(
        text,
        source.number,
        source.number,
        source.page,
        bullet,
        cells,
        indent=indent,
        cell_starts=cell_starts,
    )


def furniture_keys(source_lines: list[SourceLine]) -> set[str]:
    """Running headers and footers: short lines repeated at the edges of several pages."""
    by_page: dict[int, list[str]] = {}
    for line in source_lines:
        if line.page is not None and line.text.strip():
            by_page.setdefault(line.page, []).append(line.text.strip())
    if len(by_page) < 2:
        return set()
    counts: Counter[str] = Counter()
    for texts in by_page.values():
        edge_indexes = {*range(min(2, len(texts))), *range(max(0, len(texts) - 3), len(texts))}
        edges = {
            texts[i]
            for i in edge_indexes
            if could_be_furniture(texts[i]) and not heads_table_rows(texts, i)
        }
        counts.update(furniture_key(t) for t in edges)
    threshold = 2 if len(by_page) <= 4 else len(by_page) // 2
    return {key for key, n in counts.items() if n >= threshold}


def heads_table_rows(texts: list[str], index: int) -> bool:
    """Whether the line at `index` is a table's heading row with rows under it: both it and
    the next line are laid out in three or more columns. A long table repeats its
    headings at the top of every page it runs over, yet they are no running head."""
    if index + 1 >= len(texts):
        return False
    return all(len(LAYOUT_GAP.split(texts[i])) >= 3 for i in (index, index + 1))


def could_be_furniture(text: str) -> bool:
    """Running heads are short and never open a numbered paragraph, a bullet or an action."""
    return len(text.split()) <= 14 and not re.match(
        r"^(?:\d+(?:\.\d+)*\.?\s|[-*\u2022]|action\b)", text, re.I
    )


def furniture_key(text: str) -> str:
    """Lines that differ only by a page number are the same footer."""
    text = text.strip().lower()
    if ("page" in text and PAGE_WORD.search(text)) or (
        ("of" in text or "/" in text) and PAGE_OF.search(text)
    ):
        return DIGITS.sub("#", text)
    return text


# "page 3", "3 of 12", "3/12": two expressions, each tried only where its word can be,
# as one alternation is tried at every character of every line.
PAGE_WORD = re.compile(r"\bpage\b")
PAGE_OF = re.compile(r"\d\s*(?:of|/)\s*\d")
DIGITS = re.compile(r"\d+")


def repeated_table_headings(source_lines: list[SourceLine]) -> set[int]:
    """Indexes of a table's column headings printed again at the top of a later page, where
    they cut a row that runs on across the page break.

    A long table (an action log) repeats its heading row on every page it
    runs over. When the line under the repeat continues a row (its first
    column is empty), the repeat stands between the row's two halves and is
    dropped; a repeat over a row of its own is kept, as the table's heading
    on that page. A heading row is a laid-out line of three or more columns.
    """
    seen: set[str] = set()
    repeats: set[int] = set()
    position: dict[int, int] = {}  # non-blank lines seen so far on each page
    for index, line in enumerate(source_lines):
        text = line.text.strip()
        if not text or line.page is None:
            continue
        on_page = position.get(line.page, 0)
        position[line.page] = on_page + 1
        cells = LAYOUT_GAP.split(text)
        if len(cells) < 3:
            continue
        key = "\t".join(cell.lower() for cell in cells)
        if key in seen and on_page < HEADING_REPEAT_LINES:
            following = next((x for x in source_lines[index + 1 :] if x.text.strip()), None)
            if following is not None and _indent(following.text) > _indent(line.text) + 2:
                repeats.add(index)
        seen.add(key)
    return repeats


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


# A repeated heading row stands among the first lines of its page (after a running head).
HEADING_REPEAT_LINES = 3


def drop_page_furniture(source_lines: list[SourceLine]) -> list[SourceLine]:
    """Remove running headers, footers, page numbers and repeated table headings from paged
    text."""
    keys = furniture_keys(source_lines)
    repeats = repeated_table_headings(source_lines)
    out: list[SourceLine] = []
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(source_lines):
        if line.page is not None and line.text.strip():
            pages.setdefault(line.page, []).append(index)
    edge_indexes = set()
    for indexes in pages.values():
        edge_indexes.update(indexes[:2] + indexes[-2:])
    for index, line in enumerate(source_lines):
        text = line.text.strip()
        if index in repeats:
            continue
        if text and line.page is not None:
            if furniture_key(text) in keys:
                continue
            if index in edge_indexes and PAGE_NUMBER.match(text):
                continue
        elif text and re.fullmatch(r"page\s+\d+(?:\s*(?:of|/)\s*\d+)?", text, re.I):
            continue
        out.append(line)
    return out


def join_single_words(lines: list[Line]) -> list[Line]:
    """Rejoin text a PDF converter printed one word per line (runs of 4 or more)."""
    out: list[Line] = []
    run: list[Line] = []

    def flush() -> None:
        if len(run) >= 4:
            merged = Line(" ".join(x.text for x in run), run[0].first, run[-1].last, run[0].page)
            out.append(merged)
        else:
            out.extend(run)
        run.clear()

    for line in lines:
        single = (
            not line.blank
            and not line.cells
            and not line.bullet
            and " " not in line.text
            and not re.fullmatch(r"[\d.]+", line.text)
        )
        if single:
            run.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return out


def join_lone_numbers(lines: list[Line]) -> list[Line]:
    """A paragraph number alone on its line belongs to the text that follows it."""
    out: list[Line] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if ROW_NUMBER.fullmatch(line.text) and not line.cells:
            nxt = index + 1
            while nxt < len(lines) and lines[nxt].blank and nxt - index < 3:
                nxt += 1
            if nxt < len(lines) and not lines[nxt].blank and not lines[nxt].is_break:
                follower = lines[nxt]
                if not re.match(r"\d", follower.text):
                    out.append(
                        Line(
                            f"{line.text} {follower.text}",
                            line.first,
                            follower.last,
                            line.page,
                            follower.bullet,
                        )
                    )
                    index = nxt + 1
                    continue
        out.append(line)
        index += 1
    return out


PAGE_MARK = re.compile(r"^\s*page\s+\d+(?:\s*(?:of|/)\s*\d+)?\s*$|\f", re.I)


def pseudo_pages(source_lines: list[SourceLine]) -> list[SourceLine] | None:
    """Page numbers for unpaged text that still prints "Page 2 of 5" marks (a PDF saved as text)."""
    marks = [i for i, line in enumerate(source_lines) if PAGE_MARK.match(line.text)]
    if len(marks) < 2:
        return None
    out = []
    page = 1
    for index, line in enumerate(source_lines):
        out.append(SourceLine(line.number, page, line.text))
        if index in marks:
            page += 1
    return out


def clean_lines(source_lines: list[SourceLine]) -> list[Line]:
    paged = any(line.page is not None for line in source_lines)
    if paged:
        source_lines = drop_page_furniture(source_lines)
    else:
        numbered = pseudo_pages(source_lines)
        if numbered is not None:
            source_lines = [
                SourceLine(line.number, None, line.text) for line in drop_page_furniture(numbered)
            ]
    lines = [line for source in source_lines for line in make_lines(source)]
    return join_lone_numbers(join_single_words(merge_layout_continuations(lines)))
