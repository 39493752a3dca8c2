"""A run that finds nothing new: answered without Django, the same answer, nothing written."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

import minutebook.importer.unchanged as unchanged
from minutebook.documents.models import ImportRun, ImportRunFile, SourceDocument
from minutebook.importer import summary
from minutebook.importer.unchanged import answer_if_nothing_new, stored_digest_lookup

# the short answer reads with its own connection, which sees only what is committed
pytestmark = pytest.mark.django_db(transaction=True)


def import_json(*args: str) -> dict:
    """The full import's JSON summary, whatever its exit status."""
    out = StringIO()
    with contextlib.suppress(SystemExit):
        call_command("import_papers", *args, "--format", "json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def same_database(monkeypatch):
    """The short answer asks the database the tests run on."""
    monkeypatch.setattr(unchanged, "database_settings", lambda: connection.settings_dict)


def short_answer(capsys, *args: str) -> tuple[int | None, str, str]:
    code = answer_if_nothing_new(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_short_answer_is_the_full_imports_answer(papers, same_database, capsys):
    first = import_json(str(papers))
    assert first["totals"]["inserted"] == 2 and first["run"] is not None
    code, out, err = short_answer(capsys, str(papers), "--format", "json")
    again = import_json(str(papers))
    assert code == 0 and err == ""
    assert json.loads(out) == again
    assert again["totals"]["unchanged"] == 2 and again["run"] is None


def test_a_table_for_people_too(papers, same_database, capsys):
    import_json(str(papers))
    code, out, _ = short_answer(capsys, str(papers / "feb.txt"))
    assert code == 0
    assert "Files: 0 new, 0 replaced, 1 unchanged." in out


def test_a_run_that_finds_nothing_new_records_nothing(papers):
    import_json(str(papers))
    before = (ImportRun.objects.count(), ImportRunFile.objects.count())
    import_json(str(papers))
    assert (ImportRun.objects.count(), ImportRunFile.objects.count()) == before == (1, 2)


def test_a_run_with_a_missing_path_is_recorded_even_if_the_rest_is_known(papers, tmp_path):
    import_json(str(papers))
    import_json(str(papers), str(tmp_path / "nowhere.pdf"))
    assert ImportRun.objects.count() == 2
    assert ImportRun.objects.first().failed == 1


@pytest.mark.parametrize(
    "extra",
    [
        ["new.txt"],  # a new paper
        ["nowhere.txt"],  # a path that does not exist
        ["--verbosity", "2"],  # an option only Django's parser knows
        ["--workers", "none"],  # a bad value: Django's parser says what is wrong
        ["-h"],
    ],
)
def test_anything_but_known_files_leaves_the_answer_to_the_full_import(
    papers,
    same_database,
    capsys,
    extra,
):
    import_json(str(papers))
    (papers / "new.txt").write_text("BUSINESS COORDINATION BOARD\nMinutes of 1 June 2019\n")
    args = [str(papers / "feb.txt"), *(str(papers / a) if a.endswith(".txt") else a for a in extra)]
    assert short_answer(capsys, *args) == (None, "", "")


def test_an_unreadable_file_leaves_the_answer_to_the_full_import(
    papers,
    same_database,
    capsys,
    monkeypatch,
):
    import_json(str(papers))
    monkeypatch.setattr(unchanged, "file_digest", lambda path: PermissionError(13, "denied"))
    assert short_answer(capsys, str(papers)) == (None, "", "")


def test_a_database_without_the_tables_leaves_the_answer_to_the_full_import(
    papers,
    tmp_path,
    monkeypatch,
    capsys,
):
    empty = tmp_path / "empty.sqlite3"
    sqlite3.connect(empty).close()
    for database in (
        {"ENGINE": "django.db.backends.sqlite3", "NAME": str(empty)},
        {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "none.sqlite3")},
        {"ENGINE": "django.db.backends.mysql", "NAME": "minutebook"},
    ):
        monkeypatch.setattr(unchanged, "database_settings", lambda database=database: database)
        assert short_answer(capsys, str(papers)) == (None, "", "")
    assert not (tmp_path / "none.sqlite3").exists()  # asked, not created


def test_many_files_are_looked_up_in_chunks(papers, same_database, monkeypatch):
    import_json(str(papers))
    monkeypatch.setattr(unchanged, "CHUNK", 1)
    asked = []
    with stored_digest_lookup(connection.settings_dict) as stored:

        def counting(digests):
            asked.append(len(digests))
            return stored(digests)

        files = sorted(papers.glob("*.txt"))
        results = unchanged._all_unchanged(files, counting)
    assert [r.outcome for r in results] == ["unchanged", "unchanged"]
    assert asked == [1, 1]


def test_the_names_it_reads_are_the_models():
    assert SourceDocument._meta.db_table == unchanged.DOCUMENTS_TABLE
    assert SourceDocument._meta.get_field(unchanged.DIGEST_COLUMN).column == "sha256"
    assert {
        summary.INSERTED,
        summary.UNCHANGED,
        summary.REPLACED,
        summary.FAILED,
    } == set(ImportRunFile.Outcome.values)
