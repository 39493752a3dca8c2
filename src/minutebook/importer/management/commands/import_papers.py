"""`minutebook import PATH...`: store published papers as linked records."""

from __future__ import annotations

from argparse import ArgumentTypeError
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandParser

from minutebook.importer.report import write_failures, write_json, write_table
from minutebook.importer.service import FileResult, ImportSummary, import_paths


class Command(BaseCommand):
    help = (
        "Import published papers (minutes, agendas, packs, decision records; text, Markdown, "
        "HTML, DOCX or PDF) from files or folders. Folders are read recursively. A file "
        "already imported is skipped; a corrected re-publication replaces the earlier version. "
        "Exit status: 0 all imported, 1 some files failed, 2 no file could be imported "
        "(missing paths or unreadable files)."
    )

    # The checks are for a changed project (`minutebook check`); an import must start fast, as
    # importing a folder again is mostly start-up.
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any):
        # users type `minutebook import`; the module is import_papers as `import` is a keyword
        return super().create_parser(prog_name, "import", **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
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
            type=_positive,
            default=None,
            metavar="N",
            help="processes that read and parse files (default: MINUTEBOOK_WORKERS, "
            "else one per core, up to 4); 1 parses in this process",
        )

    def handle(
        self,
        *args: Any,
        paths: list[Path],
        output_format: str,
        workers: int | None,
        **options: Any,
    ) -> None:
        summary = self._run(paths, workers)
        out, err = _raw(self.stdout), _raw(self.stderr)
        if output_format == "json":
            write_json(summary, out)
        else:
            write_table(summary, out)
        write_failures(summary, err)
        if not summary.files:
            err.write("no documents found\n")
        code = summary.exit_code
        if code:
            raise SystemExit(code)

    def _run(self, paths: list[Path], workers: int | None) -> ImportSummary:
        """Import with a progress bar on a terminal; quietly in a pipe or a log."""
        err = _raw(self.stderr)
        if not (hasattr(err, "isatty") and err.isatty()):
            return import_paths(paths, workers=workers)
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=err)
        columns = (
            TextColumn("importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[name]}"),
            TimeRemainingColumn(),
        )
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("import", total=None, name="")

            def advance(done: int, total: int, result: FileResult | None) -> None:
                name = Path(result.path).name if result else ""
                bar.update(task, completed=done, total=total, name=name)

            return import_paths(paths, progress=advance, workers=workers)


def _positive(raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise ArgumentTypeError(f"must be a whole number of 1 or more, got {raw!r}")
    return int(raw)


def _raw(stream: Any) -> TextIO:
    """The stream under Django's OutputWrapper, which would add a newline to each of rich's writes."""
    return getattr(stream, "_out", stream)
