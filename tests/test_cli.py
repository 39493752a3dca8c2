"""The `minutebook` command as a user runs it: its own process, from start to exit."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import sys

from minutebook.cli import main

MINUTES = """BUSINESS COORDINATION BOARD
Minutes of the meeting held on 28 February 2019 at 10.00am

1. Welcome and apologies
The Chair welcomed members.
"""


def minutebook(*args: str, database: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "MINUTEBOOK_WORKERS": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run(
        [sys.executable, "-m", "minutebook", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_import_ends_with_its_database_closed_and_its_document_stored(tmp_path):
    database = tmp_path / "office.sqlite3"
    paper = tmp_path / "bcb-minutes.txt"
    paper.write_text(MINUTES)
    assert minutebook("migrate", "-v", "0", database=str(database)).returncode == 0

    done = minutebook("import", str(paper), "--format", "json", database=str(database))

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["totals"]["inserted"] == 1
    # the last connection to close folds the write-ahead log into the database and removes it
    assert not (tmp_path / "office.sqlite3-wal").exists()
    with sqlite3.connect(database) as db:
        stored = db.execute("select count(*) from documents_sourcedocument").fetchone()[0]
    assert stored == 1


def test_calling_main_in_a_running_process_leaves_its_collector_alone(tmp_path, capsys):
    paper = tmp_path / "bcb-minutes.txt"
    paper.write_text(MINUTES)
    frozen = gc.get_freeze_count()
    assert main(["extract", str(paper)]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "minutebook.extract/1"
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()
