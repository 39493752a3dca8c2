"""Importing the same paper again is a no-op, and cheap."""

from __future__ import annotations

import pytest

from minutebook.actions.models import Action
from minutebook.documents.models import Provenance, SourceDocument
from minutebook.importer.service import import_paths
from minutebook.meetings.models import AgendaItem, Attendance, Meeting
from minutebook.people.models import Person
from tests.factories import agenda, extract, item, minutes, new_action, person, read_document, store

pytestmark = pytest.mark.django_db


def board_minutes(**fields) -> dict:
    return extract(
        meetings=[
            minutes(
                present=[
                    person("Niki Howard", "Director of Finance"),
                    person("Brian Ashton", "DPCC"),
                ],
                items=[item("1", "Welcome and Apologies"), item("2", "Finance report", "noted")],
                actions=[new_action("NH to report back to the July Board", item="2", owner="NH")],
                span={"first_line": 1, "last_line": 40},
                **fields,
            )
        ]
    )


def stamps() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        for model in (Meeting, AgendaItem, Attendance, Action, Person)
    }


def test_the_same_document_twice_changes_nothing_and_costs_one_query(django_assert_num_queries):
    first = store(board_minutes())
    assert first.outcome == "inserted"
    before = (stamps(), Provenance.objects.count(), SourceDocument.objects.count())
    with django_assert_num_queries(1):
        again = store(board_minutes())
    assert again.outcome == "unchanged"
    assert again.document == first.document
    assert (stamps(), Provenance.objects.count(), SourceDocument.objects.count()) == before


def test_another_paper_restating_the_same_facts_does_not_rewrite_them():
    store(board_minutes(), name="minutes.txt")
    before = stamps()
    pack = board_minutes()
    pack["agendas"] = [agenda(date="2019-05-30", items=[item("1", "Apologies")])]
    result = store(pack, name="next-meeting-pack.txt")
    assert result.outcome == "inserted"
    after = stamps()
    for model, rows in before.items():  # compared, found equal, not written
        assert [row for row in after[model] if row[0] in dict(rows)] == rows
    meeting = Meeting.objects.get(date="2019-02-28")
    assert meeting.provenance.count() == 2  # but both papers are its evidence
    assert meeting.documents.count() == 2


def test_importing_a_folder_twice_skips_known_files_before_parsing(tmp_path):
    (tmp_path / "minutes.txt").write_text("BUSINESS COORDINATION BOARD\nminutes\n")
    parsed = []

    def extractor(read):
        parsed.append(read.name)
        return board_minutes()

    reader = lambda path: read_document(path.name, path.read_text())  # noqa: E731
    first = import_paths([tmp_path], reader=reader, extractor=extractor)
    second = import_paths([tmp_path], reader=reader, extractor=extractor)
    assert [f.outcome for f in first.files] == ["inserted"]
    assert [f.outcome for f in second.files] == ["unchanged"]
    assert parsed == ["minutes.txt"]  # the second run never parsed it
    assert second.exit_code == 0
