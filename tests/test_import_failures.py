"""A failing document leaves nothing behind, and the batch goes on."""

from __future__ import annotations

import pytest

from minutebook.documents.models import ImportRun, Provenance, SourceDocument
from minutebook.importer import store as store_module
from minutebook.importer.service import expand_paths, import_paths
from minutebook.ingest.source import UnreadableDocument
from minutebook.meetings.models import Meeting
from minutebook.people.models import Person
from tests.factories import decision_record, extract, item, minutes, person, read_document, store

pytestmark = pytest.mark.django_db


def test_a_document_failing_halfway_leaves_nothing_half_written(monkeypatch):
    def broken(ctx, data):
        raise RuntimeError("the decision record broke")

    monkeypatch.setattr(store_module, "store_decision_record", broken)
    data = extract(
        meetings=[minutes(present=[person("Niki Howard")], items=[item("1", "Welcome")])],
        decision_records=[decision_record("CPCC 2018-012")],
    )
    with pytest.raises(RuntimeError):
        store(data)
    assert not SourceDocument.objects.exists()
    assert not Meeting.objects.exists()
    assert not Person.objects.exists()
    assert not Provenance.objects.exists()


def write(tmp_path, names: list[str]) -> None:
    for name in names:
        (tmp_path / name).write_text(f"{name}\n")


def reader(path):
    text = path.read_text()
    if "unreadable" in path.name:
        raise UnreadableDocument("encrypted PDF: a password is needed")
    return read_document(path.name, text)


def extractor(read):
    if "crash" in read.name:
        raise ValueError("parser fell over")
    date = {"a.txt": "2019-01-10", "c.txt": "2019-03-10"}.get(read.name, "2019-02-10")
    return extract(meetings=[minutes(date=date, items=[item("1", "Welcome")])])


def test_the_batch_goes_on_after_a_failing_file(tmp_path):
    write(tmp_path, ["a.txt", "b-crash.txt", "c.txt", "d-unreadable.pdf"])
    summary = import_paths([tmp_path], reader=reader, extractor=extractor)
    outcomes = {f.path.rsplit("/", 1)[-1]: (f.outcome, f.reason) for f in summary.files}
    assert outcomes == {
        "a.txt": ("inserted", ""),
        "b-crash.txt": ("failed", "could not be parsed: parser fell over"),
        "c.txt": ("inserted", ""),
        "d-unreadable.pdf": ("failed", "encrypted PDF: a password is needed"),
    }
    assert Meeting.objects.count() == 2
    assert summary.totals()["failures"] == 2
    assert summary.exit_code == 1
    run = ImportRun.objects.get()
    assert (run.inserted, run.failed, run.files.count()) == (2, 2, 4)
    assert run.finished_at is not None


@pytest.mark.parametrize(
    ("names", "missing", "code"),
    [
        (["a.txt"], False, 0),
        (["a.txt", "b-crash.txt"], False, 1),
        (["x-unreadable.pdf", "y-unreadable.pdf"], False, 2),
        (["x-unreadable.pdf", "b-crash.txt"], False, 1),  # a parser failure is not bad input
        ([], True, 2),
        (["a.txt"], True, 1),
    ],
)
def test_exit_code_says_what_happened(tmp_path, names, missing, code):
    write(tmp_path, names)
    paths = [tmp_path / n for n in names] + ([tmp_path / "nowhere.pdf"] if missing else [])
    summary = import_paths(paths, reader=reader, extractor=extractor)
    assert summary.exit_code == code


def test_a_missing_path_is_a_failure_with_a_reason(tmp_path):
    summary = import_paths([tmp_path / "nowhere"], reader=reader, extractor=extractor)
    assert [(f.outcome, f.reason, f.bad_input) for f in summary.files] == [
        ("failed", "file not found", True)
    ]


def test_folders_are_walked_skipping_hidden_files_gold_files_and_manifests(tmp_path):
    (tmp_path / "2019" / "feb").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    for name in [
        "2019/feb/minutes.pdf",
        "2019/agenda.docx",
        ".hidden.txt",
        ".cache/x.txt",
        "minutes.gold.json",
        "manifest.json",
        "notes.md",
    ]:
        (tmp_path / name).write_text("x")
    files, missing = expand_paths([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "2019/agenda.docx",
        "2019/feb/minutes.pdf",
        "notes.md",
    ]
    assert missing == []


def test_an_extract_of_another_schema_is_read_with_a_warning():
    data = extract(meetings=[minutes()])
    data["schema"] = "something/2"
    result = store(data)
    assert result.outcome == "inserted"
    assert any("schema" in w for w in result.warnings)


def test_a_malformed_extract_value_does_not_fail_the_document():
    data = extract(
        meetings=[
            minutes(
                start_time="quarter past",
                items=[{"number": None, "title": None}, "junk"],
                span="lines 1-3",
            )
        ]
    )
    result = store(data)
    assert result.outcome == "inserted"
    assert Meeting.objects.get().start_time is None


def test_reader_warnings_are_kept_on_the_document():
    read = read_document("scan.pdf", "text")
    read.warnings.append("page 3 has no text layer")
    stored = store_module.store_extract(read, extract())
    assert stored.document.extras == {"reader_warnings": ["page 3 has no text layer"]}
