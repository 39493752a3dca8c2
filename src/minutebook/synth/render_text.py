"""Render a document as plain text, the way users' converters hand it to us.

Two flavours: "pdf" imitates a PDF-to-text conversion (wrapped lines,
hanging paragraph numbers, columns padded with spaces, a running footer and
"Page 3 of 7" on every page, form feeds between pages); "word" imitates
text saved from a word processor (long lines, tab-separated table cells, no
pages). Both carry the same facts.
"""

from __future__ import annotations

import textwrap

from minutebook.synth.document import (
    Anchor,
    Bullets,
    Document,
    Heading,
    PageBreak,
    PageRange,
    Para,
    Table,
    page_ranges,
)

WIDTH = 92
PAGE_LINES = 54


def _cell(value: object, pages: dict[str, str]) -> str:
    if isinstance(value, PageRange):
        return pages.get(value.anchor, "00 - 00")
    return str(value)


class _Layout:
    def __init__(self, flavour: str, pages: dict[str, str]) -> None:
        self.flavour = flavour
        self.pages_map = pages
        self.pages: list[list[str]] = [[]]
        self.anchors: dict[str, int] = {}

    def line(self, text: str = "") -> None:
        if self.flavour == "pdf" and len(self.pages[-1]) >= PAGE_LINES:
            self.pages.append([])
        if not text and not self.pages[-1]:
            return  # no blank lines at the top of a page
        self.pages[-1].append(text.rstrip())

    def lines(self, texts: list[str]) -> None:
        for t in texts:
            self.line(t)

    def page_break(self) -> None:
        if self.flavour == "pdf":
            if self.pages[-1]:
                self.pages.append([])
        else:
            self.line()
            self.line()

    def wrap(self, text: str, indent: int = 0, first: str = "") -> list[str]:
        if self.flavour == "word":
            return [first + text]
        width = WIDTH - indent
        wrapped = textwrap.wrap(text, width=width) or [""]
        pad = " " * indent
        return [(first.ljust(indent) if n == 0 else pad) + w for n, w in enumerate(wrapped)]

    def block(self, b: object) -> None:
        if isinstance(b, Heading):
            text = f"{b.number} {b.text}" if b.number else b.text
            self.line()
            if b.level == 1 and self.flavour == "pdf":
                self.lines([" " + t for t in self.wrap(text)])
            else:
                self.lines(self.wrap(text))
            self.line()
        elif isinstance(b, Para):
            self.para(b)
        elif isinstance(b, Table):
            self.table(b)
        elif isinstance(b, Bullets):
            for item in b.items:
                self.lines(self.wrap(item, 2, "\u2022 "))
            self.line()
        elif isinstance(b, PageBreak):
            self.page_break()
        elif isinstance(b, Anchor):
            if self.flavour == "pdf" and len(self.pages[-1]) >= PAGE_LINES:
                self.pages.append([])
            self.anchors[b.key] = len(self.pages)

    def para(self, p: Para) -> None:
        text = f"{p.label} {p.text}" if p.label else p.text
        if p.centre and self.flavour == "pdf":
            self.lines([t.center(WIDTH) for t in self.wrap(text)])
        elif p.number:
            self.lines(self.wrap(text, max(6, len(p.number) + 1), p.number + " "))
        elif p.indent:
            self.lines(self.wrap(text, 6, "      "))
        else:
            self.lines(self.wrap(text))
        self.line()

    def table(self, t: Table) -> None:
        rows = [[_cell(c, self.pages_map) for c in row] for row in t.rows]
        if t.header:
            rows.insert(0, list(t.header))
        if self.flavour == "word":
            for row in rows:
                self.line("\t".join(row))
            self.line()
            return
        ncols = max(len(r) for r in rows)
        weights = t.widths or [1.0] * ncols
        total = sum(weights)
        widths = [max(4, int((WIDTH - 2 * (ncols - 1)) * w / total)) for w in weights]
        for row in rows:
            cells = [textwrap.wrap(c, widths[n]) or [""] for n, c in enumerate(row)]
            height = max(len(c) for c in cells)
            for k in range(height):
                parts = [(c[k] if k < len(c) else "").ljust(widths[n]) for n, c in enumerate(cells)]
                self.line("  ".join(parts))
            if t.kind == "attendance":
                self.line()
        self.line()


def _layout(doc: Document, flavour: str, pages: dict[str, str]) -> _Layout:
    layout = _Layout(flavour, pages)
    for b in doc.blocks:
        layout.block(b)
    while len(layout.pages) > 1 and not layout.pages[-1]:
        layout.pages.pop()
    return layout


def paginate(doc: Document) -> tuple[int, dict[str, str]]:
    """Page count and page ranges of the pdf-flavour layout (also used to estimate DOCX pages)."""
    pages: dict[str, str] = {}
    layout = _layout(doc, "pdf", pages)
    for _ in range(3):
        order = doc.anchors()
        new = page_ranges(layout.anchors, len(layout.pages), order)
        if new == pages:
            break
        pages = new
        layout = _layout(doc, "pdf", pages)
    return len(layout.pages), pages


def render_text(doc: Document, flavour: str = "pdf") -> tuple[bytes, int | None]:
    """The document as UTF-8 text, and its page count for the pdf flavour."""
    _, pages = paginate(doc)
    layout = _layout(doc, flavour, pages)
    if flavour == "word":
        body = "\n".join(line for page in layout.pages for line in page)
        return (body.rstrip() + "\n").encode("utf-8"), None
    out: list[str] = []
    count = len(layout.pages)
    for n, page in enumerate(layout.pages, start=1):
        lines = [*page, "", doc.footer]
        lines.append(f"Page {n} of {count}".rjust(WIDTH))
        out.append("\n".join(lines))
    return ("\n\f".join(out) + "\n").encode("utf-8"), count
