"""HTML pages: visible text, one line per block, tables as TAB-separated rows.

Council websites publish minutes as HTML pages. A browser's layout is what a
reader sees, so each block element starts a line, list items keep a "- "
marker and a table row stays one line (cells split by TAB) so the parser can
read attendance and action tables as rows.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag
from bs4.element import PreformattedString

from minutebook.ingest.readers.files import FileFacts, read_all
from minutebook.ingest.readers.text import decode_bytes, normalise_newlines, tidy_text
from minutebook.ingest.source import ReadDocument, UnreadableDocument

MEDIA_TYPE = "text/html"

# Elements whose content is never shown (or is browser furniture).
SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "title", "meta", "link", "svg", "iframe", "object"}
)
# Elements that start (and end) a line.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
CELL_TAGS = frozenset({"td", "th"})

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_DISPLAY_NONE_RE = re.compile(r"display\s*:\s*none", re.I)
_SPACES_RE = re.compile(r"\s+")
# How far into the file to look for a <meta charset> declaration.
_CHARSET_WINDOW = 4096


def read_html(facts: FileFacts, warnings: list[str]) -> ReadDocument:
    """Read an HTML file as one unpaged "page" of visible text."""
    data = read_all(facts)
    sha256 = hashlib.sha256(data).hexdigest()
    markup = decode_bytes(data, warnings, declared=declared_charset(data))
    del data
    markup = tidy_text(markup)
    try:
        lines = html_lines(markup)
    except RecursionError as exc:
        raise UnreadableDocument("HTML nested too deeply to read") from exc
    if not lines:
        raise UnreadableDocument("no text found: the HTML page has no visible text")
    return ReadDocument(
        name=facts.name,
        sha256=sha256,
        media_type=MEDIA_TYPE,
        page_count=None,
        pages=["\n".join(lines)],
        warnings=warnings,
    )


def declared_charset(data: bytes) -> str | None:
    """The charset a <meta> tag declares near the top, if any."""
    match = _META_CHARSET_RE.search(data[:_CHARSET_WINDOW])
    return match.group(1).decode("ascii") if match else None


def html_lines(markup: str) -> list[str]:
    """The visible text of an HTML document as lines (no blank lines)."""
    soup = BeautifulSoup(markup, "html.parser")
    builder = _LineBuilder()
    _walk(soup, builder)
    builder.end_line()
    return builder.lines


class _LineBuilder:
    """Collects inline text into the current line; block boundaries end it."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []
        self._prefix = ""
        self.pre_depth = 0

    def add_text(self, text: str) -> None:
        if self.pre_depth:
            first, *rest = normalise_newlines(text).split("\n")
            self._parts.append(first)
            for segment in rest:
                self.end_line()
                self._parts.append(segment)
        else:
            self._parts.append(text)

    def start_item(self) -> None:
        self.end_line()
        self._prefix = "- "

    def end_item(self) -> None:
        self.end_line()
        self._prefix = ""  # an empty item must not mark the next line

    def add_line(self, line: str) -> None:
        self.end_line()
        self.lines.append(line)

    def end_line(self) -> None:
        text = "".join(self._parts)
        self._parts = []
        text = text.strip() if self.pre_depth else _SPACES_RE.sub(" ", text).strip()
        if text:
            self.lines.append(self._prefix + text)
            self._prefix = ""


def _walk(root: Tag, builder: _LineBuilder) -> None:
    """Depth-first walk with an explicit stack: real pages nest deeper than
    Python's recursion limit allows (unclosed <div>s pile up)."""
    stack: list[tuple[PageElement, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            _leave(node, builder)
        elif isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, doctype, CDATA
                builder.add_text(str(node))
        elif isinstance(node, Tag) and not _hidden(node):
            if node.name == "tr":
                _add_row(node, builder)
                continue
            _enter(node, builder)
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))


def _enter(tag: Tag, builder: _LineBuilder) -> None:
    if tag.name == "li":
        builder.start_item()
    elif tag.name in BLOCK_TAGS:
        builder.end_line()
    if tag.name == "pre":
        builder.pre_depth += 1


def _leave(node: PageElement, builder: _LineBuilder) -> None:
    name = getattr(node, "name", None)
    if name == "li":
        builder.end_item()
    elif name in BLOCK_TAGS:
        builder.end_line()
    if name == "pre":
        builder.pre_depth -= 1


def _hidden(tag: Tag) -> bool:
    if tag.name in SKIP_TAGS:
        return True
    if tag.has_attr("hidden"):
        return True
    style = tag.get("style")
    return isinstance(style, str) and bool(_DISPLAY_NONE_RE.search(style))


def _add_row(tr: Tag, builder: _LineBuilder) -> None:
    """One table row, one line: cells joined by TAB.

    A row whose cells hold a nested table is page layout, not data: its cells
    are read as ordinary blocks instead of being crushed onto one line.
    """
    cells = [c for c in tr.children if isinstance(c, Tag) and c.name in CELL_TAGS]
    if any(cell.find("table") is not None for cell in cells):
        builder.end_line()
        for cell in cells:
            _walk(cell, builder)
        builder.end_line()
        return
    texts = [_cell_text(cell) for cell in cells if not _hidden(cell)]
    if any(texts):
        builder.add_line("\t".join(texts))
    else:
        builder.end_line()


def _cell_text(cell: Tag) -> str:
    """A cell's text on one line (its own line breaks become spaces)."""
    inner = _LineBuilder()
    _walk(cell, inner)
    inner.end_line()
    return _join_cell_lines(inner.lines)


def _join_cell_lines(lines: Iterable[str]) -> str:
    return " ".join(line.replace("\t", " ") for line in lines).strip()
