"""Actions: new ones raised at a meeting, and the log of earlier ones reviewed at it.

New: "Action: OPCC / Constabulary to explore options ... to the July 2019 Board".
Log: "Action 3.0 - Agenda Item 10.6, 28th February 2019 Board meeting - <text>.
Update: <text>. Action: On-going." and tables with Ref / Action / Owner /
Update / Status columns.
"""

from __future__ import annotations

import re
from typing import Any

from minutebook.ingest.dates import find_dates, month_year
from minutebook.ingest.names import FUNCTION_WORDS, is_role_word

NEW_ACTION = re.compile(r"^actions?\s*(?:point)?\s*[:\-\u2013]\s*(?P<text>.+)$", re.I | re.S)
STATUS_WORDS = re.compile(
    r"^(?:on[- ]?going|open|closed|complete[d]?|done|discharged|in progress|superseded|carried forward)\b\.?$",
    re.I,
)
LOG_ENTRY = re.compile(
    r"^action\s+(?:no\.?\s*)?(?P<ref>\d+(?:\.\d+)?|[A-Z]{0,3}\d+(?:[./-]\d+)*)\s*[-\u2013:]\s*(?P<body>.+)$",
    re.I | re.S,
)
LOG_ITEM = re.compile(r"agenda\s+item\s+(?P<item>\d+(?:\.\d+)*)", re.I)
UPDATE = re.compile(r"\bupdate\s*[:\-\u2013]\s*", re.I)
LOG_STATUS = re.compile(
    r"\b(?:action|status)\s*[:\-\u2013]\s*(?P<status>on[- ]?going|open|closed|complete[d]?|in progress|discharged)\b\.?",
    re.I,
)
DUE = re.compile(
    r"\b(?:by|before|to|for|at|in|due)\s+(?:the\s+)?(?P<due>(?:(?:next|following)\s+(?:meeting|board|panel)|"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:19|20)\d\d(?:\s+(?:board|panel|meeting|group))?|"
    r"end\s+of\s+(?:the\s+)?(?:year|month|quarter|[a-z]+\s+(?:19|20)\d\d)))",
    re.I,
)
OWNER_VERB = re.compile(
    r"^(?P<owner>.{2,80}?)\s+(?:to|would|will|offered\s+to|agreed\s+to|undertook\s+to)\s+[a-z]",
    re.S,
)


def normal_status(text: str | None) -> str | None:
    if not text:
        return None
    key = re.sub(r"[^a-z]", "", text.lower())
    if key in {"ongoing", "inprogress", "carriedforward"}:
        return "on-going"
    if key in {"closed", "complete", "completed", "done", "discharged", "superseded"}:
        return "closed"
    if key == "open":
        return "open"
    return None


def owner_of(text: str, known_people: set[str]) -> str | None:
    """Who an action names as owner: the words before "to"/"would", when they name someone."""
    match = OWNER_VERB.match(text)
    if not match:
        return None
    owner = match["owner"].strip(" ,")
    words = owner.split()
    if len(words) > 7:
        return None
    if owner in known_people or re.fullmatch(r"[A-Z]{2,5}(?:\s*/\s*[A-Z][\w]+)*", owner):
        return owner
    if (
        any(is_role_word(w) for w in words if w.lower() not in FUNCTION_WORDS)
        and words[0][:1].isupper()
    ):
        return owner
    if len(words) <= 3 and all(w[:1].isupper() for w in words):
        return owner
    return None


def due_of(text: str) -> str | None:
    match = DUE.search(text)
    return match["due"].strip() if match else None


def new_action(text: str, item: str | None, span: dict, known_people: set[str]) -> dict[str, Any]:
    text = text.strip()
    return {
        "item": item,
        "text": text,
        "owner": owner_of(text, known_people),
        "due": due_of(text),
        "span": span,
    }


def new_action_text(block_text: str) -> str | None:
    """The task in an "Action: ..." paragraph, or None when it is a status line of the log."""
    match = NEW_ACTION.match(block_text.strip())
    if not match:
        return None
    text = match["text"].strip()
    if STATUS_WORDS.match(text) or len(text) < 8:
        return None
    return text


def log_entry(block_text: str, span: dict) -> dict[str, Any] | None:
    """One reviewed action in the "Action 3.0 - Agenda Item 10.6, <date> ... Update: ... Action: On-going" form."""
    match = LOG_ENTRY.match(block_text.strip())
    if not match:
        return None
    body = match["body"]
    statuses = list(LOG_STATUS.finditer(body))
    status_match = statuses[-1] if statuses else None  # the last "Action: On-going" is the verdict
    update_match = UPDATE.search(body)
    head_end = (
        min(m.start() for m in (update_match, status_match) if m)
        if (update_match or status_match)
        else len(body)
    )
    head = body[:head_end]
    update = None
    if update_match:
        update_end = (
            status_match.start()
            if status_match and status_match.start() > update_match.end()
            else len(body)
        )
        update = body[update_match.end() : update_end]
    item = LOG_ITEM.search(head)
    dates = find_dates(head[:160])
    text = head
    if item or dates:
        # the text follows the citation of where the action was raised
        parts = re.split(r"\s[-\u2013]\s", head, maxsplit=2)
        text = parts[-1] if len(parts) > 1 else head
    return {
        "ref": match["ref"],
        "item": item["item"] if item else None,
        "meeting_date": dates[0][1].isoformat() if dates else None,
        "text": text.strip(" .-\u2013") or None,
        "update": update.strip(" .") if update else None,
        "status": normal_status(status_match["status"]) if status_match else "open",
        "span": span,
    }


COLUMN_PATTERNS = tuple(
    (key, re.compile(pattern))
    for key, pattern in (
        ("ref", r"^(?:ref|reference|no|action no|action ref|number)"),
        ("meeting_date", r"^(?:meeting|date raised|raised|date)"),
        ("item", r"^(?:item|agenda item|minute)"),
        ("text", r"^(?:action|description|task)"),
        ("owner", r"^(?:owner|lead|responsible|by whom)"),
        ("due", r"^(?:due|deadline|target|by when)"),
        ("update", r"^(?:update|progress|comment)"),
        ("status", r"^(?:status|rag|open closed)"),
    )
)
_NOT_LETTER = re.compile(r"[^a-z ]")


def table_columns(cells: list[str]) -> tuple[str, dict[str, int]] | None:
    """("log" | "actions", column positions) when a table row heads a table of actions.

    A log has an update or status column (earlier actions reviewed); a table
    with only item, action, owner and due lists the actions newly agreed.
    """
    lowered = [_NOT_LETTER.sub("", c.lower()).strip() for c in cells]
    if not any(c.startswith("action") for c in lowered) or any(len(c.split()) > 4 for c in lowered):
        return None
    columns: dict[str, int] = {}
    for index, cell in enumerate(lowered):
        for key, pattern in COLUMN_PATTERNS:
            if key not in columns and pattern.match(cell):
                columns[key] = index
                break
    if "text" not in columns or len(columns) < 2:
        return None
    if "update" in columns or "status" in columns or ("ref" in columns and len(columns) >= 3):
        return "log", columns
    if {"item", "owner", "due"} & columns.keys():
        return "actions", columns
    return None


def _cell(cells: list[str], columns: dict[str, int], key: str) -> str | None:
    index = columns.get(key)
    if index is None or index >= len(cells):
        return None
    return cells[index].strip() or None


def action_table_row(
    cells: list[str], columns: dict[str, int], span: dict, known_people: set[str]
) -> dict[str, Any] | None:
    """A row of a table of newly agreed actions; None for a row that is not one."""
    text = _cell(cells, columns, "text")
    item = _cell(cells, columns, "item")
    if not text or (item and not re.fullmatch(r"\d{1,3}(?:\.\d+)*\.?", item)):
        return None  # summary tables of outcomes name the item by its title
    action = new_action(text, item.rstrip(".") if item else None, span, known_people)
    action["owner"] = _cell(cells, columns, "owner") or action["owner"]
    action["due"] = _cell(cells, columns, "due") or action["due"]
    return action


def log_table_row(cells: list[str], columns: dict[str, int], span: dict) -> dict[str, Any] | None:
    def cell(key: str) -> str | None:
        return _cell(cells, columns, key)

    text = cell("text")
    if not text:
        return None
    ref = cell("ref")
    date_text = cell("meeting_date")
    dates = find_dates(date_text) if date_text else []
    status = normal_status(cell("status")) or (
        "closed" if cell("status") and "clos" in cell("status").lower() else None
    )
    return {
        "ref": ref,
        "item": cell("item"),
        "meeting_date": dates[0][1].isoformat() if dates else None,
        "text": text,
        "owner": cell("owner"),
        "due": cell("due"),
        "update": cell("update"),
        "status": status or "open",
        "span": span,
    }


def due_month(text: str) -> tuple[int, int] | None:
    return month_year(text)
