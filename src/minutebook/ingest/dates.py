"""Dates and times as minutes print them.

"12th October 2021", "Wednesday 14 November 2018", "30^h July 2015",
"3pt May", "21/9/2018", "13.15", "10:00 hours", "2.00 PM", "4:15pm".
A strict regular expression finds candidates (so ordinary words are never
read as dates); dateparser is not needed for these English forms, and the
fixed patterns are faster and predictable.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    name: index
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
# ordinal suffixes as printed, and as PDF and OCR conversion mangle them ("30^h", "3pt", "1 st")
ORDINAL = r"(?:\s?(?:st|nd|rd|th|pt|h)|\^[a-z]{1,2})?"
WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?,?\s+)?"
DAY_MONTH_YEAR = re.compile(
    rf"\b{WEEKDAY}(?:the\s+)?(?P<day>\d{{1,2}}){ORDINAL}\s+(?:of\s+)?{MONTH},?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
MONTH_DAY_YEAR = re.compile(
    rf"\b{WEEKDAY}{MONTH}\s+(?P<day>\d{{1,2}}){ORDINAL},?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
NUMERIC = re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>(?:19|20)?\d\d)\b")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
MONTH_YEAR = re.compile(rf"\b{MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.I)

TIME = re.compile(
    r"(?<![\d/.])(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*"
    r"(?P<ampm>a\.?m\.?|p\.?m\.?|hours|hrs|noon)?(?![\d/])",
    re.I,
)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, dt.date]]:
    """Every full date in the text with its offset, in order of appearance."""
    found: dict[int, dt.date] = {}
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            month = MONTHS[match["month"].lower().rstrip(".")]
            date = _make(int(match["year"]), month, int(match["day"]))
            if date and not any(abs(match.start() - k) < 3 for k in found):
                found[match.start()] = date
    for match in ISO.finditer(text):
        date = _make(int(match["year"]), int(match["month"]), int(match["day"]))
        if date:
            found.setdefault(match.start(), date)
    for match in NUMERIC.finditer(text):
        if any(k <= match.start() < k + 30 for k in found):
            continue
        year = int(match["year"])
        if year < 100:
            year += 2000
        date = _make(year, int(match["month"]), int(match["day"]))
        if date:
            found[match.start()] = date
    return sorted(found.items())


def first_date(text: str) -> dt.date | None:
    dates = find_dates(text)
    return dates[0][1] if dates else None


def find_times(text: str) -> list[str]:
    """Clock times as HH:MM. A bare number counts only with a separator or am/pm/hours."""
    out = []
    for match in TIME.finditer(text):
        hour = int(match["hour"])
        minute = int(match["minute"] or 0)
        ampm = (match["ampm"] or "").lower().replace(".", "")
        if not match["minute"] and not ampm:
            continue
        if ampm == "noon":
            if hour != 12:
                continue
        elif ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        if match["minute"] and not ampm and match.group(0).count(".") and hour > 23:
            continue
        out.append(f"{hour:02d}:{minute:02d}")
    return out


def month_year(text: str) -> tuple[int, int] | None:
    match = MONTH_YEAR.search(text)
    if not match:
        return None
    return int(match["year"]), MONTHS[match["month"].lower().rstrip(".")]
