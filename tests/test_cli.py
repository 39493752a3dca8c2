"""The `minutebook` command as a user runs it: its own process, from start to exit."""

from __future__ import annotations

import gc
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from minutebook.cli import main

MINUTES = Path(__file__).parent / "fixtures" / "minutes" / "board_item_dash_style.txt"


def minutebook(*args: str, database: str) -> subprocess.CompletedProcess[str]:
    """`minutebook ARGS` in a process of its own; Python's options (`-X ...`) may lead ARGS."""
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "MINUTEBOOK_WORKERS": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    python_options = list(args[:2]) if args[:1] == ("-X",) else []
    args = args[len(python_options) :]
    return subprocess.run(
        [sys.executable, *python_options, "-m", "minutebook", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_import_ends_with_its_database_closed_and_its_document_stored(tmp_path):
    database = tmp_path / "office.sqlite3"
    assert minutebook("migrate", "-v", "0", database=str(database)).returncode == 0

    done = minutebook("import", str(MINUTES), "--format", "json", database=str(database))

    assert done.returncode == 0, done.stderr
    totals = json.loads(done.stdout)["totals"]
    assert (totals["inserted"], totals["meetings"]) == (1, 1)
    # the last connection to close folds the write-ahead log into the database and removes it
    assert not (tmp_path / "office.sqlite3-wal").exists()
    with sqlite3.connect(database) as db:
        stored = db.execute("select count(*) from documents_sourcedocument").fetchone()[0]
    assert stored == 1


def test_output_cut_short_by_its_reader_ends_quietly():
    command = [sys.executable, "-m", "minutebook", "extract", str(MINUTES)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # the reader is gone before a byte is written
        errors = process.stderr.read().decode()
        code = process.wait(timeout=60)
    assert "Traceback" not in errors
    assert code == 1


def test_calling_main_in_a_running_process_leaves_its_collector_alone(capsys):
    frozen = gc.get_freeze_count()
    assert main(["extract", str(MINUTES)]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "minutebook.extract/1"
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_a_folder_imported_again_is_answered_without_loading_django(tmp_path):
    database = str(tmp_path / "office.sqlite3")
    assert minutebook("migrate", "-v", "0", database=database).returncode == 0
    first = minutebook("import", str(MINUTES), "--format", "json", database=database)
    assert json.loads(first.stdout)["totals"]["inserted"] == 1

    again = minutebook(
        "-X", "importtime", "import", str(MINUTES), "--format", "json", database=database
    )

    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert (summary["totals"]["unchanged"], summary["run"]) == (1, None)
    loaded = {line.rsplit("|", 1)[-1].strip() for line in again.stderr.splitlines()}
    assert "minutebook.importer.unchanged" in loaded
    assert "django.db.models" not in loaded
    with sqlite3.connect(database) as db:
        assert db.execute("select count(*) from documents_importrun").fetchone()[0] == 1
