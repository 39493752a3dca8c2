"""Folding printed decision numbers so every way of writing one gives one key.

"CPCC 2018-012", "CPCC2018-012", "CPCC 2018/12" -> "CPCC2018-012";
"Decision Notice 2017-001" -> "DN2017-001"; a bare "2018-012" keeps no
prefix and is matched on year and sequence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(
    r"(?P<prefix>[A-Za-z][A-Za-z .]*?)?\s*(?P<year>(?:19|20)\d{2})\s*[-/\u2013]\s*(?P<seq>\d{1,4})\b"
)
_PREFIX_ALIASES = {"DECISIONNOTICE": "DN", "DECISION": "", "NOTICE": "", "NO": "", "NUMBER": ""}


@dataclass(frozen=True)
class DecisionNumber:
    prefix: str
    year: int
    sequence: int

    @property
    def key(self) -> str:
        return f"{self.prefix}{self.year}-{self.sequence:03d}"


def parse_decision_number(text: str | None) -> DecisionNumber | None:
    """The number a printed reference holds, or None when it holds none."""
    if not text:
        return None
    match = _NUMBER.search(text)
    if not match:
        return None
    prefix = re.sub(r"[^A-Za-z]", "", match.group("prefix") or "").upper()
    for long, short in _PREFIX_ALIASES.items():
        if prefix.endswith(long):
            prefix = prefix[: -len(long)] + short
            break
    return DecisionNumber(prefix[-12:], int(match.group("year")), int(match.group("seq")))


def decision_number_key(text: str | None) -> str:
    number = parse_decision_number(text)
    return number.key if number else ""
