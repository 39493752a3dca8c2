"""One set of minutes: header, attendance, numbered items and what each decided.

Works on the blocks of one minutes segment (see segment.py). The header is
everything before the first numbered item; items run from one numbered
heading to the next, with numbering that only moves forward (a "1." inside an
item's text does not start a new item).
"""

from __future__ import annotations

import re
from typing import Any

from minutebook.ingest import action_log
from minutebook.ingest.attendance import (
    Attendance,
    apologies_in_sentence,
    label_of,
    parse_attendance_lines,
    substitutes_in_sentence,
)
from minutebook.ingest.dates import find_dates, find_times, first_date
from minutebook.ingest.item_blocks import outcome_of, read_item_blocks
from minutebook.ingest.lines import PARAGRAPH_NUMBER, Block
from minutebook.ingest.names import HONORIFICS, split_name
from minutebook.ingest.patterns import (
    BODY_WORDS,
    decision_numbers,
    item_heading,
    item_number_value,
    title_case,
)
from minutebook.ingest.segment import Segment

HEADER_LABEL = re.compile(
    r"^(?P<label>date|time|start\s+time|end\s+time|finish\s+time|location|venue|place|held at|meeting date)"
    r"\s*[:\-\u2013]?\s*(?P<value>.*)$",
    re.I,
)
TITLE_MEETING = re.compile(
    r"minutes\s+of\s+(?:a|the)\s+(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?(?P<body>.+?)"
    r"(?:\s+held\s+(?:at|in|on|via)\s+(?P<where>.+?))?"
    r"(?:,?\s+on\s+(?P<date>(?:\w+day,?\s+)?\d{1,2}.*?(?:19|20)\d\d)(?:,?\s+(?:at|from|commencing)\s+(?P<time>[\d.:]+\s*(?:[ap]\.?m\.?)?))?)?"
    r"\s*\.?$",
    re.I,
)
STATUS = re.compile(r"\b(?P<status>approved|confirmed|draft|unconfirmed|unapproved|signed)\b", re.I)
MEETING_TIMES = re.compile(
    r"meeting\s+(?:began|commenced|started|opened)\s+at\s+(?P<start>[\d.:]+\s*(?:[ap]\.?m\.?)?)"
    r"(?:.*?(?:ended|closed|finished|concluded)\s+at\s+(?P<end>[\d.:]+\s*(?:[ap]\.?m\.?)?))?",
    re.I,
)
MEETING_END = re.compile(
    r"meeting\s+(?:ended|closed|finished|concluded)\s+at\s+(?P<end>[\d.:]+\s*(?:[ap]\.?m\.?)?)",
    re.I,
)
NEXT_MEETING = re.compile(r"\bnext\s+meeting\b", re.I)
DECLARATION = re.compile(r"\bdeclared?\b|\binterests?\b", re.I)
NO_DECLARATIONS = re.compile(
    r"\b(?:no|none|nil)\b.{0,40}\b(?:declar|interest)|\b(?:declar|interest).{0,40}\b(?:none|nil)\b",
    re.I,
)
MINUTES_ITEM = re.compile(
    r"\bminutes\b.*\b(?:meeting|last|previous)\b|\b(?:approv|confirm)\w*\s+(?:of\s+)?(?:the\s+)?minutes\b|^minutes$",
    re.I,
)
SENTENCE_SPLIT = re.compile(r"(?<=[a-z0-9)\]][.!?])\s+(?=[A-Z(])")


class MinutesParser:
    def __init__(self, segment: Segment):
        self.segment = segment
        self.blocks = segment.all_blocks
        self.header: list[Block] = []
        self.items: list[tuple[str, str, list[Block], Block]] = []
        self.warnings: list[str] = []

    # -- structure ---------------------------------------------------------------
    def split_items(self) -> None:
        last: int | None = None
        current: list[Block] | None = None
        in_attendance = False
        in_table = False  # rows under a table header ("Item | Action | Owner") are not items
        previous: Block | None = None
        for block in self.blocks:
            adjacent = previous is not None and block.first <= previous.last + 1
            in_table = bool(block.cells) and (
                (in_table and adjacent) or action_log.table_columns(block.cells) is not None
            )
            previous = block
            heading = None if in_table else item_heading(block)
            if heading:
                value = item_number_value(heading[0])
                # minute numbers may run on from meeting to meeting ("45. Minutes"), so the
                # first item may have any number once the attendance lists have been read
                first_ok = value <= 3 or in_attendance
                if (last is None and first_ok) or (last is not None and last < value <= last + 6):
                    title_block = block
                    current = []
                    self.items.append((heading[0], heading[1], current, title_block))
                    last = value
                    continue
            if current is None:
                self.header.append(block)
                if label_of(block.text):
                    in_attendance = True
            else:
                current.append(block)

    # -- header ------------------------------------------------------------------
    def header_facts(self) -> dict[str, Any]:
        facts: dict[str, Any] = {
            "body": None,
            "date": None,
            "start_time": None,
            "end_time": None,
            "location": None,
            "status": None,
            "organisation": None,
        }
        title_lines = []

        for block in self.header:
            text = block.text.strip()
            if label_of(text):
                break
            title_lines.append(text)
            match = HEADER_LABEL.match(text)
            if match:
                label, value = match["label"].lower(), match["value"]
                if label in {"date", "meeting date"} and not facts["date"]:
                    facts["date"] = first_date(value)
                    times = (
                        find_times(re.split(r"time", value, flags=re.I)[-1])
                        if re.search(r"time", value, re.I)
                        else []
                    )
                    if times:
                        facts["start_time"] = times[0]
                        facts["end_time"] = times[1] if len(times) > 1 else None
                elif label in {"end time", "finish time"}:
                    times = find_times(value)
                    facts["end_time"] = times[0] if times else facts["end_time"]
                elif label in {"time", "start time"} and not facts["start_time"]:
                    times = find_times(value)
                    if times:
                        facts["start_time"] = times[0]
                        if len(times) > 1:
                            facts["end_time"] = times[1]
                elif label in {"location", "venue", "place", "held at"} and not facts["location"]:
                    facts["location"] = title_case(value.strip(" .")) or None
                inline_time = re.search(r"\btime\s*:\s*(.+)$", value, re.I)
                if inline_time and not facts["start_time"]:
                    times = find_times(inline_time.group(1))
                    facts["start_time"] = times[0] if times else None
        title = " ".join(title_lines)
        match = TITLE_MEETING.search(title)
        if match:
            facts["body"] = facts["body"] or clean_body(match["body"])
            if match["where"] and not facts["location"]:
                where = re.split(r"\s+on\s+(?:\w+day\s+)?\d", match["where"])[0]
                facts["location"] = title_case(where.strip(" ,"))
            if match["date"] and not facts["date"]:
                facts["date"] = first_date(match["date"])
            if match["time"] and not facts["start_time"]:
                times = find_times(match["time"])
                facts["start_time"] = times[0] if times else None
        if not facts["body"]:
            for text in title_lines:
                if (
                    BODY_WORDS.search(text)
                    and len(text.split()) <= 12
                    and not HEADER_LABEL.match(text)
                ):
                    facts["body"] = clean_body(text)
                    break
        facts["organisation"] = organisation_in(title_lines, facts["body"])
        if not facts["date"]:
            facts["date"] = first_date(title)

        if not facts["start_time"]:
            times = [
                t
                for line in title_lines
                if not re.search(r"\d{4}\s*[-/]", line)
                for t in find_times(line)
            ]
            if times:
                facts["start_time"] = times[0]
        status = STATUS.search(title)
        if status:
            facts["status"] = (
                "draft"
                if status["status"].lower() in {"draft", "unconfirmed", "unapproved"}
                else "approved"
            )
        return facts

    def attendance(self) -> Attendance:
        lines = [line for block in self.header for line in block.lines]
        return parse_attendance_lines(lines)

    # -- items ---------------------------------------------------------------------
    def parse(self) -> dict[str, Any]:
        self.split_items()
        facts = self.header_facts()
        attendance = self.attendance()
        known_people = {p.name for p in attendance.present + attendance.in_attendance if p.name}
        initials = initials_of(attendance)
        meeting: dict[str, Any] = {
            **facts,
            "present": [p.as_dict() for p in attendance.present],
            "in_attendance": [p.as_dict() for p in attendance.in_attendance],
            "apologies": [p.as_dict() for p in attendance.apologies],
            "substitutes": list(attendance.substitutes),
            "declarations": [],
            "previous_minutes_approved": [],
            "items": [],
            "actions": [],
            "action_log": [],
            "recommendations": [],
            "decisions": [],
            "next_meeting": None,
        }
        full_text = " ".join(b.text for b in self.blocks)
        times = MEETING_TIMES.search(full_text)
        if times:
            start = find_times(times["start"])
            end = find_times(times["end"]) if times["end"] else []
            meeting["start_time"] = meeting["start_time"] or (start[0] if start else None)
            meeting["end_time"] = end[0] if end else meeting["end_time"]
        elif MEETING_END.search(full_text):
            end = find_times(MEETING_END.search(full_text)["end"])
            meeting["end_time"] = end[0] if end else None
        for number, title, blocks, title_block in self.items:
            title, blocks = complete_title(title, title_block, blocks)
            self.read_item(meeting, number, title, blocks, title_block, known_people | initials)
        dedupe(meeting)
        meeting["span"] = {"first_line": self.segment.first, "last_line": self.segment.last}
        return meeting

    def read_item(
        self,
        meeting: dict,
        number: str,
        title: str,
        blocks: list[Block],
        title_block: Block,
        known_people: set[str],
    ) -> None:
        lowered_title = title.lower()
        item_text = " ".join(b.text for b in blocks)
        paragraphs = read_item_blocks(meeting, number, blocks, known_people)
        outcome = None
        for paragraph in reversed(paragraphs):
            outcome = outcome_of(paragraph["text"])
            if outcome:
                break
        item_span = {
            "first_line": title_block.first,
            "last_line": blocks[-1].last if blocks else title_block.last,
        }
        meeting["items"].append(
            {
                "number": number,
                "title": title,
                "outcome": outcome,
                "paragraphs": paragraphs,
                "span": item_span,
            }
        )
        if "apolog" in lowered_title or "attendance" in lowered_title:
            for block in blocks:
                for person in apologies_in_sentence(block.text):
                    if person.name and not any(
                        p["name"] == person.name for p in meeting["apologies"]
                    ):
                        person.span = block.span()
                        meeting["apologies"].append(person.as_dict())
                for substitute in substitutes_in_sentence(block.text):
                    if not any(
                        (s["name"], s["for"]) == (substitute["name"], substitute["for"])
                        for s in meeting["substitutes"]
                    ):
                        meeting["substitutes"].append({**substitute, "span": block.span()})
        elif not meeting["apologies"]:
            for block in blocks[:2]:
                for person in apologies_in_sentence(block.text):
                    person.span = block.span()
                    meeting["apologies"].append(person.as_dict())
        if "declar" in lowered_title or "interest" in lowered_title:
            meeting["declarations"].extend(declarations_in(blocks, number))
        if MINUTES_ITEM.search(title) and not meeting["previous_minutes_approved"]:
            meeting["previous_minutes_approved"] = approved_minutes_dates(
                title, blocks, meeting["date"]
            )
            if meeting["previous_minutes_approved"]:
                # the approvals' evidence: the item that records them
                meeting["previous_minutes_span"] = item_span
        if NEXT_MEETING.search(title) or not meeting["next_meeting"]:
            next_meeting = next_meeting_in(title, blocks, meeting["date"])
            if next_meeting:
                meeting["next_meeting"] = next_meeting
        for cited in decision_numbers(item_text):
            citing = next((b for b in blocks if cited in b.text), None)
            meeting["decisions"].append(
                {
                    "item": number,
                    "number": cited,
                    "text": sentence_with(item_text, cited),
                    "span": citing.span() if citing is not None else item_span,
                }
            )


def initials_of(attendance: Attendance) -> set[str]:
    """Initials the minutes may use for the people listed ("NH" for Niki Howard)."""
    out = set()
    for person in attendance.present + attendance.in_attendance + attendance.apologies:
        if person.name:
            words = [w for w in person.name.split() if w.lower().strip(".") not in HONORIFICS]
            if len(words) >= 2:
                out.add("".join(w[0].upper() for w in words))
    return out


def complete_title(title: str, title_block: Block, blocks: list[Block]) -> tuple[str, list[Block]]:
    """A heading wrapped onto a second line in a PDF conversion gets its tail back."""
    if blocks and not title.endswith((".", ":")):
        nxt = blocks[0]
        text = nxt.text.strip()
        if (
            len(text.split()) <= 8
            and not PARAGRAPH_NUMBER.match(text)
            and not nxt.bullet
            and not nxt.cells
            and not text.endswith(".")
            and nxt.first - title_block.last <= 2
            and (
                text[:1].islower()
                or re.match(r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+(?:19|20)\d\d", text)
                or len(text.split()) <= 3
            )
            and not re.match(r"^(?:action|update|resolved|agreed|noted)\b", text, re.I)
        ):
            return f"{title} {text}".strip(), blocks[1:]
    return title, blocks


ORGANISATION = re.compile(r"\b(?:commissioner|constabulary|council|authority|police|mayor)\b", re.I)


def organisation_in(title_lines: list[str], body: str | None) -> str | None:
    """The organisation whose body met ("Police and Crime Commissioner for Marchmoor"), when printed.

    Boards of different Commissioners share names ("Business Co-ordination
    Board"); the letterhead above the title tells them apart.
    """
    letterhead: list[str] = []
    for text in title_lines:
        if HEADER_LABEL.match(text) or len(text.split()) > 12 or re.search(r"minutes", text, re.I):
            break
        split = ORGANISATION_AND_BODY.match(text)
        if split:
            letterhead.append(split["organisation"])
            break
        if body and clean_body(text) == body:
            break
        letterhead.append(text)
    joined = re.sub(r"\s+", " ", " ".join(letterhead)).strip(" ,.")
    return title_case(joined) if ORGANISATION.search(joined) else None


# "Southfield Police and Crime Commissioner Joint Audit Committee" on one line
ORGANISATION_AND_BODY = re.compile(
    r"^(?P<organisation>.*\b(?:Commissioner|Constabulary|Council|Authority|Mayor))\s+"
    r"(?P<body>[A-Z][\w&'-]*(?:\s+[\w&'-]+)*?\s+(?:Board|Panel|Committee|Group|Sub-Group|Forum))$"
)


def clean_body(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,.-")
    split = ORGANISATION_AND_BODY.match(text)
    if split:
        text = split["body"]

    text = re.sub(
        r"^(?:approved\s+|draft\s+|unconfirmed\s+)?minutes\s+of\s+(?:the\s+)?", "", text, flags=re.I
    )
    return title_case(text)


def declarations_in(blocks: list[Block], item: str) -> list[dict]:
    out = []
    for block in blocks:
        text = block.text.strip()
        text = PARAGRAPH_NUMBER.sub("", text).strip()
        if NO_DECLARATIONS.search(text) and not re.search(r"\bdeclared\b", text, re.I):
            continue
        for sentence in SENTENCE_SPLIT.split(text):
            match = re.search(r"\bdeclared?\b", sentence, re.I)
            if not match:
                continue
            who = sentence[: match.start()].strip()
            name, _ = split_name(who) if who else (None, "")
            if name is None and who:
                bare = [t for t in who.split() if t.lower().strip(".") not in HONORIFICS]
                name = " ".join(bare) or None
            out.append(
                {
                    "name": name,
                    "item": None,
                    "text": sentence[match.start() :].strip(),
                    "span": block.span(),
                }
            )
    return out


NOT_APPROVED = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:available|approved|agreed|ready|circulated)|\bdeferred\b|\bwould\s+be\s+presented\b",
    re.I,
)


def approved_minutes_dates(title: str, blocks: list[Block], meeting_date) -> list[str]:
    """Dates of the earlier meetings whose minutes this meeting approved.

    The dates come from the item's heading or from the sentences about the
    minutes; nothing counts when the minutes were put off ("not available
    and would be presented to the next meeting").
    """
    about_minutes = [b.text for b in blocks if re.search(r"\bminutes\b", b.text, re.I)]
    if about_minutes and all(NOT_APPROVED.search(text) for text in about_minutes):
        return []
    dates = [d for _, d in find_dates(title)]
    if not dates:
        dates = [d for text in about_minutes for _, d in find_dates(text)]
    out = []
    for date in dates:
        if meeting_date and date >= meeting_date:
            continue
        if date.isoformat() not in out:
            out.append(date.isoformat())
    return out


def next_meeting_in(title: str, blocks: list[Block], meeting_date) -> dict | None:
    candidates = []
    if NEXT_MEETING.search(title):
        candidates = [b.text for b in blocks[:3]]
    else:
        candidates = [
            b.text
            for b in blocks
            if NEXT_MEETING.search(b.text) and re.search(r"\bheld|\bwill\b|\bis\b|:", b.text)
        ]
    for text in candidates:
        dates = find_dates(text)
        for _, date in dates:
            if meeting_date is None or date > meeting_date:
                offset = text.find(str(date.year))
                times = find_times(text[offset:]) if offset >= 0 else []
                location = None
                where = re.search(
                    r"\b(?:in|at)\s+(?:the\s+)?(?P<where>[A-Z][^.]*?)\s*\.?$",
                    text[offset:] if offset >= 0 else text,
                )
                if where and not re.match(r"^\d", where["where"]):
                    location = where["where"].strip(" ,.")
                elif "," in text[offset:]:
                    location = text[offset:].rsplit(",", 1)[-1].strip(" .") or None
                return {
                    "date": date.isoformat(),
                    "time": times[0] if times else None,
                    "location": location,
                }
    return None


def sentence_with(text: str, needle: str) -> str:
    for sentence in SENTENCE_SPLIT.split(text):
        if needle.split()[-1] in sentence:
            return sentence.strip()
    return needle


def dedupe(meeting: dict) -> None:
    """Summary tables repeat what the minutes said; keep each fact once, at its first telling."""
    for key in ("actions", "recommendations", "decisions", "present", "in_attendance", "apologies"):
        seen = set()
        kept = []
        for entry in meeting[key]:
            marker = (
                re.sub(
                    r"\W+", " ", str(entry.get("text") or entry.get("name") or entry.get("number"))
                )
                .lower()
                .strip()
            )
            if key == "decisions":
                marker = re.sub(r"\s", "", str(entry.get("number"))).lower()
            if marker in seen:
                continue
            seen.add(marker)
            kept.append(entry)
        meeting[key] = kept
    for field in ("date",):
        if meeting.get(field) is not None and not isinstance(meeting[field], str):
            meeting[field] = meeting[field].isoformat()


def parse_minutes(segment: Segment) -> dict[str, Any]:
    return MinutesParser(segment).parse()
