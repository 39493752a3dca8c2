"""Importing files: expand the paths, then read, parse and store each file on its own.

One file's failure never stops the batch: each document is stored in its
own transaction, and a file that cannot be read or parsed is recorded with
a one-line reason. A file already stored (same sha256) is recognised before
it is parsed, so importing a folder again costs one hash per file.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.utils import timezone

from minutebook.documents.models import ImportRun, ImportRunFile, SourceDocument
from minutebook.importer.store import store_extract

log = logging.getLogger(__name__)

#: Files in a folder that are not papers: gold labels, corpus manifests, any JSON.
SKIPPED_SUFFIXES = (".gold.json", ".json")
SKIPPED_NAMES = frozenset({"manifest.json"})

#: Called once before the first file with (0, files in all, None), then after each file with
#: (files done, files in all, the result for that file).
Progress = Callable[[int, int, "FileResult | None"], None]
Reader = Callable[[Path], Any]
Extractor = Callable[[Any], dict[str, Any]]


@dataclass
class FileResult:
    path: str
    outcome: str  # an ImportRunFile.Outcome value
    reason: str = ""
    sha256: str = ""
    bad_input: bool = False  # failed because the file itself is missing or unreadable
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportSummary:
    files: list[FileResult] = field(default_factory=list)
    run_id: int | None = None

    def totals(self) -> dict[str, int]:
        outcomes = Counter(f.outcome for f in self.files)
        counts: Counter[str] = Counter()
        for f in self.files:
            counts.update(f.counts)
        return {
            "files": len(self.files),
            "inserted": outcomes["inserted"],
            "replaced": outcomes["replaced"],
            "unchanged": outcomes["unchanged"],
            "meetings": counts["meetings"],
            "actions": counts["actions"],
            "decisions": counts["decisions"],
            "people": counts["people"],
            "warnings": sum(len(f.warnings) for f in self.files),
            "failures": outcomes["failed"],
        }

    @property
    def failures(self) -> list[FileResult]:
        return [f for f in self.files if f.outcome == ImportRunFile.Outcome.FAILED]

    @property
    def exit_code(self) -> int:
        """0 all imported, 1 some failed, 2 nothing to import or every file was bad input."""
        failures = self.failures
        if not self.files or (
            failures and len(failures) == len(self.files) and all(f.bad_input for f in failures)
        ):
            return 2
        return 1 if failures else 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "totals": self.totals(),
            "files": [asdict(f) for f in self.files],
            "run": self.run_id,
        }


def expand_paths(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Files to import (folders walked recursively, in name order) and the paths that do not exist.

    Hidden files and folders, gold files and manifests are skipped.
    """
    files: list[Path] = []
    missing: list[Path] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                relative = found.relative_to(path).parts
                if found.is_file() and not _skipped(found, relative):
                    files.append(found)
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return list(dict.fromkeys(files)), missing


def _skipped(path: Path, relative: tuple[str, ...]) -> bool:
    return (
        any(part.startswith(".") for part in relative)
        or path.name in SKIPPED_NAMES
        or path.name.endswith(SKIPPED_SUFFIXES)
    )


def import_paths(
    paths: list[Path],
    *,
    progress: Progress | None = None,
    reader: Reader | None = None,
    extractor: Extractor | None = None,
) -> ImportSummary:
    """Import every document under `paths` and return what happened to each.

    `reader` and `extractor` default to `minutebook.ingest`'s
    `read_document` and `extract_document`.
    """
    if reader is None:
        from minutebook.ingest.readers import read_document as reader
    if extractor is None:
        from minutebook.ingest.extract import extract_document as extractor

    files, missing = expand_paths(Path(p) for p in paths)
    run = ImportRun.objects.create(paths=[str(p) for p in paths])
    summary = ImportSummary(run_id=run.pk)
    for path in missing:
        summary.files.append(
            FileResult(str(path), "failed", "file not found", bad_input=True)
        )
    if progress is not None:
        progress(0, len(files), None)
    for done, path in enumerate(files, start=1):
        result = import_file(path, reader, extractor)
        summary.files.append(result)
        if progress is not None:
            progress(done, len(files), result)
    _finish_run(run, summary)
    return summary


def import_file(path: Path, reader: Reader, extractor: Extractor) -> FileResult:
    """Read, parse and store one file; every failure becomes a result with a one-line reason."""
    from minutebook.ingest.source import UnreadableDocument

    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        return FileResult(str(path), "failed", exc.strerror or str(exc), bad_input=True)
    if SourceDocument.objects.filter(sha256=digest).exists():
        return FileResult(str(path), "unchanged", sha256=digest)
    try:
        read = reader(path)
    except UnreadableDocument as exc:
        return FileResult(str(path), "failed", exc.reason, sha256=digest, bad_input=True)
    except Exception as exc:  # a reader bug must not stop the batch
        log.exception("reading %s failed", path)
        return FileResult(
            str(path), "failed", f"could not be read: {_one_line(exc)}", sha256=digest
        )
    try:
        extract = extractor(read)
    except Exception as exc:
        log.exception("parsing %s failed", path)
        return FileResult(
            str(path), "failed", f"could not be parsed: {_one_line(exc)}", sha256=digest
        )
    try:
        stored = store_extract(read, extract, path=str(path), sha256=digest)
    except Exception as exc:
        log.exception("storing %s failed", path)
        return FileResult(
            str(path), "failed", f"could not be stored: {_one_line(exc)}", sha256=digest
        )
    return FileResult(
        str(path), stored.outcome, sha256=digest, counts=stored.counts, warnings=stored.warnings
    )


def _one_line(exc: Exception) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:300]


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
