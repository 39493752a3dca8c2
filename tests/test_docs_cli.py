"""docs/cli.md is the commands' own help, so the docs cannot drift from the code."""

from pathlib import Path

from minutebook.clidocs import render_cli_reference

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def test_cli_reference_matches_the_help_text():
    assert DOC.read_text(encoding="utf-8") == render_cli_reference(), (
        "docs/cli.md is out of date: python -m minutebook.clidocs > docs/cli.md"
    )


def test_every_command_has_help():
    reference = render_cli_reference()
    for command in ("extract", "import", "synth", "serve", "demo"):
        assert f"usage: minutebook {command}" in reference
