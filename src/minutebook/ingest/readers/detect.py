"""Which reader a file needs, judged by its content.

The extension is only a hint: councils publish PDFs named ".aspx", HTML error
pages saved as ".pdf", Word files without an extension. Magic bytes decide;
the extension breaks ties and chooses the more helpful error message.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from enum import Enum

from minutebook.ingest.readers.files import FileFacts
from minutebook.ingest.readers.text import BINARY_REASON, bom_encoding, head_looks_binary
from minutebook.ingest.source import UnreadableDocument


class Kind(Enum):
    PDF = "application/pdf"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    HTML = "text/html"
    MARKDOWN = "text/markdown"
    TEXT = "text/plain"


@dataclass
class Detected:
    kind: Kind
    warnings: list[str] = field(default_factory=list)

    @property
    def media_type(self) -> str:
        return self.kind.value


PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
HTML_SUFFIXES = frozenset({".htm", ".html", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
PLAIN_SUFFIXES = frozenset({".txt", ".text"}) | MARKDOWN_SUFFIXES

# The PDF spec lets the header sit anywhere in the first 1024 bytes.
_PDF_HEADER_WINDOW = 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCX_MAIN_PART = "word/document.xml"

# Other formats people upload by mistake, named so the reason says what it is.
_OTHER_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"{\\rtf", "RTF document (save it as DOCX or PDF)"),
)

# Skips a BOM, whitespace and leading comments before the first real tag.
_HTML_START_RE = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)
_HTML_ANYWHERE_RE = re.compile(rb"<html[\s>]|<!doctype\s+html", re.IGNORECASE)
_ANY_TAG_RE = re.compile(rb"<(?:[a-z][a-z0-9]*|/[a-z][a-z0-9]*)(?:\s[^<>]*)?/?>", re.IGNORECASE)


def detect_format(facts: FileFacts) -> Detected:
    """Decide the reader for a file, or raise UnreadableDocument.

    Order matters: binary magic first (cheap and certain), then the extension's
    claim for binary formats, then HTML sniffing, then text.
    """
    head = facts.head
    if _looks_like_pdf(facts):
        return Detected(Kind.PDF)
    if head.startswith(_ZIP_MAGIC):
        return _detect_zip(facts)
    if head.startswith(_OLE_MAGIC):
        raise UnreadableDocument(
            "not a supported format: legacy Word/Office file or password-protected DOCX "
            "(save it as DOCX or PDF)"
        )
    for magic, what in _OTHER_MAGIC:
        if head.startswith(magic):
            raise UnreadableDocument(f"not a supported format: {what}")
    if head_looks_binary(head):
        raise UnreadableDocument(_binary_reason(facts))
    detected = _detect_textual(facts)
    if facts.suffix in PDF_SUFFIXES | DOCX_SUFFIXES:
        detected.warnings.append(
            f"named {facts.suffix} but the content is {_describe(detected.kind)}; read as such"
        )
    return detected


def _looks_like_pdf(facts: FileFacts) -> bool:
    """%PDF- at the start; or, for a file named .pdf, anywhere in the first
    1 KB, as the PDF spec allows (a text file quoting "%PDF-" is not a PDF)."""
    if facts.head.lstrip()[:5] == b"%PDF-":
        return True
    return facts.suffix in PDF_SUFFIXES and b"%PDF-" in facts.head[:_PDF_HEADER_WINDOW]


def _detect_zip(facts: FileFacts) -> Detected:
    is_docx_name = facts.suffix in DOCX_SUFFIXES
    try:
        with zipfile.ZipFile(facts.path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        # NotImplementedError: a ZIP feature (version, compression) zipfile lacks.
        if is_docx_name:
            raise UnreadableDocument("corrupt DOCX: damaged ZIP archive") from exc
        raise UnreadableDocument("not a supported format: damaged ZIP archive") from exc
    if _DOCX_MAIN_PART in names:
        return Detected(Kind.DOCX)
    if is_docx_name:
        raise UnreadableDocument(f"corrupt DOCX: no {_DOCX_MAIN_PART} in the archive")
    if "content.xml" in names:
        raise UnreadableDocument(
            "not a supported format: OpenDocument file (save it as DOCX or PDF)"
        )
    raise UnreadableDocument("not a supported format: ZIP archive")


def _binary_reason(facts: FileFacts) -> str:
    """Binary data named like a supported binary format is a damaged file of
    that format, as far as the person who uploaded it is concerned."""
    if facts.suffix in PDF_SUFFIXES:
        return "corrupt PDF: not a PDF file (no %PDF header)"
    if facts.suffix in DOCX_SUFFIXES:
        return "corrupt DOCX: not a ZIP archive"
    return BINARY_REASON


def _detect_textual(facts: FileFacts) -> Detected:
    head = _strip_bom(facts.head)
    if _HTML_START_RE.match(head):
        return Detected(Kind.HTML)
    if facts.suffix in HTML_SUFFIXES and _ANY_TAG_RE.search(head):
        return Detected(Kind.HTML)
    if facts.suffix not in PLAIN_SUFFIXES and _HTML_ANYWHERE_RE.search(head):
        return Detected(Kind.HTML)
    if facts.suffix in MARKDOWN_SUFFIXES:
        return Detected(Kind.MARKDOWN)
    return Detected(Kind.TEXT)


def _strip_bom(head: bytes) -> bytes:
    """Drop a byte-order mark, and make UTF-16/32 text ASCII-sniffable."""
    encoding = bom_encoding(head)
    if encoding is None:
        return head
    if encoding == "utf-8":
        return head[3:]
    text = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    return text.encode("ascii", errors="ignore")


def _describe(kind: Kind) -> str:
    return {Kind.HTML: "HTML", Kind.MARKDOWN: "text", Kind.TEXT: "text"}.get(kind, kind.name)
