"""Dates: when bodies meet, bank holidays, clear days, and how dates print.

Real secretariats avoid weekends and bank holidays, publish council-style
agendas five clear days ahead, and write dates and times in their own house
style. Keeping that arithmetic here lets the world model ask simple
questions ("the 2nd Tuesday of March, unless it is a holiday") and lets the
renderers print the same date three different ways.
"""

from __future__ import annotations

from datetime import date, timedelta

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def easter_sunday(year: int) -> date:
    """Gregorian Easter (anonymous algorithm): Good Friday and Easter Monday hang off it."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def _first_weekday(year: int, month: int, weekday: int) -> date:
    d = date(year, month, 1)
    return d + timedelta(days=(weekday - d.weekday()) % 7)


def _last_weekday(year: int, month: int, weekday: int) -> date:
    d = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def _substitute(d: date, taken: list[date]) -> date:
    while d.weekday() >= 5 or d in taken:
        d += timedelta(days=1)
    return d


def bank_holidays(year: int) -> list[date]:
    """England and Wales bank holidays (the regular pattern, no one-off extras)."""
    easter = easter_sunday(year)
    days: list[date] = []
    days.append(_substitute(date(year, 1, 1), days))
    days.append(easter - timedelta(days=2))
    days.append(easter + timedelta(days=1))
    days.append(_first_weekday(year, 5, 0))
    days.append(_last_weekday(year, 5, 0))
    days.append(_last_weekday(year, 8, 0))
    days.append(_substitute(date(year, 12, 25), days))
    days.append(_substitute(date(year, 12, 26), days))
    return sorted(days)


_HOLIDAY_CACHE: dict[int, list[date]] = {}


def is_working_day(d: date) -> bool:
    if d.weekday() >= 5:
        return False
    if d.year not in _HOLIDAY_CACHE:
        _HOLIDAY_CACHE[d.year] = bank_holidays(d.year)
    return d not in _HOLIDAY_CACHE[d.year]


def add_working_days(d: date, n: int) -> date:
    """The n-th working day after d (n > 0) or before it (n < 0)."""
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        d += timedelta(days=step)
        if is_working_day(d):
            left -= 1
    return d


def publication_date(meeting: date, clear_days: int = 5) -> date:
    """Latest publication date leaving `clear_days` clear working days before the meeting.

    Clear days exclude the day of publication and the meeting day itself, as
    well as weekends and bank holidays (Local Government Act 1972, s100B).
    """
    return add_working_days(meeting, -(clear_days + 1))


def nth_weekday(year: int, month: int, weekday: int, week: int) -> date:
    """The week-th (1-based; 5 = last) given weekday of a month."""
    if week >= 5:
        return _last_weekday(year, month, weekday)
    return _first_weekday(year, month, weekday) + timedelta(weeks=week - 1)


def meeting_day(year: int, month: int, weekday: int, week: int) -> date:
    """A meeting day in that month, moved a week on if it falls on a bank holiday."""
    d = nth_weekday(year, month, weekday, week)
    while not is_working_day(d):
        d += timedelta(days=7)
    return d


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def format_date(d: date, style: str) -> str:
    """Print a date in a house style: ordinal, plain, weekday, upper or numeric."""
    month = MONTHS[d.month - 1]
    if style == "ordinal":
        return f"{ordinal(d.day)} {month} {d.year}"
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {month} {d.year}"
    if style == "weekday_ordinal":
        return f"{WEEKDAYS[d.weekday()]} {ordinal(d.day)} {month} {d.year}"
    if style == "upper":
        return f"{d.day} {month} {d.year}".upper()
    if style == "numeric":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    return f"{d.day} {month} {d.year}"


def format_time(minutes: int, style: str) -> str:
    """Print a time of day (minutes after midnight): 24h, hours, dot_am, space_pm."""
    h, m = divmod(minutes, 60)
    if style == "24h":
        return f"{h:02d}:{m:02d}"
    if style == "hours":
        return f"{h:02d}:{m:02d} hours"
    suffix = "am" if h < 12 else "pm"
    h12 = h % 12 or 12
    if style == "space_pm":
        return f"{h12}.{m:02d} {suffix}"
    if style == "colon_am":
        return f"{h12}:{m:02d}{suffix}"
    return f"{h12}.{m:02d}{suffix}"


def hhmm(minutes: int) -> str:
    """The contract's form of a time: HH:MM."""
    h, m = divmod(minutes, 60)
    return f"{h:02d}:{m:02d}"


def month_year(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def financial_year(d: date, ahead: int = 0) -> str:
    """The UK public-sector financial year (April to March) holding d, as 2024/25."""
    start = (d.year if d.month >= 4 else d.year - 1) + ahead
    return f"{start}/{(start + 1) % 100:02d}"


def financial_month(d: date) -> int:
    """Month number within the financial year, April = 1; reports run a month behind."""
    return (d.month - 4) % 12 + 1
