"""Reading the scalar values of an extract: dates, times, texts.

The extract contract gives ISO dates and HH:MM times, but a parser may
leave a value it could not normalise; these helpers turn such a value into
None (with a warning from the caller) instead of failing the document.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")


def text(value: Any, limit: int | None = None) -> str:
    """A stripped string for any scalar; "" for None."""
    if value is None:
        return ""
    out = " ".join(str(value).split())
    return out[:limit] if limit else out


def iso_date(value: Any) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def clock_time(value: Any) -> datetime.time | None:
    if not value:
        return None
    match = re.match(r"^\s*(\d{1,2})[:.](\d{2})", str(value))
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        return None
    return datetime.time(hour, minute)


def due_date(value: Any) -> datetime.date | None:
    """A due date only when one is written out ("31st March 2020", "2020-03-31").

    "July 2019 Board" or "next meeting" name a meeting, not a day: they stay
    text, and the date stays empty.
    """
    if not value:
        return None
    found = iso_date(value)
    if found:
        return found
    match = _DAY_MONTH_YEAR.search(str(value))
    if not match:
        return None
    month = _MONTHS.get(match.group(2).lower())
    if not month:
        return None
    try:
        return datetime.date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def span(value: Any) -> tuple[int, int] | None:
    """(first_line, last_line) of a fact's "span", or None when absent or malformed."""
    if not isinstance(value, dict):
        return None
    first, last = value.get("first_line"), value.get("last_line")
    if not isinstance(first, int) or first < 1:
        return None
    if not isinstance(last, int) or last < first:
        last = first
    return first, last


def dicts(value: Any) -> list[dict]:
    """The dict entries of a list value; anything else is ignored."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
