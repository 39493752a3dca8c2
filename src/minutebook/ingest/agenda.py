"""An agenda: the notice of a meeting with its numbered items, presenters and pages."""

from __future__ import annotations

import re
from typing import Any

from minutebook.ingest.dates import find_times, first_date
from minutebook.ingest.lines import Block
from minutebook.ingest.minutes import ORGANISATION_AND_BODY, organisation_in
from minutebook.ingest.patterns import BODY_WORDS, item_heading, item_number_value, title_case
from minutebook.ingest.segment import AGENDA_TITLE, Segment

PAGES = re.compile(
    r"(?:\s|^)(?:pages?\s*)?(?P<pages>\d{1,4}\s*[-\u2013]\s*\d{1,4}|\d{1,4})\s*$", re.I
)
PRESENTER = re.compile(r"\s*[\(\[](?P<who>[^()\[\]]{3,80})[\)\]]\s*$")
CONTACT = re.compile(r"@|\bcontact\b|\btel\b|\bphone\b|\d{5}\s?\d{5,6}", re.I)


def parse_agenda(segment: Segment) -> dict[str, Any] | None:
    """The agenda in a segment, or None when it has no AGENDA heading.

    The body is the first line of the notice naming one; the organisation is
    the letterhead printed above it, as for minutes (`minutes.organisation_in`).
    """
    blocks = segment.blocks
    start = next((i for i, b in enumerate(blocks) if AGENDA_TITLE.match(b.text.strip())), None)
    if start is None:
        return None
    first_item = next(
        (i for i, b in enumerate(blocks) if i > start and item_heading(b)), len(blocks)
    )
    # the notice of the meeting is printed above the word AGENDA, or between it and item 1
    header = [b.text.strip() for b in blocks[:start] + blocks[start + 1 : first_item]]
    agenda: dict[str, Any] = {
        "body": None,
        "organisation": None,
        "date": None,
        "time": None,
        "location": None,
        "items": [],
    }
    for n, text in enumerate(header):
        if (
            not agenda["body"]
            and BODY_WORDS.search(text)
            and not first_date(text)
            and not CONTACT.search(text)
        ):
            agenda["organisation"] = organisation_in(header[: n + 1], title_case(text))
            # "Southfield Police and Crime Commissioner Joint Audit Committee": the body is
            # the committee, as its minutes name it
            split = ORGANISATION_AND_BODY.match(" ".join(text.split()))
            agenda["body"] = title_case(split["body"] if split else text)
            continue
        date = first_date(text)
        if date and not agenda["date"]:
            agenda["date"] = date.isoformat()
            times = find_times(text)
            agenda["time"] = times[0] if times else None
            continue
        if (
            agenda["date"]
            and not agenda["location"]
            and not CONTACT.search(text)
            and len(text.split()) <= 14
        ):
            agenda["location"] = text
    last = None
    for block in blocks[start + 1 :]:
        text = block.text.strip()
        heading = item_heading(block)
        if heading:
            value = item_number_value(heading[0])
            if last is None or last < value <= last + 3:
                agenda["items"].append(agenda_item(heading[0], block))
                last = value
                continue
        if agenda["items"] and (
            text.startswith("(") or text[:1].islower() or re.match(r"^\d+\.\d+\s", text)
        ):
            continue  # a note under an item, or a sub-item
        if agenda["items"] and not re.match(r"^page", text, re.I):
            break
    agenda["span"] = {"first_line": segment.first, "last_line": blocks[-1].last}
    return agenda


def agenda_item(number: str, block: Block) -> dict[str, Any]:
    """One agenda line: number, title, and the presenter and pages in the columns after it."""
    cells = [c for c in (block.cells or []) if c]
    title = item_heading(block)[1]
    # the columns after the title: "1. Title | Chair | 3 - 10" or "1 | Title | Chair | 3 - 10"
    extra = cells[2:] if cells and re.fullmatch(r"\d{1,3}(?:\.0)?\.?", cells[0]) else cells[1:]

    pages = None
    presenter = None
    for cell in extra:
        if PAGES.fullmatch(" " + cell):
            pages = PAGES.search(" " + cell)["pages"]
        elif not presenter:
            presenter = cell
    if not cells:
        match = PAGES.search(title)
        if match and len(title) > len(match.group(0)) + 3 and re.search(r"\s{2,}|\.{3,}", title):
            pages = match["pages"]
            title = title[: match.start()].strip(" .")
    match = PRESENTER.search(title)
    if match and not presenter:
        presenter = match["who"].strip()
        title = title[: match.start()].strip()
    return {
        "number": number,
        "title": title.strip(" .:"),
        "presenter": presenter,
        "pages": pages,
        "span": block.span(),
    }
