"""Small real files through the real reader, stored; the parser's part is checked loosely."""

from __future__ import annotations

import pytest

from minutebook.documents.models import SourceDocument
from minutebook.importer.service import import_paths
from minutebook.meetings.models import Meeting
from tests.factories import extract, item, minutes

pytestmark = pytest.mark.django_db

MINUTES = """BUSINESS CO-ORDINATION BOARD

APPROVED MINUTES

Date: 12th October 2021 Time: 11:45

Location: Via Microsoft Teams

Members: Darryl Preston Police and Crime Commissioner

Nick Dean Chief Constable, Cambridgeshire Constabulary

1. Welcome and Apologies

1.1 Apologies were received from Jane Gyford, Deputy Chief Constable.

2. Declarations of Interest

2.1 There were no declarations of interest.
"""


def fake_extractor(read):
    """An extract keyed on the file's first word, so the test controls what is found."""
    version = read.text.split()[0]
    items = (
        [item("1", "Welcome"), item("2", "Finance")] if version == "v1" else [item("1", "Welcome")]
    )
    return extract(meetings=[minutes(date="2021-10-12", items=items)])


def test_a_corrected_file_dropped_into_the_same_folder_replaces_its_version(tmp_path):
    paper = tmp_path / "bcb-2021-10-12-minutes.txt"
    paper.write_text("v1 minutes\n")
    assert [f.outcome for f in import_paths([tmp_path], extractor=fake_extractor).files] == [
        "inserted"
    ]
    assert [f.outcome for f in import_paths([tmp_path], extractor=fake_extractor).files] == [
        "unchanged"
    ]
    paper.write_text("v2 minutes, corrected\n")
    assert [f.outcome for f in import_paths([tmp_path], extractor=fake_extractor).files] == [
        "replaced"
    ]
    assert SourceDocument.objects.filter(status="superseded").count() == 1
    finance = Meeting.objects.get().items.get(number="2")
    assert finance.withdrawn


def test_real_reader_and_parser_store_a_small_set_of_minutes(tmp_path):
    (tmp_path / "minutes.txt").write_text(MINUTES)
    summary = import_paths([tmp_path])
    [result] = summary.files
    assert result.outcome == "inserted", result.reason
    document = SourceDocument.objects.get()
    assert document.media_type.startswith("text/")
    assert "BUSINESS CO-ORDINATION BOARD" in document.text
    for meeting in Meeting.objects.all():  # whatever the parser found is sourced
        assert meeting.provenance.filter(document=document).exists()


def test_an_empty_file_fails_with_the_readers_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    [result] = import_paths([tmp_path]).files
    assert result.outcome == "failed" and result.bad_input
    assert result.reason
