"""Word documents: body paragraphs and tables, in the order they appear.

python-docx lists paragraphs and tables separately; minutes interleave them
(an attendance table between two paragraphs), so the body is walked element
by element. Headers and footers are running furniture and are skipped.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.oxml.ns import qn

from minutebook.ingest.readers.docx_numbering import ListNumbering
from minutebook.ingest.readers.files import FileFacts, sha256_and_tail
from minutebook.ingest.readers.text import normalise_newlines, tidy_text
from minutebook.ingest.source import ReadDocument, UnreadableDocument

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MAIN_PART = "word/document.xml"
# python-docx inflates every part of the package into memory. Together they
# may expand to this many times the file size limit; beyond that it is a zip
# bomb, not a paper.
MAX_EXPANSION = 20

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
# Containers that wrap body content without meaning anything for the text:
# content controls (w:sdt/w:sdtContent), custom XML, smart tags.
_WRAPPERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")})
# Inline text carriers inside a paragraph and what each contributes.
_TEXT_TAGS = frozenset({qn("w:t")})
_BREAKS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}  # fmt: skip
# Subtrees whose text is not part of the paragraph's visible text: deleted
# revisions, moved-from text, text boxes (their paragraphs would be read out
# of place) and the fallback copy of alternate content (a duplicate).
_SKIP = frozenset(
    {
        qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent"), qn("w:instrText"), qn("w:delText"),
        qn("w:footnoteReference"), qn("w:endnoteReference"), qn("w:commentReference"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
        qn("w:pPr"), qn("w:rPr"),
    }
)  # fmt: skip


def read_docx(facts: FileFacts, limit_bytes: int, warnings: list[str]) -> ReadDocument:
    """Read a DOCX file as one unpaged "page": a line per paragraph or table row."""
    sha256, _tail = sha256_and_tail(facts)
    _check_archive(facts, limit_bytes)
    document = _open(facts)
    numbering = _list_numbering(document, warnings)
    lines = list(_block_lines(document.element.body, numbering))
    text = tidy_text("\n".join(lines))
    if not text.strip():
        raise UnreadableDocument("no text found: the DOCX has no paragraphs or tables with text")
    return ReadDocument(
        name=facts.name,
        sha256=sha256,
        media_type=MEDIA_TYPE,
        page_count=None,
        pages=[text],
        warnings=warnings,
    )


def _check_archive(facts: FileFacts, limit_bytes: int) -> None:
    """Refuse a damaged archive or a zip bomb before python-docx inflates it."""
    try:
        with zipfile.ZipFile(facts.path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise UnreadableDocument(f"corrupt DOCX: {_short(exc)}") from exc
    if MAIN_PART not in {member.filename for member in members}:
        raise UnreadableDocument(f"corrupt DOCX: no {MAIN_PART} in the archive")
    if sum(member.file_size for member in members) > limit_bytes * MAX_EXPANSION:
        raise UnreadableDocument("corrupt DOCX: it expands to an implausible size (zip bomb?)")


def _open(facts: FileFacts) -> Any:
    """Open with python-docx; any failure of a damaged file becomes a reason.

    python-docx and lxml raise a zoo of exception types on damaged packages
    (KeyError, ValueError, XMLSyntaxError, BadZipFile, PackageNotFoundError,
    ...); this catch is deliberately broad because it wraps only the open.
    """
    try:
        return docx.Document(str(facts.path))
    except Exception as exc:
        raise UnreadableDocument(f"corrupt DOCX: {_short(exc)}") from exc


def _list_numbering(document: Any, warnings: list[str]) -> ListNumbering:
    """List labels are a nicety: damaged numbering or styles parts must not
    cost the text, so any failure here means "no labels" and a warning."""
    try:
        return ListNumbering(document)
    except Exception as exc:  # lxml/python-docx errors on damaged parts vary
        warnings.append(f"list numbers could not be read ({type(exc).__name__}); text kept")
        return ListNumbering(None)


def _short(exc: BaseException) -> str:
    """A one-line detail without the file path (the caller names the file)."""
    if isinstance(exc, zipfile.BadZipFile):
        return "damaged ZIP archive"
    if isinstance(exc, ValueError) and "content type" in str(exc):
        return "not a Word document (wrong content type)"
    return f"cannot be opened ({type(exc).__name__})"


def _block_lines(container: Any, numbering: ListNumbering) -> Iterator[str]:
    """Lines of the paragraphs and tables directly inside `container`, in order."""
    for child in _unwrapped_children(container):
        if child.tag == _P:
            yield from _paragraph_lines(child, numbering)
        elif child.tag == _TBL:
            yield from _table_lines(child, numbering)


def _unwrapped_children(element: Any) -> Iterator[Any]:
    """Children of `element`, looking through content controls and the like."""
    for child in element.iterchildren():
        if child.tag in _WRAPPERS:
            yield from _unwrapped_children(child)
        else:
            yield child


def _paragraph_lines(p: Any, numbering: ListNumbering) -> list[str]:
    text = paragraph_text(p)
    label = numbering.label(p)
    if not text.strip():
        return []
    if label:
        text = f"{label} {text.lstrip()}"
    return [line for line in text.split("\n") if line.strip()]


def paragraph_text(p: Any) -> str:
    """The visible text of a <w:p>, including tracked insertions and links,
    without deleted text, field codes or duplicated alternate content."""
    parts: list[str] = []
    _collect_text(p, parts)
    return normalise_newlines("".join(parts))


def _collect_text(element: Any, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments and processing instructions have non-str tags
        if tag in _TEXT_TAGS:
            parts.append(child.text or "")
        elif tag in _BREAKS:
            parts.append(_BREAKS[tag])
        else:
            _collect_text(child, parts)


def _table_lines(tbl: Any, numbering: ListNumbering) -> Iterator[str]:
    """One line per row, cells TAB-separated.

    Rows are read from the XML, not python-docx's `row.cells`, which repeats a
    merged cell once per grid column it spans (and per row for vertical
    merges); here each cell appears once and a vertically merged
    continuation is an empty cell, so columns stay aligned.
    """
    for tr in _unwrapped_children(tbl):
        if tr.tag != _TR:
            continue
        cells = [_cell_text(tc, numbering) for tc in _unwrapped_children(tr) if tc.tag == _TC]
        if any(cells):
            yield "\t".join(cells)


def _cell_text(tc: Any, numbering: ListNumbering) -> str:
    if _is_merge_continuation(tc):
        return ""
    lines = _block_lines(tc, numbering)
    return " ".join(line.replace("\t", " ").strip() for line in lines).strip()


def _is_merge_continuation(tc: Any) -> bool:
    tcPr = tc.find(qn("w:tcPr"))
    v_merge = tcPr.find(qn("w:vMerge")) if tcPr is not None else None
    # <w:vMerge/> without a value means "continue"; "restart" starts a merge.
    return v_merge is not None and v_merge.get(qn("w:val"), "continue") == "continue"
