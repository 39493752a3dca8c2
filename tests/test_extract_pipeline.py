"""Parsing many files in worker processes gives the same results, in order."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutebook.ingest.pipeline import (
    WORKER_DIED_REASON,
    default_workers,
    file_timeout,
    parse_all,
    too_slow_reason,
)
from minutebook.ingest.workers import WORKER_NICENESS
from tests.extract_helpers import FIXTURES

PAPERS = sorted(p for p in (FIXTURES / "minutes").iterdir() if p.suffix in {".txt", ".html"})


def test_workers_return_the_same_facts_in_the_same_order(tmp_path):
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(bytes(range(256)) * 20)  # binary junk with a .pdf name

    paths = [*PAPERS, junk]
    alone = list(parse_all(paths, workers=1))
    together = list(parse_all(paths, workers=2))
    assert [p.path for p in together] == [str(p) for p in paths]
    assert [p.extract for p in together] == [p.extract for p in alone]
    assert together[-1].extract is None
    assert together[-1].bad_input and together[-1].reason.startswith("corrupt PDF")


@pytest.mark.parametrize(("raw", "expected"), [("1", 1), ("3", 3)])
def test_workers_can_be_set(monkeypatch, raw, expected):
    monkeypatch.setenv("MINUTEBOOK_WORKERS", raw)
    assert default_workers() == expected


@pytest.mark.parametrize("raw", ["0", "many", "-2"])
def test_a_bad_worker_count_is_a_clear_error(monkeypatch, raw):
    monkeypatch.setenv("MINUTEBOOK_WORKERS", raw)
    with pytest.raises(ValueError, match="MINUTEBOOK_WORKERS"):
        default_workers()


def reader_noting_its_niceness(path):
    """A reader that records, as a warning, the niceness of the process it runs in."""
    from minutebook.ingest.readers import read_document

    document = read_document(path)
    document.warnings.append(f"niceness {os.nice(0)}")
    return document


def test_workers_run_below_the_storing_process():
    results = list(parse_all(PAPERS[:3], workers=2, reader=reader_noting_its_niceness))
    niceness = {w for p in results for w in p.document.warnings if w.startswith("niceness")}
    assert niceness == {f"niceness {min(os.nice(0) + WORKER_NICENESS, 19)}"}


def reader_that_dies_on(path):
    """A reader whose process dies on one file, as PDFium can on a damaged PDF."""
    from minutebook.ingest.readers import read_document

    if "dies" in path.name:
        os._exit(3)
    return read_document(path)


def copies_of_papers(folder, count: int, culprit: int, mark: str) -> list:
    """`count` fixture papers copied into `folder`, the one at `culprit` named with `mark`."""
    paths = []
    for index, paper in enumerate(PAPERS[:count]):
        name = f"{index}-{mark}.txt" if index == culprit else f"{index}-{paper.name}"
        paths.append(folder / name)
        paths[-1].write_bytes(paper.read_bytes())
    return paths


def test_a_file_that_kills_its_worker_fails_alone(tmp_path):
    paths = copies_of_papers(tmp_path, 4, culprit=1, mark="dies")
    results = list(parse_all(paths, workers=2, reader=reader_that_dies_on))

    assert [p.path for p in results] == [str(p) for p in paths]
    assert [p.ok for p in results] == [True, False, True, True]
    assert results[1].reason == WORKER_DIED_REASON and results[1].bad_input


def reader_that_hangs_on(path):
    """A reader that never ends on one file, as a parser might on a pathological one."""
    from minutebook.ingest.readers import read_document

    if "hangs" in path.name:
        time.sleep(3600)
    return read_document(path)


def test_a_file_that_never_ends_fails_alone_after_the_timeout(tmp_path):
    paths = copies_of_papers(tmp_path, 3, culprit=0, mark="hangs")
    started = time.monotonic()
    results = list(parse_all(paths, workers=2, reader=reader_that_hangs_on, timeout=3))

    assert time.monotonic() - started < 30
    assert [p.ok for p in results] == [False, True, True]
    assert results[0].reason == too_slow_reason(3) and results[0].bad_input


@pytest.mark.parametrize("raw", ["0", "soon", "-1"])
def test_a_bad_file_timeout_is_a_clear_error(monkeypatch, raw):
    monkeypatch.setenv("MINUTEBOOK_FILE_TIMEOUT", raw)
    with pytest.raises(ValueError, match="MINUTEBOOK_FILE_TIMEOUT"):
        file_timeout()


def test_the_process_exits_after_a_file_that_never_ends(tmp_path):
    """The stuck worker is ended, not left for the interpreter to wait on at exit."""
    stuck, other = copies_of_papers(tmp_path, 2, culprit=0, mark="hangs")
    script = (
        "from minutebook.ingest.pipeline import parse_all\n"
        "from tests.test_extract_pipeline import reader_that_hangs_on\n"
        "if __name__ == '__main__':\n"
        f"    papers = list(parse_all([{str(stuck)!r}, {str(other)!r}], workers=2,\n"
        "                            reader=reader_that_hangs_on, timeout=2))\n"
        "    print([p.ok for p in papers])\n"
    )
    (tmp_path / "run.py").write_text(script)
    done = subprocess.run(
        [sys.executable, str(tmp_path / "run.py")],
        cwd=Path(__file__).resolve().parents[1],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[False, True]"
