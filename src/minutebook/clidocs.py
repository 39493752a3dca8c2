"""The command-line reference in docs/cli.md, written from the commands' own help.

`python -m minutebook.clidocs > docs/cli.md` rewrites it; a test fails when
the file and the help text drift apart.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

from minutebook.cli import main

COMMANDS = [
    ["--help"],
    ["extract", "--help"],
    ["import", "--help"],
    ["synth", "--help"],
    ["serve", "--help"],
    ["demo", "--help"],
]


def help_text(args: list[str]) -> str:
    buffer = io.StringIO()
    os.environ["COLUMNS"] = "100"
    with contextlib.redirect_stdout(buffer), contextlib.suppress(SystemExit):
        main(args)
    return buffer.getvalue().rstrip()


def render_cli_reference() -> str:
    parts = [
        "# The `minutebook` command",
        "",
        "Written from the commands' own `--help` (`python -m minutebook.clidocs > docs/cli.md`).",
        "",
    ]
    for args in COMMANDS:
        title = " ".join(["minutebook", *[a for a in args if a != "--help"]])
        parts += [f"## `{title}`", "", "```", help_text(args), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(render_cli_reference())
