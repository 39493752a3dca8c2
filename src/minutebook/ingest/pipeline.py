"""Reading and parsing many files at once, on every core.

Reading a PDF and finding its facts is pure computation with no shared
state, so an import hands it to worker processes while the main process
stores what comes back; results arrive in the order the files were given.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutebook.ingest.extract import extract_document
from minutebook.ingest.readers import read_document
from minutebook.ingest.source import ReadDocument, UnreadableDocument


@dataclass
class ParsedPaper:
    path: str
    document: ReadDocument | None
    extract: dict[str, Any] | None
    reason: str | None = None  # why the file could not be read, for a person
    bad_input: bool = False  # the file's fault (exit status 2), not ours


def read_and_extract(path: str | Path) -> ParsedPaper:
    """Read and parse one file; never raises, so one bad file cannot stop a batch."""
    try:
        document = read_document(path)
    except UnreadableDocument as exc:
        return ParsedPaper(str(path), None, None, exc.reason, bad_input=True)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not end the batch
        return ParsedPaper(
            str(path), None, None, f"could not be read ({type(exc).__name__}: {exc})"
        )
    try:
        return ParsedPaper(str(path), document, extract_document(document))
    except Exception as exc:  # noqa: BLE001 - a parser bug must not end the batch
        return ParsedPaper(
            str(path), document, None, f"could not be parsed ({type(exc).__name__}: {exc})"
        )


def default_workers() -> int:
    """Worker processes for parsing: MINUTEBOOK_WORKERS, else one per core (at most 8)."""
    raw = os.environ.get("MINUTEBOOK_WORKERS")
    if raw:
        try:
            value = int(raw)
        except ValueError as exc:
            raise ValueError(f"MINUTEBOOK_WORKERS must be a whole number, got {raw!r}") from exc
        if value < 1:
            raise ValueError(f"MINUTEBOOK_WORKERS must be at least 1, got {value}")
        return value
    return max(1, min(8, os.cpu_count() or 1))


def parse_all(paths: Iterable[str | Path], workers: int | None = None) -> Iterator[ParsedPaper]:
    """Parsed papers in the order of `paths`; with one worker, in this process.

    Workers start with `forkserver`, so they never inherit the caller's
    database connections; a few files at a time are in flight, so memory
    stays flat however many files there are.
    """
    paths = [str(p) for p in paths]
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(paths) <= 1:
        yield from map(read_and_extract, paths)
        return
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending = []
        queue = iter(paths)
        for path in queue:
            pending.append(pool.submit(read_and_extract, path))
            if len(pending) >= workers * 2:
                break
        while pending:
            future = pending.pop(0)
            following = next(queue, None)
            if following is not None:
                pending.append(pool.submit(read_and_extract, following))
            yield future.result()
