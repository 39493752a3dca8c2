"""The parser on a generated corpus it was not written against, in every format.

The generator varies its conventions by body and seed (labels, date and time
styles, tables or running lists, PDF layouts), so a fresh seed is a fair
sample of papers the parser has not seen.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from minutebook.ingest.extract import extract_document
from minutebook.ingest.readers import read_document
from minutebook.ingest.scoring import Score, score_extract
from minutebook.synth.generate import write_corpus


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    write_corpus(folder, bodies=5, years=1, seed=23, formats=("txt", "html", "docx", "pdf"))
    return folder


def scores_by_format(folder) -> dict[str, Score]:
    scores: dict[str, Score] = defaultdict(Score)
    for gold_path in sorted(folder.glob("*.gold.json")):
        stem = gold_path.name.removesuffix(".gold.json")
        document = next(p for p in folder.glob(stem + ".*") if not p.name.endswith(".json"))
        got = extract_document(read_document(document))
        for name, (tp, fp, fn) in score_extract(
            json.loads(gold_path.read_text()), got
        ).rows.items():
            scores[document.suffix].add(name, tp, fp, fn)
            scores["all"].add(name, tp, fp, fn)
    return scores


def test_generated_corpus_scores_at_least_098_overall(generated):
    scores = scores_by_format(generated)
    assert scores["all"].f1 >= 0.98, scores["all"].misses()


def test_every_format_scores_at_least_095(generated):
    scores = scores_by_format(generated)
    for suffix in (".txt", ".html", ".docx", ".pdf"):
        assert scores[suffix].f1 >= 0.95, (suffix, scores[suffix].misses())
