"""`minutebook import PATH...`: store published papers as linked records."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandParser

from minutebook.importer.arguments import IMPORT_HELP, add_import_arguments
from minutebook.importer.report import write_summary
from minutebook.importer.service import import_paths
from minutebook.importer.summary import FileResult, ImportSummary


class Command(BaseCommand):
    help = IMPORT_HELP

    # The checks are for a changed project (`minutebook check`); an import must start fast, as
    # importing a folder again is mostly start-up.
    requires_system_checks: list[str] = []

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any):
        # users type `minutebook import`; the module is import_papers as `import` is a keyword
        return super().create_parser(prog_name, "import", **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        add_import_arguments(parser)

    def handle(
        self,
        *args: Any,
        paths: list[Path],
        output_format: str,
        workers: int | None,
        **options: Any,
    ) -> None:
        summary = self._run(paths, workers)
        write_summary(summary, output_format, _raw(self.stdout), _raw(self.stderr))
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


def _raw(stream: Any) -> TextIO:
    """The stream under Django's OutputWrapper, which would add a newline to each of rich's writes."""
    return getattr(stream, "_out", stream)
