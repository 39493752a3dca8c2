"""Running the parser on text in tests without touching the file system."""

from __future__ import annotations

from pathlib import Path

from minutebook.ingest.extract import extract_document
from minutebook.ingest.source import ReadDocument

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def extract_text(text: str, name: str = "minutes.txt") -> dict:
    return extract_document(ReadDocument(name, "0" * 64, "text/plain", None, [text]))


def only_meeting(text: str) -> dict:
    result = extract_text(text)
    assert len(result["meetings"]) == 1, result["meetings"]
    return result["meetings"][0]
