"""Reading and parsing many files at once, on every core.

Reading a PDF and finding its facts is pure computation with no shared
state, so an import hands it to worker processes while the main process
stores what comes back; results arrive in the order the files were given.
"""

from __future__ import annotations

import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from minutebook.ingest.source import ReadDocument, UnreadableDocument
from minutebook.ingest.workers import lower_priority, worker_context

Reader = Callable[[Path], ReadDocument]
Extractor = Callable[[ReadDocument], dict[str, Any]]


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
    path: str | Path, reader: Reader | None = None, extractor: Extractor | None = None
) -> ParsedPaper:
    """Read and parse one file; never raises, so one bad file cannot stop a batch.

    `reader` and `extractor` default to `readers.read_document` and
    `extract.extract_document`, imported here so that a process handing all
    its files to workers never loads them.
    """
    if reader is None:
        from minutebook.ingest.readers import read_document as reader
    if extractor is None:
        from minutebook.ingest.extract import extract_document as extractor
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


MAX_DEFAULT_WORKERS = 4


def default_workers() -> int:
    """Worker processes for parsing: MINUTEBOOK_WORKERS, else one per core, at most
    MAX_DEFAULT_WORKERS: storing in one process is the limit beyond that, and
    each worker holds a document's text, so more would cost memory for nothing."""
    raw = os.environ.get("MINUTEBOOK_WORKERS")
    if raw:
        try:
            value = int(raw)
        except ValueError as exc:
            raise ValueError(f"MINUTEBOOK_WORKERS must be a whole number, got {raw!r}") from exc
        if value < 1:
            raise ValueError(f"MINUTEBOOK_WORKERS must be at least 1, got {value}")
        return value
    return max(1, min(MAX_DEFAULT_WORKERS, os.cpu_count() or 1))


def file_timeout() -> float:
    """Seconds a worker may spend on one file: MINUTEBOOK_FILE_TIMEOUT, else 600."""
    raw = os.environ.get("MINUTEBOOK_FILE_TIMEOUT")
    if not raw:
        return DEFAULT_FILE_TIMEOUT
    try:
        value = float(raw)
    except ValueError as exc:
        raise ValueError(
            f"MINUTEBOOK_FILE_TIMEOUT must be a number of seconds, got {raw!r}"
        ) from exc
    if value <= 0:
        raise ValueError(f"MINUTEBOOK_FILE_TIMEOUT must be more than 0, got {raw!r}")
    return value


# A 1,000-page pack reads in well under a minute; ten times that is a file that will never end.
DEFAULT_FILE_TIMEOUT = 600.0


def parse_all(
    paths: Iterable[str | Path],
    workers: int | None = None,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
    timeout: float | None = None,
) -> Iterator[ParsedPaper]:
    """Parsed papers in the order of `paths`; with one worker, in this process.

    Workers fork from a server that has imported the parser (see
    `workers`); a few files at a time are in flight, so memory stays flat
    however many files there are. A file whose worker dies, or takes longer
    than `timeout` seconds (default `file_timeout()`), fails alone with a
    reason; the others go on in new workers. (In this process, with one
    worker, nothing can be stopped.) A `reader` or `extractor` other than
    the standard ones must be picklable to run in workers.
    """
    paths = [str(p) for p in paths]
    parse = partial(read_and_extract, reader=reader, extractor=extractor)
    workers = default_workers() if workers is None else workers
    if workers <= 1 or len(paths) <= 1:
        yield from map(parse, paths)
        return
    timeout = file_timeout() if timeout is None else timeout
    queue = deque(paths)
    while queue:
        yield from _parse_in_pool(queue, min(workers, len(queue)), parse, timeout)


# Files handed to each worker ahead of the one being stored: enough that a big pack does not
# leave the storing process waiting, few enough that memory stays flat.
FILES_IN_FLIGHT = 3

# Why a file failed when the worker reading it died (PDFium can crash on a damaged file).
WORKER_DIED_REASON = "the reader stopped unexpectedly on this file: it may be damaged"


def too_slow_reason(timeout: float) -> str:
    return f"reading took longer than {timeout:g} seconds: the file may be damaged"


def _parse_in_pool(
    queue: deque[str], workers: int, parse: Callable[[str], ParsedPaper], timeout: float
) -> Iterator[ParsedPaper]:
    """Parse files from the front of `queue` in one pool of workers until the queue is empty,
    a worker dies or a file takes too long. The other files in flight then are parsed
    again one by one, each in a pool of its own, so only the culprit fails."""
    pool = _new_pool(workers)
    in_flight: deque[tuple[str, Future[ParsedPaper]]] = deque()
    too_slow: ParsedPaper | None = None
    try:
        while queue or in_flight:
            while queue and len(in_flight) < workers * FILES_IN_FLIGHT:
                path = queue.popleft()
                in_flight.append((path, pool.submit(parse, path)))
            path, future = in_flight[0]
            try:
                paper = future.result(timeout=timeout)
            except BrokenProcessPool:
                break
            except TimeoutError:
                in_flight.popleft()
                too_slow = ParsedPaper(path, None, None, too_slow_reason(timeout), bad_input=True)
                break
            in_flight.popleft()
            yield paper
    finally:
        _stop(pool)
    if too_slow is not None:
        yield too_slow
    for path, future in in_flight:
        finished = future.done() and not future.cancelled() and future.exception() is None
        yield future.result() if finished else _parse_alone(path, parse, timeout)


def _parse_alone(path: str, parse: Callable[[str], ParsedPaper], timeout: float) -> ParsedPaper:
    pool = _new_pool(1)
    try:
        return pool.submit(parse, path).result(timeout=timeout)
    except BrokenProcessPool:
        return ParsedPaper(path, None, None, WORKER_DIED_REASON, bad_input=True)
    except TimeoutError:
        return ParsedPaper(path, None, None, too_slow_reason(timeout), bad_input=True)
    finally:
        _stop(pool)


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """Workers forked from the parser's server, each below this process's priority."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=worker_context(), initializer=lower_priority
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down, ending any worker still at work (a file that never ends).

    The executor has no public way to end a busy worker before Python 3.14
    (`terminate_workers`), so its process table is used.
    """
    terminate = getattr(pool, "terminate_workers", None)
    if terminate is not None:
        terminate()
    else:
        # before any shutdown, which forgets the process table
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            if process.is_alive():
                process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
