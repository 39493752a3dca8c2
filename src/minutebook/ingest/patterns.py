"""Recognisers shared by the segmenter and the parsers: headings, labels, body names."""

from __future__ import annotations

import re

from minutebook.ingest.lines import Block

BODY_WORDS = re.compile(
    r"\b(?:board|panel|sub[- ]?group|group|committee|sub[- ]?committee|authority|forum|cabinet|"
    r"council|partnership|executive|commission|assembly|meeting)\b",
    re.I,
)
ITEM_HEADING = re.compile(
    r"^(?i:(?:agenda\s+)?item\s+(?:no\.?\s*)?|minute\s+(?:no\.?\s*)?)?"
    r"(?P<number>\d{1,3}(?:\.0)?|(?:[A-Z]{2,6}[\s/]?)?\d{1,3}/\d{2,4}|[A-Z]{2,6}/\d{2,4}/\d{1,3})[.):]?\s*[-\u2013:]?\s+(?P<title>[^\s\d.\-\u2013].*)$"
)
MONTH_START = re.compile(
    r"^(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d",
    re.I,
)
SENTENCE_START = re.compile(r"^(?:the|it|there|this|a|an|he|she|they|we|members|following)\b", re.I)
DECISION_NUMBER = re.compile(
    # "CPCC 2018-012", "CPCC2019-008", "PCC/DN/2021/012"
    r"\b(?P<prefix>[A-Z]{2,8}(?:[\s/][A-Z]{1,4})?)[\s/]?(?P<year>(?:19|20)\d\d)\s?[-/\u2013]\s?(?P<seq>\d{3,4})\b"
    # "DN 045/2021", "OPCC DN 12/2021"
    r"|\b(?P<prefix2>[A-Z]{2,8}(?:[\s/][A-Z]{1,4})?)[\s/]?(?P<seq2>\d{2,4})/(?P<year2>(?:19|20)\d\d)\b"
    # "Decision Notice 2017-001"
    r"|\b(?i:decision\s+(?:notice|record)s?\s*(?:no\.?|number)?\s*:?\s*)"
    r"(?P<bare>(?:[A-Z]{2,8}\s?)?(?:19|20)\d\d\s?[-/\u2013]\s?\d{1,4})\b"
)
NOT_DECISION_PREFIXES = {
    "mtfs",
    "mtfp",
    "hmic",
    "peel",
    "page",
    "pages",
    "item",
    "items",
    "rag",
    "fy",
}


def item_heading(block: Block) -> tuple[str, str] | None:
    """(number, title) when a block reads as a numbered agenda item heading."""
    text = block.text.strip()
    cells = [c for c in (block.lines[0].cells or []) if c]
    if cells:
        # "1<TAB>Minutes of the previous meeting" or "1. Title<TAB>pages"
        text = (
            f"{cells[0]} {cells[1]}"
            if re.fullmatch(r"\d{1,3}(?:\.0)?\.?", cells[0]) and len(cells) > 1
            else cells[0]
        )
    match = ITEM_HEADING.match(text)
    if not match:
        return None
    title = match["title"].strip()
    words = title.split()
    if len(words) > 32 or not (title[0].isupper() or title[0] in "\"'\u2018\u201c("):
        return None
    if title.endswith(".") and len(words) > 12 and capitalised_share(words) < 0.5:
        return None
    if SENTENCE_START.match(title) and len(words) > 8:
        return None
    if MONTH_START.match(title):
        return None  # "14 NOVEMBER 2018" is a date, not item 14
    return match["number"], title.rstrip(" .:")


def capitalised_share(words: list[str]) -> float:
    """Headings capitalise most words; sentences few."""
    content = [w for w in words if len(w) > 3]
    if not content:
        return 1.0
    return sum(1 for w in content if w[:1].isupper()) / len(content)


def item_number_value(number: str) -> int:
    """The running number of an item: 45 in "45", "45/21" and "PCP/21/45"."""
    prefixed = re.fullmatch(r"[A-Z]{2,6}/\d{2,4}/(\d{1,3})", number)
    return int(prefixed.group(1) if prefixed else re.search(r"\d+", number).group(0))


def decision_numbers(text: str) -> list[str]:
    """Decision record numbers cited in text, as printed ("CPCC 2019-008", "Decision Notice 2017-001")."""
    found = []
    for match in DECISION_NUMBER.finditer(text):
        if match["bare"]:
            number = match["bare"]
        else:
            prefix = match["prefix"] or match["prefix2"]
            if prefix.lower().split()[0].split("/")[0] in NOT_DECISION_PREFIXES:
                continue
            number = match.group(0)
        number = re.sub(r"\s*[-\u2013]\s*", "-", number.strip())
        if number not in found:
            found.append(number)
    return found


def title_case(text: str) -> str:
    """Title case for a heading printed in capitals, keeping acronyms and small words."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "by", "with"}
    out = []
    for index, word in enumerate(text.split()):
        lower = word.lower()
        core = re.sub(r"[^a-z]", "", lower)
        if index and lower in small:
            out.append(lower)
        elif len(core) <= 4 and not re.search(r"[aeiou]", core) and core:
            out.append(word)  # an acronym: BCB, PCC, OPCC
        else:
            parts = lower.split("-")
            if parts[0] in {"co", "re", "pre", "non", "self"}:
                out.append(lower[:1].upper() + lower[1:])  # Co-ordination, Re-appointment
            else:
                out.append("-".join(part[:1].upper() + part[1:] for part in parts))
    return " ".join(out)
