"""Shared fixtures for the record-model and importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import minutebook.ingest.extract as extract_module
from minutebook.bodies.resolve import ensure_standard_posts
from tests.factories import extract, item, minutes

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture
def posts(db) -> None:
    """The standard posts (Chief Constable, PCC, DPCC, ...) with their aliases."""
    ensure_standard_posts()


@pytest.fixture
def corpus() -> Path:
    """The shared real corpus; tests using it are skipped when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not available")
    return CORPUS


@pytest.fixture
def papers(tmp_path, monkeypatch):
    """Two text papers of a board; the parser is stood in for by extracts built in code."""
    (tmp_path / "feb.txt").write_text("BUSINESS COORDINATION BOARD\nMinutes of 28 February 2019\n")
    (tmp_path / "may.txt").write_text("BUSINESS COORDINATION BOARD\nMinutes of 30 May 2019\n")
    dates = {"feb.txt": "2019-02-28", "may.txt": "2019-05-30"}
    monkeypatch.setenv("MINUTEBOOK_WORKERS", "1")  # the stand-in lives in this process only
    monkeypatch.setattr(
        extract_module,
        "extract_document",
        lambda read: extract(
            meetings=[minutes(date=dates[read.name], items=[item("1", "Welcome")])]
        ),
    )
    return tmp_path
