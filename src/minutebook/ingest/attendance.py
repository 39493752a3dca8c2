"""Who was there: members present, others in attendance, apologies, substitutes.

Two printed shapes: rows (one person per line, with a role: "Nick Dean Chief
Constable, Cambridgeshire Constabulary", roles wrapping onto the next line)
and running lists ("Edward Leigh (Chairperson), Councillors N Massey, J Palmer
(left at 3:50pm) and M Shellens").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from minutebook.ingest.lines import Line
from minutebook.ingest.names import (
    PersonMention,
    looks_like_new_person,
    names_in_list,
    parse_person,
    split_list,
    split_name,
)

LABELS = [
    (
        "present",
        r"members\s+present|members|present|councillors\s+present|board\s+members|panel\s+members|attendees|chair(?:man|person)?",
    ),
    (
        "in_attendance",
        r"in\s+attendance|also\s+(?:present|in\s+attendance)|officers(?:\s+present|\s+in\s+attendance)?|others\s+present|observers?|guests?|non[- ]members",
    ),
    ("apologies", r"apologies(?:\s+for\s+absence)?(?:\s+received)?|absent"),
    ("substitutes", r"substitutes?|substitute\s+members?"),
]
LABEL = re.compile(
    r"^(?P<label>"
    + "|".join(f"(?P<{kind}>{pattern})" for kind, pattern in LABELS)
    + r")\s*(?::|\s[-\u2013]\s|$)\s*",
    re.I,
)
PROPER_NAME = r"(?-i:[A-Z](?:[\w'\u2019-]+|\.)?(?:\s+[A-Z](?:[\w'\u2019-]+|\.)?){0,2})"
SUBSTITUTE = re.compile(
    rf"(?:councillor|cllr\.?)?\s*(?P<name>{PROPER_NAME})\s+"
    r"(?:was\s+(?:in\s+attendance|present)\s+|attended\s+|attending\s+)?as\s+(?:a\s+|the\s+)?substitute\s+for\s+"
    rf"(?:councillor|cllr\.?)?\s*(?P<for>{PROPER_NAME})"
    r"|(?:councillor|cllr\.?)?\s*(?P<name2>" + PROPER_NAME + r")\s+substituted\s+for\s+"
    rf"(?:councillor|cllr\.?)?\s*(?P<for2>{PROPER_NAME})",
    re.I,
)
SUBSTITUTE_BRACKET = re.compile(
    r"^(?P<name>.+?)\s*\(\s*(?:substitut\w*\s+)?for\s+(?:councillor|cllr\.?)?\s*(?P<for>[^)]+)\)",
    re.I,
)
APOLOGY_SENTENCE = re.compile(
    r"apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been)\s+(?:received|given|submitted|noted|tendered)\s+(?:from|by|on\s+behalf\s+of)\s*,?\s*(?P<who>.+)",
    re.I,
)


HEADER_ROW = re.compile(
    r"^(?:name|attendee|member|representative)s?\b[\s,]*(?:role|title|position|organisation|job)",
    re.I,
)


@dataclass
class Attendance:
    present: list[PersonMention] = field(default_factory=list)
    in_attendance: list[PersonMention] = field(default_factory=list)
    apologies: list[PersonMention] = field(default_factory=list)
    substitutes: list[dict] = field(default_factory=list)

    def bucket(self, kind: str) -> list:
        return getattr(self, kind)


def label_of(text: str) -> tuple[str, str] | None:
    """(kind, rest of the line) when a line opens an attendance list."""
    match = LABEL.match(text.strip())
    if not match:
        return None
    for kind, _ in LABELS:
        if match.group(kind):
            return kind, text.strip()[match.end() :].strip()
    return None


def is_list_form(text: str) -> bool:
    """Whether an entry holds several people in a running list rather than one person and a role."""
    stripped = text.strip()
    if "\t" in stripped:
        return False  # a table row: name in one cell, role in the next
    if re.match(r"^(?:councillors|cllrs)\b", stripped, re.I):
        return True
    parts = split_list(stripped)
    if len(parts) >= 2 and all(is_bare_name(p) for p in parts):
        return True  # "Karl Foster (Commissioner), Rachel Green (Chief Executive, OPCC)"
    parts = [re.sub(r"\([^()]*\)", "", p) for p in parts]
    return len(parts) >= 3 and sum(1 for p in parts if len(p.split()) <= 4) >= len(parts) - 1


def is_bare_name(part: str) -> bool:
    """A name, perhaps with a bracketed role or note after it, and nothing else."""
    name, rest = split_name(part)
    return name is not None and (not rest or bool(re.fullmatch(r"\([^()]*\)", rest)))


#: A piece of an attendance list: its text and the line it was read from.
Entry = tuple[str, Line]


def lines_span(lines: list[Line]) -> dict[str, int] | None:
    """The source lines `lines` cover, as an extract span."""
    if not lines:
        return None
    return {"first_line": lines[0].first, "last_line": lines[-1].last}


def parse_rows(entries: list[Entry]) -> list[PersonMention]:
    """One person per row; a row that does not open with a name continues the role above.
    Each person's span is the lines of their row."""
    rows: list[tuple[str, list[Line]]] = []
    for raw, line in entries:
        text = raw.strip()
        if not text:
            continue
        if "\t" in text:
            cells = [c.strip() for c in text.split("\t") if c.strip()]
            if rows and not looks_like_new_person(cells[0]) and len(cells[0].split()) < 2:
                rows[-1] = (rows[-1][0] + " " + " ".join(cells), [*rows[-1][1], line])
                continue
            joined = ", ".join(
                [cells[0] + " " + (cells[1] if len(cells) > 1 else "")] + cells[2:]
            ).strip(", ")
            rows.append((joined, [line]))
            continue
        if rows and not looks_like_new_person(text):
            rows[-1] = (rows[-1][0] + " " + text, [*rows[-1][1], line])
        else:
            rows.append((text, [line]))
    people = []
    for row, row_lines in rows:
        if HEADER_ROW.match(row):
            continue  # the header of an attendance table: "Name  Role"
        person = parse_person(row)
        if person:
            person.span = lines_span(row_lines)
            people.append(person)
    return people


def parse_entries(kind: str, entries: list[Entry], attendance: Attendance) -> None:
    """Read one labelled list. People in a running list share the list's lines as span."""
    entries = [(text, line) for text, line in entries if text.strip()]
    joined = " ".join(text.strip() for text, _ in entries)
    if not joined:
        return
    span = lines_span([line for _, line in entries])
    if kind == "substitutes":
        for part in split_list(joined) if not SUBSTITUTE.search(joined) else [joined]:
            match = SUBSTITUTE.search(part)
            bracket = SUBSTITUTE_BRACKET.match(part)
            if match:
                found = [substitute_of(match)]
            elif bracket:
                found = [{"name": bracket["name"].strip(), "for": bracket["for"].strip()}]
            else:
                found = [{"name": person.name, "for": None} for person in names_in_list(part)]
            attendance.substitutes.extend({**substitute, "span": span} for substitute in found)
        return
    if any("\t" in text for text, _ in entries):
        people = parse_rows(entries)
    elif kind == "apologies" or is_list_form(entries[0][0]):
        people = names_in_list(joined)
        for person in people:
            person.span = span
    else:
        people = parse_rows(entries)
    attendance.bucket(kind).extend(people)


def parse_attendance_lines(lines: list[Line]) -> Attendance:
    """Read the attendance part of a minutes header: labelled blocks of rows or lists."""
    attendance = Attendance()
    kind: str | None = None
    collected: list[Entry] = []
    for line in lines:
        if line.is_break:
            continue
        text = line.text if not line.cells else "\t".join(c for c in line.cells if c)
        found = label_of(text)
        if found:
            if kind:
                parse_entries(kind, collected, attendance)
            kind, rest = found
            collected = [(rest, line)] if rest else []
            continue
        if kind and text.strip():
            collected.append((text, line))
    if kind:
        parse_entries(kind, collected, attendance)
    return attendance


def apologies_in_sentence(text: str) -> list[PersonMention]:
    """ "Apologies were received from Jane Gyford, Deputy Chief Constable, ..." in an item."""
    match = APOLOGY_SENTENCE.search(text)
    if not match:
        return []
    who = re.split(r"(?<=[a-z)])\.\s", match["who"])[0]
    return names_in_list(who)


def substitutes_in_sentence(text: str) -> list[dict]:
    return [substitute_of(m) for m in SUBSTITUTE.finditer(text)]


def substitute_of(match: re.Match) -> dict:
    name = match["name"] or match["name2"]
    return {"name": name.strip(), "for": (match["for"] or match["for2"]).strip()}
