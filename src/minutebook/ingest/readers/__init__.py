"""Document readers: any supported file in, `ReadDocument` (text by page) out.

    from minutebook.ingest.readers import read_document

    doc = read_document("minutes.pdf")   # or .docx, .html, .txt, .md

The format is decided by content, not by the name; anything that cannot be
read raises `UnreadableDocument` with a one-line reason for a person.
Plain Python: no Django here.

Each format's reader is imported when a file of that format first comes:
python-docx, BeautifulSoup and pdfplumber take a fifth of a second to
import, and most imports are all PDFs that pdfplumber never sees.
"""

from __future__ import annotations

from pathlib import Path

from minutebook.ingest.readers.detect import Kind, detect_format
from minutebook.ingest.readers.files import MAX_FILE_MB_ENV, check_file, max_file_bytes
from minutebook.ingest.readers.pdf import read_pdf
from minutebook.ingest.readers.pdf_tables import page_looks_tabular, pdf_table_rows
from minutebook.ingest.readers.text import read_text
from minutebook.ingest.source import ReadDocument, UnreadableDocument

__all__ = [
    "MAX_FILE_MB_ENV",
    "ReadDocument",
    "UnreadableDocument",
    "max_file_bytes",
    "page_looks_tabular",
    "pdf_table_rows",
    "read_document",
]


def read_document(path: str | Path) -> ReadDocument:
    """Read a PDF, DOCX, HTML, Markdown or plain-text file.

    Raises UnreadableDocument (reason without the file name) for a file that
    is missing, empty, too large, damaged, encrypted, image-only or not a
    supported format; ValueError if MINUTEBOOK_MAX_FILE_MB is not a number.
    """
    facts = check_file(path)
    detected = detect_format(facts)
    warnings = list(detected.warnings)
    if detected.kind is Kind.PDF:
        document = read_pdf(facts, warnings)
    elif detected.kind is Kind.DOCX:
        from minutebook.ingest.readers.docx import read_docx

        document = read_docx(facts, max_file_bytes(), warnings)
    elif detected.kind is Kind.HTML:
        from minutebook.ingest.readers.html import read_html

        document = read_html(facts, warnings)
    else:
        document = read_text(facts, detected.media_type, warnings)
    check_text_size(document)
    return document


# A 1,000-page agenda pack holds about 3 million characters of text; far more
# is not a governance paper (a log, a data dump) and would only exhaust memory.
MAX_TEXT_CHARS = 20_000_000


def check_text_size(document: ReadDocument) -> None:
    characters = sum(len(page) for page in document.pages)
    if characters > MAX_TEXT_CHARS:
        raise UnreadableDocument(
            f"too much text for a paper: {characters / 1e6:.0f} million characters "
            f"(limit {MAX_TEXT_CHARS / 1e6:.0f} million)"
        )
