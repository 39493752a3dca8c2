"""The import summary counts each record once, however many files state it."""

from __future__ import annotations

from io import StringIO

import pytest

from minutebook.importer.report import write_table
from minutebook.importer.service import import_paths
from tests.factories import agenda, decision_record, extract, item, minutes, person, read_document

pytestmark = pytest.mark.django_db

PAPERS = {
    "feb.txt": extract(
        meetings=[
            minutes(date="2019-02-28", present=[person("Niki Howard"), person("Brian Ashton")])
        ]
    ),
    "may.txt": extract(
        meetings=[
            minutes(date="2019-05-30", present=[person("Niki Howard"), person("Jane Gyford")])
        ]
    ),
    "jul.txt": extract(meetings=[minutes(date="2019-07-25", present=[person("Niki Howard")])]),
    # one meeting in its agenda pack and again in its minutes, one decision cited by both
    "pack.txt": extract(
        agendas=[agenda(date="2019-10-10", items=[item("1", "Welcome"), item("2", "Budget")])],
        decision_records=[decision_record("CPCC 2019-008")],
    ),
    "oct.txt": extract(
        meetings=[
            minutes(
                date="2019-10-10",
                items=[item("1", "Welcome"), item("2", "Budget")],
                decisions=["CPCC 2019-008"],
            )
        ]
    ),
}


def run(folder, names: list[str]):
    for name in names:
        (folder / name).write_text(name)
    return import_paths(
        [folder / name for name in names],
        reader=lambda path: read_document(path.name, path.read_text()),
        extractor=lambda read: PAPERS[read.name],
    )


def test_a_person_in_two_files_is_counted_once(tmp_path):
    summary = run(tmp_path, ["feb.txt", "may.txt"])
    assert [f.counts["people"] for f in summary.files] == [2, 2]  # per file: who it names
    totals = summary.totals()
    assert (totals["people"], totals["people_new"]) == (3, 3)
    out = StringIO()
    write_table(summary, out)
    assert "People identified (distinct)" in out.getvalue()
    assert all("people" not in f for f in summary.as_dict()["files"])  # ids stay internal


def test_people_known_before_the_run_are_identified_but_not_new(tmp_path):
    run(tmp_path, ["feb.txt", "may.txt"])
    totals = run(tmp_path, ["jul.txt"]).totals()
    assert (totals["people"], totals["people_new"]) == (1, 0)


def test_a_meeting_in_its_pack_and_its_minutes_is_counted_once(tmp_path):
    summary = run(tmp_path, ["pack.txt", "oct.txt"])
    assert [f.counts["meetings"] for f in summary.files] == [1, 1]  # per file: what it states
    totals = summary.totals()
    assert (totals["meetings"], totals["decisions"]) == (1, 1)
