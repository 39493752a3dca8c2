"""From a read document to the facts of the extract contract (minutebook.extract/1).

The shape is specified in docs/extract-json.md; `extract_document` is the one
entry point the CLI and the importer use. Every meeting, agenda, record and
most facts carry a `span` of line numbers in the extracted text.
"""

from __future__ import annotations

from typing import Any

from minutebook.ingest.agenda import parse_agenda
from minutebook.ingest.cleanup import clean_lines
from minutebook.ingest.decision_records import decisions_from_tables, parse_decision_record
from minutebook.ingest.lines import join_wrapped
from minutebook.ingest.minutes import parse_minutes
from minutebook.ingest.patterns import decision_numbers
from minutebook.ingest.segment import split_documents
from minutebook.ingest.source import ReadDocument

SCHEMA = "minutebook.extract/1"
PARAGRAPH_PER_LINE = {
    "text/html",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _key(number: str) -> str:
    return "".join(number.split()).upper()


def extract_document(document: ReadDocument) -> dict[str, Any]:
    lines = clean_lines(document.lines)
    # Word and HTML put each paragraph on a line of its own: nothing there is wrapped
    blocks = join_wrapped(lines, wrapping=document.media_type not in PARAGRAPH_PER_LINE)

    segments = split_documents(blocks)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "source": {
            "name": document.name,
            "sha256": document.sha256,
            "media_type": document.media_type,
            "pages": document.page_count,
        },
        "documents": [],
        "meetings": [],
        "agendas": [],
        "decision_records": [],
        "warnings": list(document.warnings),
    }
    records: dict[str, dict[str, Any]] = {}
    for segment in segments:
        result["documents"].append(
            {
                "kind": segment.kind,
                "title": segment.title,
                "span": {"first_line": segment.first, "last_line": segment.last},
            }
        )
        if segment.kind == "minutes":
            meeting = parse_minutes(segment)
            if meeting["date"] is None:
                result["warnings"].append(f"minutes at line {segment.first}: no meeting date found")
            result["meetings"].append(meeting)
        elif segment.kind == "agenda":
            agenda = parse_agenda(segment)
            if agenda:
                result["agendas"].append(agenda)
        elif segment.kind == "decision_record":
            record = parse_decision_record(segment)
            if record:
                listed = records.get(_key(record["number"]))
                if listed:
                    # a schedule listed it first: the record itself is the better source
                    for field, value in listed.items():
                        if record.get(field) in (None, []):
                            record[field] = value
                records[_key(record["number"])] = record
        for row in decisions_from_tables(segment.blocks):
            key = _key(row["number"])
            if key in records:
                for field in ("date", "subject", "decision"):
                    records[key][field] = records[key][field] or row[field]
            else:
                records[key] = {
                    "number": row["number"],
                    "date": row["date"],
                    "subject": row["subject"],
                    "decision": row["decision"],
                    "summary": None,
                    "contact_officer": None,
                    "background_papers": [],
                    "signed_by": None,
                    "exempt": None,
                    "span": row["span"],
                }
    result["decision_records"] = sorted(records.values(), key=lambda r: r["span"]["first_line"])
    return result


__all__ = ["extract_document", "decision_numbers", "SCHEMA"]
