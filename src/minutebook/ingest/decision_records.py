"""Decision records of the Commissioner ("CPCC 2018-012"): subject, decision, summary, signature.

Printed as a two-column table (label, value) or as labelled paragraphs;
schedules of decisions notified to the Panel list them as table rows.
"""

from __future__ import annotations

import re
from typing import Any

from minutebook.ingest.dates import find_dates
from minutebook.ingest.lines import Block
from minutebook.ingest.patterns import decision_numbers
from minutebook.ingest.segment import DECISION_NO, Segment

FIELDS = [
    ("summary", r"decision\s+summary|summary|executive\s+summary|background"),
    ("subject", r"subject|title"),
    ("decision", r"decision(?:\s+taken)?"),
    ("contact_officer", r"contact\s+officers?|contact|report\s+author"),
    ("background_papers", r"background\s+papers?|background\s+documents?|supporting\s+documents?"),
    (
        "exempt",
        r"exempt\s+(?:part|information)|confidential\s+(?:part|information)|public\s+access",
    ),
    ("signed_by", r"signed(?:\s+by)?"),
]
FIELD = re.compile(
    r"^(?P<label>"
    + "|".join(f"(?P<{k}>{p})" for k, p in FIELDS)
    + r")\s*(?::|\t|\s[-\u2013]\s|$)\s*(?P<value>.*)$",
    re.I | re.S,
)
CONFIRM = re.compile(r"\bI\s+confirm\b|\bI\s+hereby\b|\bsignature\b", re.I)


def parse_decision_record(segment: Segment) -> dict[str, Any] | None:
    # the heading with the number may sit under a line or two of letterhead
    head = next((i for i, b in enumerate(segment.blocks[:6]) if DECISION_NO.search(b.text)), None)
    if head is None:
        return None
    blocks = segment.blocks[head:]
    heading = heading_text(segment.blocks, head)
    numbers = decision_numbers(heading) or [m.group(0) for m in DECISION_NO.finditer(heading)]
    record: dict[str, Any] = {
        "number": numbers[0],
        "date": None,
        "subject": None,
        "decision": None,
        "summary": None,
        "contact_officer": None,
        "background_papers": [],
        "signed_by": None,
        "exempt": None,
    }
    current: str | None = None
    confirm_at = None
    for index, block in enumerate(blocks[1:], start=1):
        text = cell_text(block)
        match = FIELD.match(text)
        if match and len(match["label"]) < 40:
            current = next(k for k, _ in FIELDS if match.group(k))
            value = match["value"].strip()
            if value:
                store(record, current, value)
            continue
        if unknown_label_row(block):
            current = None  # "Financial Implications | None": a field this record does not keep
            continue
        if CONFIRM.search(text):
            confirm_at = index
            current = None
            continue
        if current and text and not (record["signed_by"] is None and signature_line(text)):
            store(record, current, text)
            continue
        if signature_line(text) and not record["signed_by"]:
            record["signed_by"] = text.strip(" *")
            current = None
    tail = blocks[confirm_at:] if confirm_at else blocks[-6:]
    for block in tail:
        dates = find_dates(block.text)
        if dates:
            record["date"] = dates[-1][1].isoformat()
            break
    record["span"] = {"first_line": segment.first, "last_line": segment.last}
    return record


def heading_text(blocks: list[Block], head: int) -> str:
    """The record's heading, with the line above when the number wrapped away from it.

    "DECISION RECORD - WVPCC" / "2022-001": a narrow page wraps the heading
    between the number's prefix and its year, and the prefix is part of the number.
    """
    text = blocks[head].text.strip()
    if head > 0 and DECISION_NO.match(text) and not decision_numbers(text.split()[0]):
        above = blocks[head - 1].text.strip()
        if re.search(r"\b[A-Z]{2,8}$", above):
            return f"{above} {text}"
    return text


def unknown_label_row(block: Block) -> bool:
    """A row of the record's table labelled with a field not kept here.

    Its value belongs to that field, not to the one above, so it ends the
    field being read. A label is a short capitalised phrase in the first cell.
    """
    cells = [c for c in block.cells or [] if c]
    if len(cells) < 2:
        return False
    label = cells[0].rstrip(":").strip()
    return (
        len(label.split()) <= MAX_LABEL_WORDS
        and label[:1].isupper()
        and not re.search(r"[.,;]|\d", label)
        and not FIELD.match(label)
    )


# A label in a record's table is at most this many words ("Equality and Diversity Implications").
MAX_LABEL_WORDS = 5


def cell_text(block: Block) -> str:
    if block.cells:
        cells = [c for c in block.cells if c]
        return "\t".join(cells)
    return block.text.strip()


def store(record: dict, field: str, value: str) -> None:
    value = value.replace("\t", " ").strip()
    if field == "background_papers":
        record[field].extend(v.strip() for v in re.split(r";\s+", value) if v.strip())
    elif record.get(field):
        record[field] = f"{record[field]} {value}"
    else:
        record[field] = value


def signature_line(text: str) -> bool:
    """ "Jason Ablewhite, Cambridgeshire Police and Crime Commissioner" under a decision."""
    return bool(
        re.match(
            r"^[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,3},\s+.*\b(?:commissioner|mayor|chief|deputy)\b",
            text,
            re.I,
        )
    )


def decisions_from_tables(blocks: list[Block]) -> list[dict[str, Any]]:
    """Rows of a schedule of decisions: "21st September 2018 | CPCC 2018-012 | Subject | Decision"."""
    out = []
    columns: dict[str, int] | None = None
    for block in blocks:
        cells = block.cells
        if not cells:
            columns = None if not block.text.strip() else columns
            continue
        lowered = [c.lower() for c in cells]
        if any("subject" in c for c in lowered) and any("decision" in c for c in lowered):
            columns = {}
            for index, cell in enumerate(lowered):
                if "subject" in cell:
                    columns["subject"] = index
                elif re.search(r"record|number|ref", cell):
                    columns["number"] = index
                elif "date" in cell:
                    columns["date"] = index
                elif "decision" in cell:
                    columns.setdefault("decision", index)
            continue
        if columns is None:
            continue
        numbers = [m.group(0) for c in cells for m in DECISION_NO.finditer(c)]
        if not numbers:
            continue
        row: dict[str, Any] = {
            "number": numbers[0],
            "date": None,
            "subject": None,
            "decision": None,
            "span": block.span(),
        }
        for key in ("subject", "decision"):
            if key in columns and columns[key] < len(cells):
                row[key] = cells[columns[key]] or None
        if "date" in columns and columns["date"] < len(cells):
            dates = find_dates(
                cells[columns["date"]]
                .replace(" st ", "st ")
                .replace(" nd ", "nd ")
                .replace(" th ", "th ")
                .replace(" rd ", "rd ")
            )
            row["date"] = dates[0][1].isoformat() if dates else None
        out.append(row)
    return out
