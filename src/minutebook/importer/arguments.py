"""The arguments of `minutebook import`, in one place for its two readers.

The management command reads them with Django's parser; `importer.unchanged`
reads them with argparse before Django loads, to answer a run that finds
nothing new. Plain Python.
"""

from __future__ import annotations

import argparse
from pathlib import Path

IMPORT_HELP = (
    "Import published papers (minutes, agendas, packs, decision records; text, Markdown, "
    "HTML, DOCX or PDF) from files or folders. Folders are read recursively. A file "
    "already imported is skipped, and a run that finds nothing new changes nothing; a "
    "corrected re-publication replaces the earlier version. "
    "Exit status: 0 all imported, 1 some files failed, 2 no file could be imported "
    "(missing paths or unreadable files)."
)


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", type=Path, metavar="PATH", help="files or folders to import"
    )
    parser.add_argument(
        "--format",
        choices=["table", "json"],
        default="table",
        dest="output_format",
        help="how to print the summary on standard output (default: table)",
    )
    parser.add_argument(
        "--workers",
        type=positive_number,
        default=None,
        metavar="N",
        help="processes that read and parse files (default: MINUTEBOOK_WORKERS, "
        "else one per core, up to 4); 1 parses in this process",
    )


def positive_number(raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of 1 or more, got {raw!r}")
    return int(raw)
