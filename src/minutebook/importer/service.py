"""Importing files: expand the paths, then read, parse and store each file on its own.

One file's failure never stops the batch: each document is stored in its
own transaction, and a file that cannot be read or parsed is recorded with
a one-line reason. A file already stored (same sha256) is recognised before
it is parsed, so importing a folder again costs one hash per file, and a
run that finds nothing new writes nothing (`minutebook import` answers it
before Django loads: see `importer.unchanged`). New
files are read and parsed in worker processes, one per core (up to four), while this
process stores them in order. The documents of a run share one `RunCache`:
bodies, posts and seats are read once per run, not once per document.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.utils import timezone

from minutebook.core.rows import reserving_ids
from minutebook.documents.models import ImportRun, ImportRunFile, SourceDocument
from minutebook.importer.context import RunCache
from minutebook.importer.files import expand_paths, file_digest
from minutebook.importer.store import store_extract
from minutebook.importer.summary import FAILED, UNCHANGED, FileResult, ImportSummary
from minutebook.ingest.pipeline import Extractor, ParsedPaper, Reader, one_line, parse_all

log = logging.getLogger(__name__)

#: Called once before the first file with (0, files in all, None), then after each file with
#: (files done, files in all, the result for that file).
Progress = Callable[[int, int, "FileResult | None"], None]


def import_paths(
    paths: list[Path],
    *,
    progress: Progress | None = None,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
    workers: int | None = None,
) -> ImportSummary:
    """Import every document under `paths` and return what happened to each.

    New files are read and parsed in worker processes (see
    `minutebook.ingest.pipeline`) while this process stores each result, in
    the order of the files. `reader` and `extractor` replace
    `minutebook.ingest`'s `read_document` and `extract_document`; they run
    in this process unless `workers` says otherwise. `workers` defaults to
    MINUTEBOOK_WORKERS or one per core (up to four).
    """
    files, missing = expand_paths(Path(p) for p in paths)
    if progress is not None:
        progress(0, len(files), None)
    digests = [file_digest(path) for path in files]
    known = _stored_digests([d for d in digests if isinstance(d, str)])
    # Each new content is parsed once, however many copies of it the run holds.
    first_copies = {}
    for path, digest in zip(files, digests, strict=True):
        if isinstance(digest, str) and digest not in known:
            first_copies.setdefault(digest, path)
    unreadable = any(isinstance(digest, OSError) for digest in digests)
    # A run that finds nothing new changes nothing, not even the list of runs.
    run = None
    if missing or unreadable or first_copies:
        run = ImportRun.objects.create(paths=[str(p) for p in paths])
    summary = ImportSummary(run_id=run and run.pk)
    for path in missing:
        summary.files.append(FileResult(str(path), FAILED, "file not found", bad_input=True))
    if reader is not None or extractor is not None:
        workers = 1 if workers is None else workers
    # closed on the way out, whatever happens, so no worker outlives the run
    parsing = closing(_parse(list(first_copies.values()), reader, extractor, workers))
    with parsing as parsed, fewer_collections(), reserving_ids():
        _import_in_order(summary, files, digests, known, first_copies, parsed, RunCache(), progress)
    if run is not None:
        _finish_run(run, summary)
    return summary


#: Allocations between collections of the youngest generation while storing (Python's is 700).
STORING_GC_THRESHOLD = 100_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while storing.

    Storing builds and drops model instances and querysets by the ten
    thousand, and the collector would walk them every 700 allocations: a
    twentieth of the storing time, for cycles a few megabytes in all. What
    exists before (Django, the run's cache) is frozen out of collections.
    """
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(STORING_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _import_in_order(
    summary: ImportSummary,
    files: list[Path],
    digests: list[str | OSError],
    known: set[str],
    first_copies: dict[str, Path],
    parsed: Iterator[ParsedPaper],
    cache: RunCache,
    progress: Progress | None,
) -> None:
    """Store each file's result in the order given; copies of one content share its fate."""
    failed: dict[str, FileResult] = {}
    for done, (path, digest) in enumerate(zip(files, digests, strict=True), start=1):
        if isinstance(digest, OSError):
            result = FileResult(str(path), FAILED, digest.strerror or str(digest), bad_input=True)
        elif digest in known:
            result = FileResult(str(path), UNCHANGED, sha256=digest)
        elif first_copies.get(digest) is path:
            result = _store_parsed(next(parsed), digest, cache)
            if result.outcome == FAILED:
                failed[digest] = result
            else:
                known.add(digest)  # the same file again later in the run is unchanged
        else:
            first = failed[digest]
            result = FileResult(
                str(path), FAILED, first.reason, sha256=digest, bad_input=first.bad_input
            )
        summary.files.append(result)
        if progress is not None:
            progress(done, len(files), result)


def _parse(
    paths: list[Path], reader: Reader | None, extractor: Extractor | None, workers: int | None
) -> Iterator[ParsedPaper]:
    """The files read and parsed, in order; no workers start when there is nothing to parse."""
    if paths:
        yield from parse_all(paths, workers=workers, reader=reader, extractor=extractor)


def _stored_digests(digests: list[str]) -> set[str]:
    """The digests among `digests` of documents already stored (one query per thousand)."""
    known: set[str] = set()
    for start in range(0, len(digests), 1000):
        chunk = digests[start : start + 1000]
        known.update(
            SourceDocument.objects.filter(sha256__in=chunk).values_list("sha256", flat=True)
        )
    return known


def _store_parsed(paper: ParsedPaper, digest: str, cache: RunCache) -> FileResult:
    """Store a parsed paper in its own transaction, or say why it failed."""
    if not paper.ok:
        if paper.detail:
            log.error("%s %s\n%s", paper.path, paper.reason, paper.detail)
        return FileResult(
            paper.path, FAILED, paper.reason or "", sha256=digest, bad_input=paper.bad_input
        )
    try:
        stored = store_extract(
            paper.document, paper.extract, path=paper.path, sha256=digest, cache=cache, checked=True
        )
    except Exception as exc:
        log.exception("storing %s failed", paper.path)
        return FileResult(
            paper.path, FAILED, f"could not be stored: {one_line(exc)}", sha256=digest
        )
    return FileResult(
        paper.path,
        stored.outcome,
        sha256=digest,
        counts=stored.counts,
        warnings=stored.warnings,
        people=stored.people,
        people_created=stored.people_created,
        records=stored.records,
    )


def _finish_run(run: ImportRun, summary: ImportSummary) -> None:
    documents = dict(
        SourceDocument.objects.filter(
            sha256__in=[f.sha256 for f in summary.files if f.sha256]
        ).values_list("sha256", "pk")
    )
    ImportRunFile.objects.bulk_create(
        ImportRunFile(
            run=run,
            path=f.path[:1000],
            sha256=f.sha256,
            outcome=f.outcome,
            reason=f.reason,
            document_id=documents.get(f.sha256),
            counts=f.counts,
            warnings=f.warnings,
        )
        for f in summary.files
    )
    totals = summary.totals()
    run.finished_at = timezone.now()
    run.inserted = totals["inserted"]
    run.updated = totals["replaced"]
    run.unchanged = totals["unchanged"]
    run.failed = totals["failures"]
    run.warnings = [f"{f.path}: {w}" for f in summary.files for w in f.warnings]
    run.save()
