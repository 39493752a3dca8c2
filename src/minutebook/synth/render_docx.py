"""Render a document as a Word file with python-docx.

Headings use Word's heading styles, attendance and action logs are real
tables, and the footer carries the running title with PAGE and NUMPAGES
fields. python-docx stamps the zip entries and core properties with the
current time, so both are pinned here: the same seed gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from minutebook.synth.document import (
    Anchor,
    Bullets,
    Document,
    Heading,
    PageBreak,
    PageRange,
    Para,
    Table,
)

_FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def _field(paragraph: DocxParagraph, instruction: str) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _footer(doc: DocxDocument, text: str) -> None:
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.text = text
    page = footer.add_paragraph("Page ")
    _field(page, "PAGE")
    page.add_run(" of ")
    _field(page, "NUMPAGES")
    page.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _para(doc: DocxDocument, b: Para) -> None:
    p = doc.add_paragraph()
    if b.number:
        p.add_run(f"{b.number}\t")
        p.paragraph_format.left_indent = Pt(36)
        p.paragraph_format.first_line_indent = Pt(-36)
    if b.label:
        p.add_run(b.label + " ").bold = True
    if b.indent:
        p.paragraph_format.left_indent = Pt(36)
    run = p.add_run(b.text)
    run.bold = b.bold
    run.italic = b.italic
    if b.centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table(doc: DocxDocument, t: Table, pages: dict[str, str]) -> None:
    rows = [
        [pages.get(c.anchor, "") if isinstance(c, PageRange) else str(c) for c in row]
        for row in t.rows
    ]
    ncols = max(len(r) for r in rows + ([t.header] if t.header else []))
    table = doc.add_table(rows=0, cols=ncols)
    if t.kind == "grid" or t.header:
        table.style = "Table Grid"
    if t.header:
        cells = table.add_row().cells
        for n, h in enumerate(t.header):
            cells[n].text = ""
            cells[n].paragraphs[0].add_run(h).bold = True
    for row in rows:
        cells = table.add_row().cells
        for n, value in enumerate(row):
            cells[n].text = value
    doc.add_paragraph()


def _save_deterministic(doc: DocxDocument) -> bytes:
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw.getvalue())) as src,
        zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(doc: Document, pages: dict[str, str]) -> bytes:
    """The document as DOCX bytes; `pages` fills the agenda's page ranges (estimated)."""
    word = new_docx()
    style = word.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10)
    props = word.core_properties
    stamp = datetime(doc.when.year, doc.when.month, doc.when.day, 9, 0, tzinfo=UTC)
    props.title = doc.title
    props.author = doc.author
    props.last_modified_by = doc.author
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    _footer(word, doc.footer)
    for b in doc.blocks:
        if isinstance(b, Heading):
            text = f"{b.number} {b.text}" if b.number else b.text
            word.add_heading(text, level=min(3, b.level))
        elif isinstance(b, Para):
            _para(word, b)
        elif isinstance(b, Table):
            _table(word, b, pages)
        elif isinstance(b, Bullets):
            for item in b.items:
                word.add_paragraph(item, style="List Bullet")
        elif isinstance(b, PageBreak):
            word.add_page_break()
        elif isinstance(b, Anchor):
            pass
    return _save_deterministic(word)
