"""The parser on the real published corpus, scored against its hand-checked gold files.

Skipped when the corpus is not beside the project (it is not ours to ship).
"""

from __future__ import annotations

import json

import pytest

from minutebook.ingest.extract import extract_document
from minutebook.ingest.readers import read_document
from minutebook.ingest.scoring import score_extract
from tests.extract_helpers import CORPUS

GOLD = sorted((CORPUS / "gold").glob("*.json")) if CORPUS.exists() else []
pytestmark = pytest.mark.skipif(not GOLD, reason="../shared/corpus is not present")


def source_for(gold_path):
    return next(p for p in CORPUS.glob(gold_path.stem + ".*") if p.suffix != ".json")


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_corpus_document_scores_at_least_095(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    got = extract_document(read_document(source_for(gold_path)))
    score = score_extract(gold, got)
    assert score.f1 >= 0.95, score.misses()


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_every_meeting_cites_the_lines_it_came_from(gold_path):
    document = read_document(source_for(gold_path))
    got = extract_document(document)
    total = len(document.lines)
    for meeting in got["meetings"]:
        assert 1 <= meeting["span"]["first_line"] <= meeting["span"]["last_line"] <= total
        for item in meeting["items"]:
            assert meeting["span"]["first_line"] <= item["span"]["first_line"] <= total
        for action in meeting["actions"]:
            first, last = action["span"]["first_line"], action["span"]["last_line"]
            evidence = " ".join(line.text for line in document.lines[first - 1 : last]).lower()
            assert action["text"].split()[0].strip("(").lower() in evidence, evidence


def test_agenda_pack_is_split_into_its_documents():
    pack = CORPUS / "002_47029f60c6f76bef.txt"
    got = extract_document(read_document(pack))
    kinds = [d["kind"] for d in got["documents"]]
    assert kinds.count("minutes") == 1
    assert kinds.count("agenda") == 1
    assert kinds.count("decision_record") == 3
    assert kinds.count("report") >= 6
    record = next(r for r in got["decision_records"] if r["number"].endswith("2018-012"))
    assert record["signed_by"].startswith("Jason Ablewhite")
    assert record["background_papers"]
    assert record["contact_officer"].startswith("Dorothy Gregson")
