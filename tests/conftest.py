"""Shared fixtures for the record-model and importer tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.bodies.resolve import ensure_standard_posts

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
