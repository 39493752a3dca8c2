"""An import parses in worker processes and stores in order, as if it had worked alone."""

from __future__ import annotations

import gc
import shutil

import pytest

from minutebook.documents.models import SourceDocument
from minutebook.importer.service import STORING_GC_THRESHOLD, fewer_collections, import_paths
from minutebook.meetings.models import Meeting
from tests.extract_helpers import FIXTURES

pytestmark = pytest.mark.django_db

PAPERS = sorted(p for p in (FIXTURES / "minutes").iterdir() if p.suffix in {".txt", ".html"})


def folder_of_papers(tmp_path):
    for paper in PAPERS:
        shutil.copy(paper, tmp_path / paper.name)
    shutil.copy(PAPERS[0], tmp_path / f"zz-copy-of-{PAPERS[0].name}")  # the same content twice
    junk = bytes(range(256)) * 20
    (tmp_path / "junk-a.pdf").write_bytes(junk)
    (tmp_path / "junk-b.pdf").write_bytes(junk)  # the same bad file again
    return tmp_path


def outcomes(summary) -> dict[str, tuple[str, str]]:
    return {f.path.rsplit("/", 1)[-1]: (f.outcome, f.reason[:11]) for f in summary.files}


def test_two_workers_store_what_one_would(tmp_path):
    summary = import_paths([folder_of_papers(tmp_path)], workers=2)

    expected = {p.name: ("inserted", "") for p in PAPERS}
    expected[f"zz-copy-of-{PAPERS[0].name}"] = ("unchanged", "")
    expected["junk-a.pdf"] = expected["junk-b.pdf"] = ("failed", "corrupt PDF")
    assert outcomes(summary) == expected
    assert [f.path for f in summary.files] == sorted(f.path for f in summary.files)
    assert all(f.bad_input for f in summary.files if f.outcome == "failed")
    assert SourceDocument.objects.count() == len(PAPERS)
    meetings = Meeting.objects.count()
    assert meetings >= len(PAPERS)

    again = import_paths([tmp_path], workers=2)
    assert {o for o, _ in outcomes(again).values()} == {"unchanged", "failed"}
    assert Meeting.objects.count() == meetings


def test_one_worker_parses_in_this_process(tmp_path):
    summary = import_paths([folder_of_papers(tmp_path)], workers=1)
    assert summary.totals()["inserted"] == len(PAPERS)
    assert summary.totals()["failures"] == 2


def test_storing_collects_garbage_less_often_and_restores_the_collector():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] == STORING_GC_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
