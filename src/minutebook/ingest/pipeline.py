"""Reading and parsing many files at once, on every core.

Reading a PDF and finding its facts is pure computation with no shared
state, so an import hands it to worker processes while the main process
stores what comes back; results arrive in the order the files were given.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from minutebook.ingest.extract import extract_document
from minutebook.ingest.readers import read_document
from minutebook.ingest.source import ReadDocument, UnreadableDocument

Reader = Callable[[Path], ReadDocument]
Extractor = Callable[[ReadDocument], dict[str, Any]]

# Modules the worker processes need, imported once in the process they are forked from.
WORKER_PRELOAD = ["minutebook.ingest.extract", "minutebook.ingest.readers"]


@dataclass
class ParsedPaper:
    path: str
    document: ReadDocument | None
    extract: dict[str, Any] | None
    reason: str | None = None  # why the file could not be read or parsed, in one line
    bad_input: bool = False  # the file's fault (exit status 2), not ours
    detail: str = ""  # the traceback of a reader or parser bug, for the log

    @property
    def ok(self) -> bool:
        return self.extract is not None


def read_and_extract(
    path: str | Path, reader: Reader = read_document, extractor: Extractor = extract_document
) -> ParsedPaper:
    """Read and parse one file; never raises, so one bad file cannot stop a batch."""
    path = Path(path)
    try:
        document = reader(path)
    except UnreadableDocument as exc:
        return ParsedPaper(str(path), None, None, exc.reason, bad_input=True)
    except Exception as exc:  # noqa: BLE001 - a reader bug must not end the batch
        return ParsedPaper(
            str(path), None, None, f"could not be read: {one_line(exc)}", detail=_traceback()
        )
    try:
        return ParsedPaper(str(path), document, extractor(document))
    except Exception as exc:  # noqa: BLE001 - a parser bug must not end the batch
        return ParsedPaper(
            str(path), document, None, f"could not be parsed: {one_line(exc)}", detail=_traceback()
        )


def one_line(exc: BaseException) -> str:
    """An exception as one line of at most 300 characters, for a person to read."""
    return (" ".join(str(exc).split()) or type(exc).__name__)[:300]


def _traceback() -> str:
    return traceback.format_exc(limit=20)


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


def parse_all(
    paths: Iterable[str | Path],
    workers: int | None = None,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
) -> Iterator[ParsedPaper]:
    """Parsed papers in the order of `paths`; with one worker, in this process.

    Workers start with `forkserver`, so they never inherit the caller's
    database connections; a few files at a time are in flight, so memory
    stays flat however many files there are. A `reader` or `extractor` other
    than the standard ones must be picklable to run in workers.
    """
    paths = [str(p) for p in paths]
    parse = partial(
        read_and_extract, reader=reader or read_document, extractor=extractor or extract_document
    )
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(paths) <= 1:
        yield from map(parse, paths)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_PRELOAD)
    with ProcessPoolExecutor(max_workers=min(workers, len(paths)), mp_context=context) as pool:
        pending = []
        queue = iter(paths)
        for path in queue:
            pending.append(pool.submit(parse, path))
            if len(pending) >= workers * 2:
                break
        while pending:
            future = pending.pop(0)
            following = next(queue, None)
            if following is not None:
                pending.append(pool.submit(parse, following))
            yield future.result()
