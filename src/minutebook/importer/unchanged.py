"""Answer `minutebook import` without Django when every file is stored already.

Importing a folder again is the commonest import there is (a scheduled job
run over the body's papers every night), and when nothing is new it only
has to hash the files and ask the database which of their digests it holds.
Loading Django for that would be nine tenths of the run, so this module
asks with the database's own driver (sqlite3 or psycopg), from the same
settings Django would read, and prints the same summary. At the first sign
of anything else (a new, missing or unreadable file, an option it does not
know, a database it cannot ask) it stands aside and the full import runs,
which also reports any problem properly. It only reads: a run that finds
nothing new changes nothing, as `importer.service.import_paths` agrees.

Plain Python; an import-linter contract keeps Django out.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from minutebook.importer.arguments import add_import_arguments
from minutebook.importer.files import expand_paths, file_digest
from minutebook.importer.report import write_summary
from minutebook.importer.summary import UNCHANGED, FileResult, ImportSummary

#: Where stored documents keep their digest: `SourceDocument`'s table and field (a test keeps
#: these in step with the model).
DOCUMENTS_TABLE = "documents_sourcedocument"
DIGEST_COLUMN = "sha256"

#: Files hashed and looked up at a time after the first, which is looked up alone so that a
#: folder of new papers stands aside after hashing one file.
CHUNK = 1000

#: Database settings that are Django's or psycopg's own, not connection parameters.
NOT_CONNECTION_OPTIONS = frozenset(
    {"assume_role", "isolation_level", "pool", "prepare_threshold", "server_side_binding"}
)

Lookup = Callable[[list[str]], set[str]]


def answer_if_nothing_new(argv: Sequence[str]) -> int | None:
    """Print the summary of `minutebook import ARGV` and return its exit status when every
    file it names is stored already; None when the full import must run."""
    try:
        options = _parser().parse_args(list(argv))
    except _StandAside:
        return None
    files, missing = expand_paths(options.paths)
    if missing or not files:
        return None
    try:
        with stored_digest_lookup(database_settings()) as stored:
            results = _all_unchanged(files, stored)
    except Exception:  # noqa: BLE001 - any doubt is the full import's to report
        return None
    if results is None:
        return None
    summary = ImportSummary(files=results)
    write_summary(summary, options.output_format, sys.stdout, sys.stderr)
    return summary.exit_code


def _all_unchanged(files: list[Path], stored: Lookup) -> list[FileResult] | None:
    """Each file as unchanged, or None at the first that is new or cannot be read."""
    results: list[FileResult] = []
    chunks = [files[:1], *(files[start : start + CHUNK] for start in range(1, len(files), CHUNK))]
    for chunk in chunks:
        digests = [file_digest(path) for path in chunk]
        readable = [digest for digest in digests if isinstance(digest, str)]
        if len(readable) < len(digests) or not stored(readable).issuperset(readable):
            return None
        results += [
            FileResult(str(path), UNCHANGED, sha256=digest)
            for path, digest in zip(chunk, readable, strict=True)
        ]
    return results


class _StandAside(Exception):
    """The arguments are not plainly an import's: Django's parser will say what it makes of them."""


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise _StandAside(message)


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="minutebook import", add_help=False)
    add_import_arguments(parser)
    return parser


def database_settings() -> dict[str, Any]:
    """The default database as Django would be given it, read from the settings module."""
    settings = importlib.import_module(
        os.environ.get("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    )
    return settings.DATABASES["default"]


@contextlib.contextmanager
def stored_digest_lookup(database: dict[str, Any]) -> Iterator[Lookup]:
    """A function from digests to those of them stored, over one read-only connection."""
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        connection = _sqlite(database)
        marker = "?"
    elif engine.endswith("postgresql"):
        connection = _postgresql(database)
        marker = "%s"
    else:
        raise LookupError(f"no short answer for the {engine} database engine")

    def stored(digests: list[str]) -> set[str]:
        placeholders = ", ".join([marker] * len(digests))
        cursor = connection.cursor()
        cursor.execute(
            f"SELECT {DIGEST_COLUMN} FROM {DOCUMENTS_TABLE} "  # noqa: S608 - constant names
            f"WHERE {DIGEST_COLUMN} IN ({placeholders})",
            digests,
        )
        return {row[0] for row in cursor.fetchall()}

    try:
        yield stored
    finally:
        connection.close()


def _sqlite(database: dict[str, Any]) -> sqlite3.Connection:
    name = str(database["NAME"])
    timeout = database.get("OPTIONS", {}).get("timeout", 5)
    if name.startswith("file:"):  # already a URI (a shared in-memory database, say)
        return sqlite3.connect(name, uri=True, timeout=timeout)
    if name == ":memory:" or not Path(name).is_file():
        raise LookupError(f"no stored documents in {name}")
    return sqlite3.connect(f"{Path(name).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def _postgresql(database: dict[str, Any]) -> Any:
    import psycopg

    parameters = {
        key: value
        for key, value in database.get("OPTIONS", {}).items()
        if key not in NOT_CONNECTION_OPTIONS
    }
    for setting, parameter in (
        ("NAME", "dbname"),
        ("USER", "user"),
        ("PASSWORD", "password"),
        ("HOST", "host"),
        ("PORT", "port"),
    ):
        if database.get(setting):
            parameters[parameter] = database[setting]
    parameters.setdefault("connect_timeout", 10)
    return psycopg.connect(autocommit=True, **parameters)
