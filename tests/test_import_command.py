"""`minutebook import`: a summary on stdout, one line per failed file on stderr, an exit status."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command

from minutebook.cli import main

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import_papers", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_import_prints_a_summary_table_and_exits_0(papers):
    code, out, err = run(str(papers))
    assert code == 0
    assert err == ""
    for label in ("Files", "Meetings", "Actions", "Decisions", "People", "Warnings", "Failures"):
        assert label in out
    assert "2 new, 0 replaced, 0 unchanged" in out
    assert "\x1b[" not in out  # no colour codes in a pipe


def test_import_json_summary(papers):
    code, out, _ = run(str(papers), "--format", "json")
    summary = json.loads(out)
    assert code == 0
    assert summary["totals"]["files"] == 2
    assert summary["totals"]["meetings"] == 2
    assert {f["outcome"] for f in summary["files"]} == {"inserted"}


def test_failed_files_are_listed_one_per_line_on_stderr(papers):
    (papers / "empty.txt").write_text("")
    code, _, err = run(str(papers))
    assert code == 1
    [line] = err.splitlines()
    assert line.startswith(f"{papers / 'empty.txt'}: ")


def test_every_file_unreadable_or_missing_exits_2(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run(str(tmp_path / "empty.txt"), str(tmp_path / "nowhere.pdf"))
    assert code == 2
    assert f"{tmp_path / 'nowhere.pdf'}: file not found" in err.splitlines()


@pytest.mark.django_db(transaction=True)  # the command closes its connection when done
def test_the_minutebook_command_maps_import_to_the_importer(papers, capsys):
    assert main(["import", str(papers), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["files"] == 2
    assert main(["import", str(papers), "--format", "json"]) == 0  # again: unchanged


class Terminal(StringIO):
    """A stream that says it is a terminal, as a person's shell is."""

    def isatty(self) -> bool:
        return True


def test_a_terminal_sees_a_progress_bar_and_a_pipe_does_not(papers):
    terminal, pipe = Terminal(), StringIO()
    call_command("import_papers", str(papers / "feb.txt"), stdout=StringIO(), stderr=terminal)
    call_command("import_papers", str(papers / "may.txt"), stdout=StringIO(), stderr=pipe)
    assert "importing" in terminal.getvalue()
    assert pipe.getvalue() == ""
