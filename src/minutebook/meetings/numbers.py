"""Folding printed item numbers so "Item 10.6", "10.6." and "10.6" match."""

from __future__ import annotations

import re

_PREFIX = re.compile(
    r"^\s*(?:agenda\s+)?(?:item|minute|min\.?|paragraph|para\.?|action)\s*(?:no\.?)?\s*", re.I
)


def item_key(number: str | None) -> str:
    """ "Agenda Item 4 (b)" -> "4b"; "10.6." -> "10.6"; "" for nothing."""
    if not number:
        return ""
    text = _PREFIX.sub("", str(number))
    text = re.sub(r"[\s()\[\]]+", "", text.lower())
    return text.strip(".:-")[:60]
