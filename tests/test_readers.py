"""Document readers: every supported format in, text by page out, and a
one-line reason for everything that cannot be read.

All fixture files are generated here, in tmp_path (PDFs with reportlab,
DOCX with python-docx), so no binaries live in the repository and each test
shows exactly what its input contains. No Django needed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import subprocess
import sys
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from minutebook.ingest.readers import (
    MAX_FILE_MB_ENV,
    max_file_bytes,
    page_looks_tabular,
    pdf_table_rows,
    read_document,
)
from minutebook.ingest.readers.docx_numbering import format_number
from minutebook.ingest.readers.pdf_tables import recover_table_pages
from minutebook.ingest.source import ReadDocument, UnreadableDocument

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MB = 1024 * 1024


@pytest.fixture(autouse=True)
def default_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests start from the default limit, whatever the shell exports."""
    monkeypatch.delenv(MAX_FILE_MB_ENV, raising=False)


# --- fixture builders ------------------------------------------------------


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF with one drawn text line per string, one list per page
    (an empty list makes a blank page)."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        y = 800
        for line in lines:
            c.drawString(72, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def write_table_pdf(path: Path) -> Path:
    """A budget page: heading, a ruled table, a closing paragraph."""
    styles = getSampleStyleSheet()
    rows = [["Service", "Budget £k", "Actual £k", "Variance £k"]]
    rows += [[f"Service {i}", f"{i * 100:,}", f"{i * 97:,}", f"{i * 3}"] for i in range(1, 13)]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        Paragraph("Budget monitoring report", styles["Heading1"]),
        table,
        Paragraph("Members noted the report.", styles["Normal"]),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def write_scanned_pdf(path: Path) -> Path:
    """Two pages of shapes and no text: what a scan looks like to a text reader."""
    c = canvas.Canvas(str(path), pagesize=A4)
    for _ in range(2):
        c.rect(72, 600, 300, 150, fill=1)
        c.circle(300, 300, 80)
        c.showPage()
    c.save()
    return path


def write_encrypted_pdf(path: Path) -> Path:
    plain = write_pdf(path.with_name("plain.pdf"), [["Confidential minutes"]])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt("secret", algorithm="AES-256")
    with path.open("wb") as f:
        writer.write(f)
    return path


def write_minutes_docx(path: Path) -> Path:
    """Paragraphs, a table with merged cells, numbered and bulleted lists,
    and a page header that must not be read."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "RUNNING HEADER"
    document.add_heading("Business Co-ordination Board", level=1)
    document.add_paragraph("Present:")
    table = document.add_table(rows=4, cols=3)
    for cell, text in zip(table.rows[0].cells, ["Name", "Role", "Note"], strict=True):
        cell.text = text
    table.cell(1, 0).text = "Jane Smith"
    table.cell(1, 1).text = "Chair"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "Both meetings"
    table.cell(2, 0).text = "Raj Patel"
    table.cell(2, 1).text = "Treasurer"
    table.cell(3, 0).merge(table.cell(3, 2)).text = "Apologies: none"
    document.add_paragraph("Minutes of the last meeting", style="List Number")
    document.add_paragraph("Budget monitoring", style="List Number")
    document.add_paragraph("Agreed", style="List Bullet")
    document.add_paragraph("Meeting closed at 12:30.")
    document.save(str(path))
    return path


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def junk(n: int) -> bytes:
    """Deterministic binary junk, full of control bytes."""
    return bytes((i * 131 + 7) % 256 for i in range(n))


# --- files that cannot be read ---------------------------------------------

Maker = Callable[[Path, pytest.MonkeyPatch], Path]

BAD_INPUTS: list[tuple[str, Maker, str]] = [
    ("missing", lambda d, m: d / "nope.pdf", "file not found"),
    ("missing parent is a file", lambda d, m: write(d / "f.txt", "x") / "g.pdf", "file not found"),
    ("directory", lambda d, m: d, "is a directory, not a file"),
    ("empty", lambda d, m: write(d / "empty.txt", b""), "empty file"),
    ("whitespace only", lambda d, m: write(d / "blank.txt", " \r\n\t \n"), "empty file"),
    ("whitespace named .pdf", lambda d, m: write(d / "blank.pdf", "\n\n  "), "empty file"),
    ("BOM and whitespace", lambda d, m: write(d / "bom.txt", b"\xef\xbb\xbf \n"), "empty file"),
    ("binary junk named .pdf", lambda d, m: write(d / "junk.pdf", junk(4000)), "corrupt PDF: "),
    (
        "binary junk named .txt",
        lambda d, m: write(d / "junk.txt", junk(4000)),
        "not a supported format: binary data",
    ),
    (
        "truncated PDF",
        lambda d, m: truncate(write_pdf(d / "t.pdf", [["Minutes"] * 20] * 3), 0.6),
        "corrupt PDF: ",
    ),
    (
        "encrypted PDF",
        lambda d, m: write_encrypted_pdf(d / "locked.pdf"),
        "encrypted PDF: a password is needed to read it",
    ),
    (
        "scanned PDF",
        lambda d, m: write_scanned_pdf(d / "scan.pdf"),
        "scanned PDF with no text layer: OCR is not supported yet",
    ),
    (
        "PDF with only page numbers",
        lambda d, m: write_pdf(d / "numbers.pdf", [["1"], ["2"], ["Page 3"]]),
        "scanned PDF with no text layer",
    ),
    ("random bytes named .docx", lambda d, m: write(d / "x.docx", junk(3000)), "corrupt DOCX: "),
    (
        "damaged zip named .docx",
        lambda d, m: write(d / "x.docx", b"PK\x03\x04" + junk(3000)),
        "corrupt DOCX: ",
    ),
    (
        "zip without a document named .docx",
        lambda d, m: write_zip(d / "x.docx", {"readme.txt": b"hello"}),
        "corrupt DOCX: no word/document.xml",
    ),
    (
        "docx with broken XML",
        lambda d, m: write_zip(d / "x.docx", {"word/document.xml": b"<w:document", "x": b""}),
        "corrupt DOCX: ",
    ),
    (
        "zip that is not a docx",
        lambda d, m: write_zip(d / "a.zip", {"a": b"b"}),
        "not a supported format: ZIP",
    ),
    (
        "PNG image",
        lambda d, m: write(d / "photo.pdf", b"\x89PNG\r\n\x1a\n" + junk(100)),
        "not a supported format: PNG image",
    ),
    (
        "legacy .doc",
        lambda d, m: write(d / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + junk(500)),
        "not a supported format: legacy Word",
    ),
    (
        "HTML with no visible text",
        lambda d, m: write(d / "p.html", "<html><script>var a;</script><p> </p></html>"),
        "no text found",
    ),
    ("DOCX with no text", lambda d, m: empty_docx(d / "e.docx"), "no text found"),
    ("too large", lambda d, m: too_large(d, m), "file too large: 0.002 MB (limit 0.001 MB; set "),
]


def truncate(path: Path, keep: float) -> Path:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def empty_docx(path: Path) -> Path:
    docx.Document().save(str(path))
    return path


def too_large(directory: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(MAX_FILE_MB_ENV, "0.001")  # 1048 bytes
    return write(directory / "big.txt", "minutes\n" * 256)  # 2048 bytes


@pytest.mark.parametrize(
    ("make", "reason"),
    [pytest.param(make, reason, id=case) for case, make, reason in BAD_INPUTS],
)
def test_unreadable_files_get_a_one_line_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Maker, reason: str
) -> None:
    path = make(tmp_path, monkeypatch)
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    got = caught.value.reason
    assert got.startswith(reason), got
    assert "\n" not in got
    assert path.name not in got or path == tmp_path  # the caller adds the name


def test_too_large_message_names_the_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MAX_FILE_MB_ENV, "1")
    path = write(tmp_path / "big.txt", "a" * (MB + MB // 2))
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path)
    assert caught.value.reason == "file too large: 1.5 MB (limit 1 MB; set MINUTEBOOK_MAX_FILE_MB)"


@pytest.mark.parametrize("value", ["lots", "", "0", "-5", "nan", "inf"])
def test_bad_size_limit_setting_is_a_loud_error(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(MAX_FILE_MB_ENV, value)
    with pytest.raises(ValueError, match=MAX_FILE_MB_ENV):
        max_file_bytes()


def test_size_limit_defaults_to_100_mb_and_accepts_fractions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert max_file_bytes() == 100 * MB
    monkeypatch.setenv(MAX_FILE_MB_ENV, "2.5")
    assert max_file_bytes() == int(2.5 * MB)


# --- text ------------------------------------------------------------------


def test_utf8_text_is_one_unpaged_page_with_unix_newlines(tmp_path: Path) -> None:
    raw = "Minutes\r\nBudget £5m agreed – the Chair’s report\r\nClosed\rEnd\n".encode()
    path = write(tmp_path / "minutes.txt", raw)
    doc = read_document(path)
    assert doc.name == "minutes.txt"
    assert doc.media_type == "text/plain"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.page_count is None
    assert doc.text == "Minutes\nBudget £5m agreed – the Chair’s report\nClosed\nEnd"
    assert [(line.number, line.page) for line in doc.lines] == [
        (1, None),
        (2, None),
        (3, None),
        (4, None),
    ]
    assert doc.warnings == []


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "bom.txt", b"\xef\xbb\xbfAgenda\n1. Apologies\n"))
    assert doc.text == "Agenda\n1. Apologies"
    assert doc.warnings == []


def test_cp1252_text_keeps_pound_signs_and_curly_quotes(tmp_path: Path) -> None:
    text = "Budget of £5m agreed. The Chair’s report was “noted” – 12 October.\n"
    doc = read_document(write(tmp_path / "old.txt", text.encode("cp1252")))
    assert doc.text == text.rstrip("\n")
    assert doc.warnings == ["text is not UTF-8; decoded as cp1252"]


def test_mostly_utf8_text_with_stray_cp1252_bytes_keeps_both_right(tmp_path: Path) -> None:
    """Documents pasted together from two sources mix encodings."""
    raw = "The Chair’s report – £5m.\n".encode() + "Pasted: “noted”, £3k\n".encode("cp1252")
    doc = read_document(write(tmp_path / "mixed.txt", raw))
    assert doc.text == "The Chair’s report – £5m.\nPasted: “noted”, £3k"
    assert doc.warnings == ["text is mostly UTF-8; the bytes that are not were read as cp1252"]


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "w.txt", "Minutes £10\r\nItem 2\r\n".encode("utf-16")))
    assert doc.text == "Minutes £10\nItem 2"


def test_nul_bytes_and_stray_controls_are_stripped(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "n.txt", b"Min\x00utes\nPage\x0cTwo\n" + b"x" * 500))
    assert doc.text.split("\n")[:3] == ["Minutes", "Page", "Two"]


def test_markdown_is_text_markdown(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "notes.md", "# Minutes\n\n- item\n"))
    assert doc.media_type == "text/markdown"
    assert doc.text == "# Minutes\n\n- item"


def test_text_named_pdf_is_read_as_text_with_a_warning(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "minutes.pdf", "Minutes of the meeting\n"))
    assert doc.media_type == "text/plain"
    assert doc.text == "Minutes of the meeting"
    assert doc.warnings == ["named .pdf but the content is text; read as such"]


# --- HTML ------------------------------------------------------------------

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Browser title</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body>
<header>Council website</header>
<h1>Minutes of the Board</h1>
<p>Present:   Jane   Smith (Chair),<br>Raj Patel</p>
<!-- a comment -->
<table>
  <tr><th>Action</th><th>Owner</th><th>Due</th></tr>
  <tr><td>Publish the <b>budget</b></td><td>RP</td><td>May&nbsp;2024</td></tr>
  <tr><td></td><td></td><td></td></tr>
  <tr><td>Review risks</td><td></td><td>June</td></tr>
</table>
<ul><li>Apologies received</li><li>Minutes <em>approved</em></li><li></li></ul>
<div hidden>secret</div><p style="display: none">also hidden</p>
<p>Closed at &pound;0 cost.</p>
</body></html>
"""


def test_html_blocks_lists_and_tables_become_lines(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "minutes.html", HTML_PAGE))
    assert doc.media_type == "text/html"
    assert doc.page_count is None
    assert doc.text.split("\n") == [
        "Council website",
        "Minutes of the Board",
        "Present: Jane Smith (Chair),",
        "Raj Patel",
        "Action\tOwner\tDue",
        "Publish the budget\tRP\tMay 2024",
        "Review risks\t\tJune",
        "- Apologies received",
        "- Minutes approved",
        "Closed at £0 cost.",
    ]


def test_html_is_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "download", "  <!doctype html><p>Hello</p>"))
    assert doc.media_type == "text/html"
    assert doc.text == "Hello"


def test_html_declared_latin1_is_read_as_windows_1252(tmp_path: Path) -> None:
    page = '<html><meta charset="iso-8859-1"><p>The Chair’s report: £5m</p></html>'
    doc = read_document(write(tmp_path / "p.htm", page.encode("cp1252")))
    assert doc.text == "The Chair’s report: £5m"


def test_layout_tables_are_read_as_blocks(tmp_path: Path) -> None:
    page = (
        "<html><table><tr><td><p>Menu</p></td><td><h1>Minutes</h1>"
        "<table><tr><td>A</td><td>B</td></tr></table></td></tr></table></html>"
    )
    doc = read_document(write(tmp_path / "p.html", page))
    assert doc.text.split("\n") == ["Menu", "Minutes", "A\tB"]


def test_deeply_nested_html_does_not_hit_the_recursion_limit(tmp_path: Path) -> None:
    page = "<html>" + "<div>" * 5000 + "Deep text" + "</div>" * 5000 + "</html>"
    assert read_document(write(tmp_path / "deep.html", page)).text == "Deep text"


# --- DOCX ------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_document_order(tmp_path: Path) -> None:
    doc = read_document(write_minutes_docx(tmp_path / "minutes.docx"))
    assert doc.media_type == DOCX_TYPE
    assert doc.page_count is None
    assert doc.text.split("\n") == [
        "Business Co-ordination Board",
        "Present:",
        "Name\tRole\tNote",
        "Jane Smith\tChair\tBoth meetings",
        "Raj Patel\tTreasurer\t",  # vertical merge: the text is not repeated
        "Apologies: none",  # horizontal merge: one cell, not three copies
        "1. Minutes of the last meeting",
        "2. Budget monitoring",
        "- Agreed",
        "Meeting closed at 12:30.",
    ]
    assert "RUNNING HEADER" not in doc.text


def test_docx_reads_tracked_insertions_content_controls_and_links(tmp_path: Path) -> None:
    """Text Word shows: insertions and links in, deletions out, wrappers looked through."""
    document = docx.Document()
    body = document.element.body
    ns = f'xmlns:w="{nsmap["w"]}" xmlns:r="{nsmap["r"]}"'
    body.insert(
        0,
        parse_xml(
            f"<w:p {ns}><w:r><w:t xml:space='preserve'>Agreed to </w:t></w:r>"
            "<w:del w:id='1' w:author='x'><w:r><w:delText>reject</w:delText></w:r></w:del>"
            "<w:ins w:id='2' w:author='x'><w:r><w:t>approve</w:t></w:r></w:ins>"
            "<w:r><w:t xml:space='preserve'> the </w:t></w:r>"
            "<w:hyperlink r:id='rId99'><w:r><w:t>plan</w:t></w:r></w:hyperlink></w:p>"
        ),
    )
    body.insert(
        1,
        parse_xml(
            f"<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>Inside a content control</w:t>"
            "<w:tab/><w:t>after a tab</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    document.save(str(tmp_path / "tracked.docx"))
    doc = read_document(tmp_path / "tracked.docx")
    assert doc.text.split("\n") == [
        "Agreed to approve the plan",
        "Inside a content control\tafter a tab",
    ]


def write_multilevel_docx(path: Path) -> Path:
    """Minute numbering as councils use it: 1., 1.1, (a), and a list that
    restarts at 1 through a start override."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    w = f'xmlns:w="{nsmap["w"]}"'
    levels = [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")]
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{lvls}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(
        parse_xml(
            f'<w:num {w} w:numId="91"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    for num_id, ilvl, text in [
        (90, 0, "Apologies"),
        (90, 1, "None received"),
        (90, 0, "Budget"),
        (90, 1, "Revenue"),
        (90, 2, "Police"),
        (90, 2, "Fire"),
        (90, 1, "Capital"),
        (90, 0, "Close"),
        (91, 0, "Restarted list"),
    ]:
        p = document.add_paragraph(text)._p
        p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')
        )
    document.save(str(path))
    return path


def test_docx_multilevel_list_numbers_are_replayed(tmp_path: Path) -> None:
    doc = read_document(write_multilevel_docx(tmp_path / "numbered.docx"))
    assert doc.text.split("\n") == [
        "1. Apologies",
        "1.1 None received",
        "2. Budget",
        "2.1 Revenue",
        "(a) Police",
        "(b) Fire",
        "2.2 Capital",
        "3. Close",
        "1. Restarted list",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "label"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (2, "lowerLetter", "b"),
        (28, "lowerLetter", "bb"),
        (4, "upperLetter", "D"),
        (14, "lowerRoman", "xiv"),
        (1999, "upperRoman", "MCMXCIX"),
        (5, "ordinalText", "5"),  # formats we do not render fall back to digits
    ],
)
def test_word_list_number_formats(value: int, fmt: str, label: str) -> None:
    assert format_number(value, fmt) == label


def test_docx_is_detected_by_content_whatever_the_name(tmp_path: Path) -> None:
    path = write_minutes_docx(tmp_path / "minutes.docx").rename(tmp_path / "download.bin")
    assert read_document(path).media_type == DOCX_TYPE


# --- PDF -------------------------------------------------------------------


def test_pdf_pages_and_line_page_numbers(tmp_path: Path) -> None:
    pages = [
        ["Minutes of the Board", "Present: Jane Smith"],
        ["Item 2: Budget", "Agreed unanimously"],
        ["Item 3: Close", "The meeting closed at 12:30"],
    ]
    path = write_pdf(tmp_path / "minutes.pdf", pages)
    doc = read_document(path)
    assert doc.media_type == "application/pdf"
    assert doc.page_count == 3
    assert doc.pages == ["\n".join(lines) for lines in pages]
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [(line.number, line.page, line.text) for line in doc.lines] == [
        (1, 1, "Minutes of the Board"),
        (2, 1, "Present: Jane Smith"),
        (3, 2, "Item 2: Budget"),
        (4, 2, "Agreed unanimously"),
        (5, 3, "Item 3: Close"),
        (6, 3, "The meeting closed at 12:30"),
    ]
    assert doc.warnings == []


@pytest.mark.parametrize(
    ("pages", "page_count"),
    [
        (["a\nb", "", "c\n\n", "d"], 4),  # a blank page, a page ending in blank lines
        (["one\ntwo\n"], None),  # unpaged text
        (["", ""], 2),
    ],
)
def test_line_texts_and_pages_agree_with_lines(pages: list[str], page_count: int | None) -> None:
    doc = ReadDocument("x", "0" * 64, "text/plain", page_count, pages)
    assert doc.line_texts == [line.text for line in doc.lines]
    numbers = range(-1, len(doc.lines) + 3)
    expected = {line.number: line.page for line in doc.lines}
    assert [doc.page_of_line(n) for n in numbers] == [expected.get(n) for n in numbers]


def test_a_pickled_document_carries_its_pages_not_what_they_give() -> None:
    doc = ReadDocument("x", "0" * 64, "application/pdf", 2, ["a\nb", "c"], ["w"])
    assert doc.lines and doc.text and doc.line_texts and doc.page_of_line(3) == 2
    copy = pickle.loads(pickle.dumps(doc))
    assert set(vars(copy)) == {"name", "sha256", "media_type", "page_count", "pages", "warnings"}
    assert (copy.text, copy.line_texts, copy.page_of_line(3)) == (doc.text, doc.line_texts, 2)
    assert copy.lines == doc.lines


def test_pdf_line_end_hyphens_keep_the_hyphen_and_the_line_break(tmp_path: Path) -> None:
    """PDFium reports "bud-" + line break as "bud\\x02"; the page shows both."""
    path = write_pdf(tmp_path / "h.pdf", [["The Board agreed the bud-", "get for 2024-", "25."]])
    assert read_document(path).text == "The Board agreed the bud-\nget for 2024-\n25."


def test_pdf_with_only_an_owner_password_opens_without_one(tmp_path: Path) -> None:
    """Permissions-only encryption (no user password) is common on council PDFs."""
    plain = write_pdf(tmp_path / "plain.pdf", [["Minutes of the Board meeting"]])
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt("", owner_password="council", algorithm="AES-128")
    with (tmp_path / "protected.pdf").open("wb") as f:
        writer.write(f)
    assert read_document(tmp_path / "protected.pdf").text == "Minutes of the Board meeting"


def test_blank_pages_are_kept_and_warned_about_by_range(tmp_path: Path) -> None:
    text = ["Minutes of the Board meeting held on 12 October"]
    path = write_pdf(tmp_path / "m.pdf", [text, [], [], text, ["7"]])
    doc = read_document(path)
    assert doc.page_count == 5
    assert doc.pages[1:3] == ["", ""]
    assert doc.warnings == [
        "pages 2-3 have no text (blank, or a scanned image that needs OCR)",
        "page 5 has no text (blank, or a scanned image that needs OCR)",
    ]


def test_pdf_named_txt_is_still_a_pdf(tmp_path: Path) -> None:
    data = write_pdf(tmp_path / "m.pdf", [["Minutes of the Board meeting"]]).read_bytes()
    doc = read_document(write(tmp_path / "m.txt", data))
    assert doc.media_type == "application/pdf"


def test_pdf_header_after_leading_junk_counts_only_for_a_pdf_name(tmp_path: Path) -> None:
    data = write_pdf(tmp_path / "m.pdf", [["Minutes of the Board meeting"]]).read_bytes()
    assert read_document(write(tmp_path / "a.pdf", b"junk\n" + data)).page_count == 1
    note = "Notes: every PDF starts with %PDF- then a version number.\n"
    assert read_document(write(tmp_path / "note.txt", note)).media_type == "text/plain"


def test_a_ruled_table_keeps_its_columns_and_reading_order(tmp_path: Path) -> None:
    doc = read_document(write_table_pdf(tmp_path / "budget.pdf"))
    lines = doc.pages[0].split("\n")
    cells = [re.split(r" {3,}", line.strip()) for line in lines]
    assert lines[0] == "Budget monitoring report"
    assert cells[1] == ["Service", "Budget £k", "Actual £k", "Variance £k"]
    assert cells[2] == ["Service 1", "100", "97", "3"]
    assert cells[13] == ["Service 12", "1,200", "1,164", "36"]
    assert lines[14:] == ["Members noted the report."]


def test_a_table_page_read_with_its_cells_run_together_is_read_again_by_its_rules(
    tmp_path: Path,
) -> None:
    """Where a page's text ran a table's cells together, pdfplumber's rows replace it."""
    path = write_table_pdf(tmp_path / "budget.pdf")
    run_together = "Budget monitoring report\n" + "\n".join(
        f"Service {i} {i * 100:,} {i * 97:,} {i * 3}" for i in range(1, 13)
    )
    warnings: list[str] = []
    lines = recover_table_pages(path, [run_together], warnings)[0].split("\n")
    assert "Service\tBudget £k\tActual £k\tVariance £k" in lines
    assert "Service 12\t1,200\t1,164\t36" in lines
    assert warnings == []


def test_pdf_table_rows_reads_one_page(tmp_path: Path) -> None:
    path = write_table_pdf(tmp_path / "budget.pdf")
    rows = pdf_table_rows(path, 1)
    assert rows[0] == ["Service", "Budget £k", "Actual £k", "Variance £k"]
    assert rows[-1] == ["Service 12", "1,200", "1,164", "36"]
    with pytest.raises(ValueError, match="no page 2"):
        pdf_table_rows(path, 2)


PROSE = (
    "The Board received the report of the Chief Finance Officer on the revenue\n"
    "position at month six. Members asked about the overspend in the estates\n"
    "budget and were told that the contract would be retendered next year.\n"
) * 4


@pytest.mark.parametrize(
    ("text", "tabular"),
    [
        pytest.param(PROSE, False, id="prose"),
        pytest.param("Agenda\n1. Apologies\n2. Minutes", False, id="too few lines"),
        pytest.param(
            "Service\nBudget\nActual\nPolice\n1,200\n1,150\nFire\n800\n(20)\nTotal\n2,000\n1,930",
            True,
            id="one cell per line",
        ),
        pytest.param(
            "Budget monitoring\n"
            + "\n".join(f"Line {i} {i * 100} {i * 97} {i * 3}" for i in range(1, 9)),
            True,
            id="rows with spaces",
        ),
        pytest.param(
            "Budget monitoring\n"
            + "\n".join(f"Line {i}    {i * 100}    {i * 97}    {i * 3}" for i in range(1, 9)),
            False,
            id="rows already in columns",
        ),
        pytest.param(
            "Agenda\nApologies\nDeclarations\nMinutes\nActions log\nBudget\nRisk register\nAOB",
            True,
            id="short lines only",
        ),
    ],
)
def test_page_looks_tabular(text: str, tabular: bool) -> None:
    assert page_looks_tabular(text) is tabular


# --- scale -----------------------------------------------------------------


def test_50_mb_text_is_refused_as_too_much_text_in_bounded_memory(tmp_path: Path) -> None:
    line = b"Item 4.2: the Board noted the budget position and agreed the plan.\r\n"
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        for _ in range(50 * MB // (len(line) * 1000)):
            f.write(line * 1000)
    size = path.stat().st_size
    tracemalloc.start()
    try:
        with pytest.raises(UnreadableDocument, match="too much text"):
            read_document(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2.2 * size


def test_50_mb_of_random_bytes_is_rejected_from_its_first_bytes(tmp_path: Path) -> None:
    path = write(tmp_path / "noise.txt", os.urandom(50 * MB))
    with pytest.raises(UnreadableDocument, match="binary data"):
        read_document(path)


# --- robustness ------------------------------------------------------------

EXTENSIONS = [".pdf", ".docx", ".html", ".htm", ".txt", ".md", ""]
PREFIXES = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html>", b"\xef\xbb\xbf", b"\xff\xfe"]


@settings(
    max_examples=50,
    deadline=5000,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    prefix=st.sampled_from(PREFIXES),
    body=st.binary(max_size=4096),
    extension=st.sampled_from(EXTENSIONS),
)
def test_random_bytes_never_raise_anything_but_unreadable(
    tmp_path: Path, prefix: bytes, body: bytes, extension: str
) -> None:
    path = write(tmp_path / f"random{extension}", prefix + body)
    try:
        doc = read_document(path)
    except UnreadableDocument as exc:
        assert exc.reason and "\n" not in exc.reason
    else:
        assert isinstance(doc, ReadDocument)
        assert "\r" not in doc.text


def test_readers_do_not_import_django() -> None:
    code = (
        "import sys, minutebook.ingest.readers\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
