"""The files an import reads, and how it knows one it has stored before.

A document is known by the sha256 of its bytes, whatever its name or
folder: the same PDF downloaded twice is one document. Plain Python, like
`importer.summary`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

#: Files in a folder that are not papers: gold labels, corpus manifests, any JSON.
SKIPPED_SUFFIXES = (".gold.json", ".json")
SKIPPED_NAMES = frozenset({"manifest.json"})


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


def file_digest(path: Path) -> str | OSError:
    """The sha256 of a file's bytes, or why it could not be read."""
    try:
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError as exc:
        return exc
