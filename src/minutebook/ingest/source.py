"""What a reader hands to the parser: the text of a document, page by page.

Every fact the parser finds points back at line numbers of `ReadDocument.text`
(1-based), so a person can open the extracted text and see the evidence.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


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

    @cached_property
    def line_texts(self) -> list[str]:
        """The text of each line, `lines` without their objects: what evidence quotes."""
        return self.text.split("\n")

    @cached_property
    def _page_starts(self) -> list[int]:
        """The number of each page's first line."""
        starts, number = [], 1
        for page in self.pages:
            starts.append(number)
            number += page.rstrip("\n").count("\n") + 1
        return starts

    def page_of_line(self, number: int) -> int | None:
        """The page line `number` is on (1-based both), as `lines` gives it; None for an
        unpaged format or a number beyond the last line."""
        if not self.paged or not 1 <= number <= len(self.line_texts):
            return None
        return bisect.bisect_right(self._page_starts, number)

    def __getstate__(self) -> dict[str, Any]:
        """What a copy needs: not the text, lines and indexes worked out from the pages.

        A worker process hands each document it read back to the importing
        process by pickling; its tens of thousands of lines cost more to pickle
        and unpickle than to work out again, and the importer needs them only
        as text (`line_texts`).
        """
        derived = {"text", "lines", "line_texts", "_page_starts"}
        return {k: v for k, v in self.__dict__.items() if k not in derived}
