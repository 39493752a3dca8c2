"""PDFs, page by page, with pypdfium2 (fast, tolerant, low memory).

Agenda packs run to hundreds of pages, so each text page is closed as soon
as the text is out, and each page once the next is loaded (which keeps the
document's fonts loaded between them): memory stays flat however long the
file.
Each page's text is rebuilt from PDFium's positioned text runs so columns
stay columns (see pdf_layout). Pages that look like ruled tables get a
second, slower pass (see pdf_tables).

"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdfium2.internal import ErrorToStr

from minutebook.ingest.readers.files import FileFacts, sha256_and_tail
from minutebook.ingest.readers.pdf_layout import page_layout_text
from minutebook.ingest.readers.pdf_tables import recover_table_pages
from minutebook.ingest.readers.text import normalise_newlines
from minutebook.ingest.source import ReadDocument, UnreadableDocument

MEDIA_TYPE = "application/pdf"
ENCRYPTED_REASON = "encrypted PDF: a password is needed to read it"
SCANNED_REASON = "scanned PDF with no text layer: OCR is not supported yet"

# A page with fewer non-space characters than this has no real text (at most
# a page number or a stamp).
BLANK_PAGE_MAX_CHARS = 10
# A PDF none of whose pages reach this many non-space characters is an
# image-only scan, perhaps with a stamped page number or reference.
SCANNED_PAGE_MAX_CHARS = 20

# pypdfium2 4.x reports the PDFium error code only inside the message text
# ("Failed to load document (PDFium: Incorrect password error).").
_PASSWORD_ERROR = ErrorToStr.get(pdfium_c.FPDF_ERR_PASSWORD, "Incorrect password error")
_SECURITY_ERROR = ErrorToStr.get(pdfium_c.FPDF_ERR_SECURITY, "Unsupported security scheme error")
_PDFIUM_DETAIL_RE = re.compile(r"\(PDFium: ([^)]*)\)")
# PDFium reports a hyphen that ends a line as U+0002 and drops the line break
# after it ("bud\x02get"). Putting back what is printed ("bud-", "get") keeps
# real hyphens ("2021-" / "22") and the page's lines; de-hyphenating words is
# the parser's call.
_LINE_END_HYPHEN = "\x02"
# Other control characters PDFium can emit; tab and newline stay.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_TRAILING_SPACE_RE = re.compile(r"[ \t]+\n")


def read_pdf(facts: FileFacts, warnings: list[str]) -> ReadDocument:
    """Read a PDF into one text per page, raising UnreadableDocument for an
    encrypted, damaged or image-only file."""
    sha256, tail = sha256_and_tail(facts)
    pages = extract_pages(facts, warnings)
    if all(_visible_chars(page) < SCANNED_PAGE_MAX_CHARS for page in pages):
        raise UnreadableDocument(SCANNED_REASON)
    if b"%%EOF" not in tail:
        warnings.append(
            "the PDF has no end marker (%%EOF): it may be truncated, pages may be missing"
        )
    warnings.extend(blank_page_warnings(pages))
    pages = recover_table_pages(facts.path, pages, warnings)
    return ReadDocument(
        name=facts.name,
        sha256=sha256,
        media_type=MEDIA_TYPE,
        page_count=len(pages),
        pages=pages,
        warnings=warnings,
    )


def extract_pages(facts: FileFacts, warnings: list[str]) -> list[str]:
    """The text of every page ("" for a page with no text).

    Each page is closed once the next one is loaded, not before: PDFium
    keeps a document's fonts only while a page uses them, and loading a font
    (its glyph names and outlines) cost more than a quarter of reading a
    page when each page loaded its fonts afresh. Two pages at a time keep
    memory flat however long the file.
    """
    pdf = _open(facts)
    previous: pdfium.PdfPage | None = None
    try:
        pages = []
        for index in range(len(pdf)):
            page = _load_page(pdf, index, warnings)
            if page is None:
                pages.append("")
                continue
            if previous is not None:
                previous.close()
            previous = page
            pages.append(_page_text(page, index, warnings))
        return pages
    finally:
        if previous is not None:
            previous.close()
        pdf.close()


def _open(facts: FileFacts) -> pdfium.PdfDocument:
    try:
        pdf = pdfium.PdfDocument(facts.path)
    except pdfium.PdfiumError as exc:
        raise UnreadableDocument(open_error_reason(exc)) from exc
    if len(pdf) == 0:
        pdf.close()
        raise UnreadableDocument("corrupt PDF: it has no pages")
    return pdf


def open_error_reason(exc: Exception) -> str:
    """Tell a password problem from damage, from PDFium's error text."""
    message = str(exc)
    if _PASSWORD_ERROR in message:
        return ENCRYPTED_REASON
    if _SECURITY_ERROR in message:
        return "encrypted PDF: unsupported encryption scheme"
    match = _PDFIUM_DETAIL_RE.search(message)
    detail = match.group(1).lower().removesuffix(" error") if match else "cannot be opened"
    return f"corrupt PDF: damaged or truncated file ({detail})"


def _load_page(pdf: pdfium.PdfDocument, index: int, warnings: list[str]) -> pdfium.PdfPage | None:
    try:
        return pdf[index]
    except pdfium.PdfiumError:
        warnings.append(f"page {index + 1} could not be loaded; its text is missing")
        return None


def _page_text(page: pdfium.PdfPage, index: int, warnings: list[str]) -> str:
    try:
        textpage = page.get_textpage()
        try:
            raw = page_layout_text(textpage)
        finally:
            textpage.close()
    except pdfium.PdfiumError:
        warnings.append(f"page {index + 1}: text could not be extracted")
        return ""
    return clean_page_text(raw)


def clean_page_text(raw: str) -> str:
    """Newlines to "\\n", control characters out, trailing spaces off lines."""
    text = normalise_newlines(raw).replace(_LINE_END_HYPHEN, "-\n")
    text = _CONTROL_RE.sub("", text)
    return _TRAILING_SPACE_RE.sub("\n", text).rstrip()


def blank_page_warnings(pages: list[str]) -> list[str]:
    """One warning per run of consecutive blank pages ("pages 3-5 ...")."""
    warnings = []
    for first, last in _runs(i for i, page in enumerate(pages, 1) if _is_blank(page)):
        where = f"page {first}" if first == last else f"pages {first}-{last}"
        verb = "has" if first == last else "have"
        warnings.append(f"{where} {verb} no text (blank, or a scanned image that needs OCR)")
    return warnings


def _is_blank(page: str) -> bool:
    return _visible_chars(page) < BLANK_PAGE_MAX_CHARS


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))


def _runs(numbers: Iterable[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and runs[-1][1] == n - 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs
