"""Render a document as a real, multi-page PDF with reportlab's platypus.

What an importer meets in published PDFs: a running footer and "Page 3 of 7"
on every page, tables whose long cells wrap over several lines and whose
rows run over page breaks, hanging paragraph numbers. `invariant=1` pins
the creation date and document id, so the same seed gives the same bytes.
A pack is laid out twice: the first pass finds the page each paper starts
on, the second prints those ranges in the agenda.
"""

from __future__ import annotations

import io
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)
from reportlab.platypus import (
    PageBreak as RLPageBreak,
)
from reportlab.platypus import (
    Table as RLTable,
)

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

_MARGIN = 20 * mm
_FRAME_WIDTH = A4[0] - 2 * _MARGIN

_BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13, spaceAfter=5)
_STYLES = {
    "body": _BASE,
    "centre": ParagraphStyle("centre", parent=_BASE, alignment=TA_CENTER),
    "numbered": ParagraphStyle("numbered", parent=_BASE, leftIndent=30, bulletIndent=0),
    "label": ParagraphStyle("label", parent=_BASE, leftIndent=30),
    "bullet": ParagraphStyle("bullet", parent=_BASE, leftIndent=14, bulletIndent=3),
    "cell": ParagraphStyle("cell", parent=_BASE, fontSize=8.5, leading=10.5, spaceAfter=0),
    "h1": ParagraphStyle(
        "h1",
        parent=_BASE,
        fontName="Helvetica-Bold",
        fontSize=14,
        leading=18,
        spaceBefore=6,
        spaceAfter=8,
        alignment=TA_CENTER,
    ),
    "h2": ParagraphStyle(
        "h2",
        parent=_BASE,
        fontName="Helvetica-Bold",
        fontSize=11.5,
        leading=15,
        spaceBefore=8,
        spaceAfter=5,
    ),
    "h3": ParagraphStyle(
        "h3",
        parent=_BASE,
        fontName="Helvetica-Bold",
        fontSize=10.5,
        leading=14,
        spaceBefore=6,
        spaceAfter=4,
    ),
}


class _AnchorFlowable(Flowable):
    """Zero-size marker: records the page it lands on."""

    def __init__(self, key: str, found: dict[str, int]) -> None:
        super().__init__()
        self.key = key
        self.found = found

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.found.setdefault(self.key, self.canv.getPageNumber())


def _canvas_class(footer: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Holds pages back until the end so each footer can say "Page n of N"."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self.setFont("Helvetica", 8)
                self.setFillColor(colors.black)
                self.drawString(_MARGIN, 12 * mm, footer)
                self.drawRightString(
                    A4[0] - _MARGIN, 12 * mm, f"Page {self._pageNumber} of {total}"
                )
                super().showPage()
            super().save()

    return NumberedCanvas


def _text(p: Para) -> str:
    text = escape(p.text)
    if p.bold:
        text = f"<b>{text}</b>"
    if p.italic:
        text = f"<i>{text}</i>"
    if p.label:
        text = f"<b>{escape(p.label)}</b> {text}"
    return text


def _table(t: Table, pages: dict[str, str]) -> RLTable:
    cell = _STYLES["cell"]
    data: list[list[Any]] = []
    if t.header:
        data.append([Paragraph(f"<b>{escape(h)}</b>", cell) for h in t.header])
    for row in t.rows:
        out = []
        for n, c in enumerate(row):
            value = pages.get(c.anchor, "00 - 00") if isinstance(c, PageRange) else str(c)
            markup = escape(value)
            if t.kind in ("attendance", "plain") and n == 0 and value:
                markup = f"<b>{markup}</b>"
            out.append(Paragraph(markup, cell))
        data.append(out)
    ncols = max(len(r) for r in data)
    weights = t.widths or [1.0] * ncols
    widths = [_FRAME_WIDTH * w / sum(weights) for w in weights]
    table = RLTable(data, colWidths=widths, repeatRows=1 if t.header else 0, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if t.kind == "grid" or t.header and t.kind != "plain":
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.grey))
    if t.header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")))
    table.setStyle(TableStyle(commands))
    return table


def _flowables(doc: Document, pages: dict[str, str], found: dict[str, int]) -> list[Flowable]:
    out: list[Flowable] = []
    for b in doc.blocks:
        if isinstance(b, Heading):
            text = f"{b.number} {b.text}" if b.number else b.text
            out.append(Paragraph(escape(text), _STYLES[f"h{min(3, b.level)}"]))
        elif isinstance(b, Para):
            if b.number:
                out.append(Paragraph(_text(b), _STYLES["numbered"], bulletText=b.number))
            elif b.indent:
                out.append(Paragraph(_text(b), _STYLES["label"]))
            else:
                out.append(Paragraph(_text(b), _STYLES["centre" if b.centre else "body"]))
        elif isinstance(b, Table):
            out.append(_table(b, pages))
            out.append(Spacer(1, 6))
        elif isinstance(b, Bullets):
            for item in b.items:
                out.append(Paragraph(escape(item), _STYLES["bullet"], bulletText="\u2022"))
        elif isinstance(b, PageBreak):
            out.append(RLPageBreak())
        elif isinstance(b, Anchor):
            out.append(_AnchorFlowable(b.key, found))
    return out


def _build(doc: Document, pages: dict[str, str]) -> tuple[bytes, dict[str, int], int]:
    buf = io.BytesIO()
    found: dict[str, int] = {}
    template = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 6 * mm,
        title=doc.title,
        author=doc.author,
        subject=doc.kind,
        creator="minutebook synth",
        invariant=1,
    )
    frame = Frame(_MARGIN, _MARGIN + 6 * mm, _FRAME_WIDTH, A4[1] - 2 * _MARGIN - 6 * mm, id="body")
    template.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    template.build(_flowables(doc, pages, found), canvasmaker=_canvas_class(doc.footer))
    return buf.getvalue(), found, template.page


def render_pdf(doc: Document) -> tuple[bytes, int]:
    """The document as PDF bytes and its page count."""
    pages: dict[str, str] = {}
    data, found, count = _build(doc, pages)
    order = doc.anchors()
    for _ in range(3):
        if not order:
            break
        new = page_ranges(found, count, order)
        if new == pages:
            break
        pages = new
        data, found, count = _build(doc, pages)
    return data, count
