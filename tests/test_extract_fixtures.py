"""The parser on minutes written in other bodies' styles than the real corpus.

Each fixture under tests/fixtures/minutes is fictional and has a gold file of
the facts a careful reader would label; the parser must find them all.
"""

from __future__ import annotations

import json

import pytest

from minutebook.ingest.extract import extract_document
from minutebook.ingest.readers import read_document
from minutebook.ingest.scoring import score_extract
from tests.extract_helpers import FIXTURES

MINUTES = sorted(
    p
    for p in (FIXTURES / "minutes").iterdir()
    if p.with_suffix(".gold.json").exists() and not p.name.endswith(".json")
)


@pytest.mark.parametrize("path", MINUTES, ids=[p.stem for p in MINUTES])
def test_fixture_minutes_are_extracted_in_full(path):
    gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
    got = extract_document(read_document(path))
    score = score_extract(gold, got)
    assert score.misses() == {}, score.misses()
    assert score.f1 == 1.0


def test_every_fixture_has_a_gold_file():
    papers = [
        p
        for p in (FIXTURES / "minutes").iterdir()
        if not p.name.endswith(".json") and p.name != "README.md"
    ]
    assert papers, "no fixtures found"
    for path in papers:
        assert path.with_suffix(".gold.json").exists(), path
