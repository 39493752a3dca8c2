"""Folding printed names into keys that compare equal when people mean the same thing.

Bodies, posts and people are printed many ways ("Business Co-ordination
Board", "Business Coordination Board", "the Business Co-Ordination Board");
the record matches them on a folded key instead of the text.
"""

from __future__ import annotations

import re
import unicodedata

_HYPHEN_IN_WORD = re.compile(r"(?<=\w)[-\u2010\u2011\u2012\u2013](?=\w)")
_NOT_WORD = re.compile(r"[^\w]+")


def strip_accents(text: str) -> str:
    if text.isascii():  # most printed names: nothing to decompose, nothing to drop
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str, *, drop_words: frozenset[str] = frozenset()) -> str:
    """Lower-case words joined by single spaces, without accents or punctuation.

    A hyphen inside a word is removed ("Co-ordination" -> "coordination"),
    "&" reads "and", and any word in `drop_words` (such as "the") is dropped.
    """
    text = strip_accents(text).replace("&", " and ").replace("\u2019", "'")
    text = text.replace("'s ", "s ").replace("'", "")
    text = _HYPHEN_IN_WORD.sub("", text).lower()
    words = [w for w in _NOT_WORD.sub(" ", text).replace("_", " ").split() if w not in drop_words]
    return " ".join(words)
