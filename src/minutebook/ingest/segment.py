"""Split a document, often a whole agenda pack, into the documents it holds.

A pack is one PDF of an agenda, the previous minutes, reports and decision
records. Each part is recognised by how it opens (a "MINUTES" title with an
attendance list, an "AGENDA" heading with numbered items, "To:/From:" or
"Agenda Item No." for a report, "DECISION RECORD <number>").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.ingest.lines import Block
from minutebook.ingest.patterns import BODY_WORDS, item_heading, item_number_value

MINUTES_TITLE = re.compile(
    r"^(?:(?:approved|draft|unconfirmed|confirmed|signed|public|final)\s+)?"
    r"(?:minutes|notes|record)(?:\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\b.*)?$",
    re.I,
)
MINUTES_LEAD = re.compile(
    r"^(?:(?:approved|draft|unconfirmed|confirmed)\s+)?minutes\s+of\s+(?:a|the)\b", re.I
)
ATTENDANCE_LABEL = re.compile(
    r"^(?:members(?:\s+present)?|present|councillors\s+present|attendees|attendance|in\s+attendance)\s*[:\-\u2013]?",
    re.I,
)
AGENDA_TITLE = re.compile(
    r"^(?:public\s+|supplementary\s+|revised\s+)?agenda(?:\s+items?)?(?:\s+and\s+reports?)?\s*:?$",
    re.I,
)
REPORT_TO = re.compile(r"^to\s*:\s*\S", re.I)
REPORT_FROM = re.compile(r"^from\s*:\s*\S", re.I)
AGENDA_ITEM_CELL = re.compile(r"^agenda\s+item\s*(?:no\.?|number)?\s*\d+(?:\.\d+)?$", re.I)
RECORD_FIELD = re.compile(
    r"^(?:subject|title|decision|summary|background|executive summary|purpose)\b", re.I
)
REPORT_OF = re.compile(r"^(?:report\s+(?:of|to|by|from)\b|report\s+title\s*:)", re.I)
DECISION_HEAD = re.compile(
    r"\bdecision\s+(?:record|notice|report|sheet)\b|\brecord\s+of\s+(?:a\s+|the\s+)?(?:\w+\s+)?decision\b",
    re.I,
)
DECISION_NO = re.compile(
    r"[A-Z]{2,8}\s?(?:19|20)\d\d\s?[-/\u2013]\s?\d{1,4}|(?:19|20)\d\d\s?[-/\u2013]\s?\d{3}"
)
PERSON_AND_ORGANISATION = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z][\w'-]+){1,2},\s")
FORWARD_PLAN = re.compile(r"^(?:forward\s+plan|forthcoming\s+decisions|work\s+programme)\b", re.I)


@dataclass
class Segment:
    kind: str  # minutes, agenda, report, decision_record, forward_plan, other
    blocks: list[Block]
    continuation: list[Block] = field(default_factory=list)  # closing lines printed after a report

    @property
    def all_blocks(self) -> list[Block]:
        return self.blocks + self.continuation

    @property
    def first(self) -> int:
        return self.blocks[0].first

    @property
    def last(self) -> int:
        return self.all_blocks[-1].last

    @property
    def title(self) -> str:
        for block in self.blocks[:8]:
            text = block.text.strip()
            if len(text) > 6 and not REPORT_TO.match(text) and not REPORT_FROM.match(text):
                return text[:200]
        return self.blocks[0].text[:200]


def _short(block: Block, words: int = 40) -> bool:
    return len(block.text.split()) <= words


def is_minutes_start(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    text = block.text.strip()
    if not _short(block) or not (MINUTES_TITLE.match(text) or MINUTES_LEAD.match(text)):
        return False
    if item_heading(block):
        return False
    # a real set of minutes says who was there within its first blocks
    return any(
        ATTENDANCE_LABEL.match(b.text.strip()) or re.match(r"^date\s*:", b.text, re.I)
        for b in blocks[index + 1 : index + 16]
    )


def is_agenda_start(blocks: list[Block], index: int) -> bool:
    if not AGENDA_TITLE.match(blocks[index].text.strip()):
        return False
    return any(item_heading(b) for b in blocks[index + 1 : index + 6])


def is_report_start(blocks: list[Block], index: int) -> bool:
    block = blocks[index]
    text = block.text.strip()
    if REPORT_TO.match(text) and any(
        REPORT_FROM.match(b.text.strip()) for b in blocks[index + 1 : index + 4]
    ):
        return True
    if block.cells and any(AGENDA_ITEM_CELL.match(cell) for cell in block.cells):
        return True
    if AGENDA_ITEM_CELL.match(text):
        return True
    return bool(REPORT_OF.match(text) and _short(block, 20))


def is_decision_record_start(blocks: list[Block], index: int) -> bool:
    text = blocks[index].text.strip()
    nearby = text if index + 1 >= len(blocks) else f"{text} {blocks[index + 1].text}"
    if "decision" not in nearby.lower():
        return False  # the cheap test first: most blocks never mention a decision

    if DECISION_HEAD.search(text) and not DECISION_NO.search(text) and index + 1 < len(blocks):
        text = f"{text} {blocks[index + 1].text.strip()}"  # the number wrapped onto the next line
    elif (
        index + 1 < len(blocks)
        and not DECISION_HEAD.search(text)
        and not DECISION_HEAD.search(blocks[index + 1].text)
    ):
        joined = f"{text} {blocks[index + 1].text.strip()}"
        if DECISION_HEAD.search(joined):
            text = joined  # "... COMMISSIONER DECISION" / "RECORD - X 2022-004"

    if not (len(text.split()) <= 25 and DECISION_HEAD.search(text) and DECISION_NO.search(text)):
        return False

    if blocks[index].cells and len([c for c in blocks[index].cells if c]) > 2:
        return False  # a row of a list of decisions, not a record's heading
    if re.match(r"^\d", text):
        return False
    # a record's heading is followed by its fields; a citation of one is not
    return any(RECORD_FIELD.match(b.text.strip()) for b in blocks[index + 1 : index + 8])


def is_forward_plan_start(blocks: list[Block], index: int) -> bool:
    return bool(FORWARD_PLAN.match(blocks[index].text.strip()) and _short(blocks[index], 12))


DETECTORS = (
    ("minutes", is_minutes_start),
    ("agenda", is_agenda_start),
    ("decision_record", is_decision_record_start),
    ("report", is_report_start),
    ("forward_plan", is_forward_plan_start),
)


def _title_lead(blocks: list[Block], index: int, floor: int, kind: str) -> int:
    """Move a start back over the title lines printed above it (body name, date, logo text).

    An agenda prints its body, date and venue above the word AGENDA; minutes
    print the body's name above "MINUTES". Only short title-like lines are
    taken, so the closing signature of the document before is left alone.
    """
    start = index
    limit = 6 if kind == "agenda" else 4
    while start - 1 > floor and index - start < limit:
        previous = blocks[start - 1]
        text = previous.text.strip()
        if previous.lines[0].is_break or not _short(previous, 12) or text.endswith("."):
            break
        if item_heading(previous) or (kind != "agenda" and PERSON_AND_ORGANISATION.match(text)):
            break  # the end of the document before ("7. AOB", "Jane Webb, Kingsford Council")

        titled = BODY_WORDS.search(text) or re.search(
            r"commissioner|police|council|minutes", text, re.I
        )
        if kind != "agenda" and not titled:
            break
        start -= 1
    return start


def split_documents(blocks: list[Block]) -> list[Segment]:
    starts: list[tuple[int, str]] = []
    floor = -1
    for index, block in enumerate(blocks):
        if block.lines[0].is_break:
            starts.append((index, "other"))
            floor = index
            continue
        for kind, detector in DETECTORS:
            if detector(blocks, index):
                start = _title_lead(
                    blocks, index, max(floor, starts[-1][0] if starts else -1), kind
                )
                starts.append((start, kind))
                floor = index
                break
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, "other"))
    segments: list[Segment] = []
    for position, (start, kind) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(blocks)
        chunk = [b for b in blocks[start:end] if not b.lines[0].is_break]
        if chunk:
            segments.append(Segment(kind, chunk))
    attach_closing_lines(segments)
    return segments


def _last_item_number(blocks: list[Block]) -> int | None:
    last = None
    for block in blocks:
        heading = item_heading(block)
        if heading:
            value = item_number_value(heading[0])
            if last is None or last < value <= last + 6:
                last = value
    return last


def attach_closing_lines(segments: list[Segment]) -> None:
    """Give back to a set of minutes the closing items a converter printed after a report.

    A report numbers its own sections from 1; an item heading inside it that
    continues the minutes' numbering instead (15 then 17, not 5 then 6) and
    everything after it belong to the minutes.
    """
    for position in range(len(segments) - 1):
        minutes, report = segments[position], segments[position + 1]
        if minutes.kind != "minutes" or report.kind not in {"report", "other"}:
            continue
        last = _last_item_number(minutes.blocks)
        if last is None:
            continue
        own = 0
        for index, block in enumerate(report.blocks):
            heading = item_heading(block)
            if not heading:
                continue
            value = item_number_value(heading[0])
            if last < value <= last + 4 and value > own + 1 and len(heading[1].split()) <= 10:
                minutes.continuation = report.blocks[index:]
                report.blocks = report.blocks[:index]
                break
            own = max(own, value)
    segments[:] = [s for s in segments if s.blocks]
