"""Showing an import's summary: a table for people, JSON for scripts. Plain Python."""

from __future__ import annotations

import json
from typing import TextIO

from minutebook.importer.summary import ImportSummary

#: The rows of the summary table, in order, with their labels.
SUMMARY_ROWS = (
    ("files", "Files"),
    ("meetings", "Meetings (distinct)"),
    ("actions", "Actions (distinct)"),
    ("decisions", "Decisions (distinct)"),
    ("people", "People identified (distinct)"),
    ("people_new", "  of whom new"),
    ("warnings", "Warnings"),
    ("failures", "Failures"),
)


def write_table(summary: ImportSummary, out: TextIO) -> None:
    # rich is loaded for the table alone: a script asking for JSON never waits for it
    from rich.console import Console
    from rich.table import Table

    totals = summary.totals()
    table = Table(title="Import summary", title_justify="left")
    table.add_column("")
    table.add_column("count", justify="right")
    for key, label in SUMMARY_ROWS:
        table.add_row(label, str(totals[key]))
    files = totals["files"]
    detail = (
        f"{totals['inserted']} new, {totals['replaced']} replaced, {totals['unchanged']} unchanged"
    )
    console = Console(file=out, width=100, soft_wrap=True)
    console.print(table)
    if files:
        console.print(f"Files: {detail}.", highlight=False)


def write_json(summary: ImportSummary, out: TextIO) -> None:
    out.write(json.dumps(summary.as_dict(), indent=2, sort_keys=True))
    out.write("\n")


def write_failures(summary: ImportSummary, err: TextIO) -> None:
    """One line per failed file, "<path>: <reason>", for people and for grep."""
    for failure in summary.failures:
        err.write(f"{failure.path}: {failure.reason}\n")


def write_summary(summary: ImportSummary, output_format: str, out: TextIO, err: TextIO) -> None:
    """The summary on `out` as a table or JSON, and what failed on `err`."""
    if output_format == "json":
        write_json(summary, out)
    else:
        write_table(summary, out)
    write_failures(summary, err)
    if not summary.files:
        err.write("no documents found\n")
