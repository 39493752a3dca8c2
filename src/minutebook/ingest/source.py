"""What a reader hands to the parser: the text of a document, page by page.

Every fact the parser finds points back at line numbers of `ReadDocument.text`
(1-based), so a person can open the extracted text and see the evidence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


class UnreadableDocument(Exception):
    """A document that cannot be read at all.

    `reason` is one line for a person ("encrypted PDF: a password is needed"),
    without the file name, which the caller adds.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class SourceLine:
    number: int  # 1-based line number in ReadDocument.text
    page: int | None  # 1-based page, for paged formats
    text: str


@dataclass
class ReadDocument:
    name: str
    sha256: str
    media_type: str
    page_count: int | None
    pages: list[str]  # one entry per page; unpaged formats have a single "page"
    warnings: list[str] = field(default_factory=list)

    @property
    def paged(self) -> bool:
        return self.page_count is not None

    @cached_property
    def text(self) -> str:
        return "\n".join(page.rstrip("\n") for page in self.pages)

    @cached_property
    def lines(self) -> list[SourceLine]:
        out: list[SourceLine] = []
        number = 0
        for page_number, page in enumerate(self.pages, start=1):
            for raw in page.rstrip("\n").split("\n"):
                number += 1
                out.append(SourceLine(number, page_number if self.paged else None, raw))
        return out
