"""Folded keys for the names of bodies and posts."""

from __future__ import annotations

import re
from functools import lru_cache

from minutebook.core.text import fold

_DROP = frozenset({"the"})
#: Small words left out of acronyms: "Police and Crime Panel" is PCP.
_ACRONYM_SKIP = frozenset({"and", "of", "for", "the", "to", "in", "on"})
_ACRONYM = re.compile(r"^[A-Z][A-Z&/]{1,7}$")


@lru_cache(maxsize=1024)
def body_key(name: str) -> str:
    """The key aliases are matched on: case, hyphens, punctuation and "the" folded away.

    "the Business Co-Ordination Board" and "Business Coordination Board"
    give the same key.
    """
    return fold(name, drop_words=_DROP)


def acronym(name: str) -> str | None:
    """Initials of the significant words, as minutes abbreviate a body or post.

    "Business Co-ordination Board" -> "BCB", "Finance Sub-Group" -> "FSG"
    (a hyphenated word counts once per part), "Police and Crime Panel" -> "PCP".
    Returns None for one-word names, whose initial says nothing.
    """
    words = [w for w in re.split(r"[\s]+", name.replace("&", " and ")) if w]
    letters = []
    for word in words:
        if word.lower() in _ACRONYM_SKIP:
            continue
        parts = [p for p in re.split(r"[-\u2013]", word) if p]
        if word.lower().startswith("co-") or word.lower().startswith("co\u2013"):
            parts = parts[:1]  # "Co-ordination" is one word, not "Co" + "ordination"
        letters.extend(p[0].upper() for p in parts if p[0].isalpha())
    return "".join(letters) if len(letters) >= 2 else None


def looks_like_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text.strip()))


#: Words every Commissioner's, force's or council's name shares: left out, they leave the area.
_ORGANISATION_WORDS = frozenset(
    {
        "the",
        "of",
        "for",
        "and",
        "in",
        "office",
        "police",
        "policing",
        "fire",
        "rescue",
        "crime",
        "commissioner",
        "commissioners",
        "opcc",
        "opfcc",
        "pcc",
        "pfcc",
        "panel",
        "council",
        "county",
        "city",
        "borough",
        "district",
        "metropolitan",
        "unitary",
        "constabulary",
        "force",
        "service",
        "authority",
        "combined",
        "mayor",
        "mayors",
    }
)


@lru_cache(maxsize=1024)
def organisation_key(organisation: str) -> str:
    """The area an organisation's printed name stands for: what is left without the generic words.

    Papers print one Commissioner's office many ways ("Police and Crime
    Commissioner for Marchmoor", "Office of the Police and Crime Commissioner
    for Marchmoor", "Marchmoor Police and Crime Commissioner", "Marchmoor
    OPCC"): all give "marchmoor". So does a Panel's host council
    ("Marchmoor County Council"), and so would the area's force: bodies are
    told apart by area, which is what same-named boards differ in. A name
    without a place ("Office of the Police and Crime Commissioner") gives "",
    which says nothing about whose it is.
    """
    return fold(organisation or "", drop_words=_ORGANISATION_WORDS)


def police_area_key(body_name: str, organisation: str) -> str:
    """The police area whose seats a body's papers name ("the Chief Constable").

    A Commissioner's board belongs to the Commissioner's area, which its
    organisation names. A Police and Crime Panel is named for the area it
    scrutinises ("Cambridgeshire Police and Crime Panel") but hosted by a
    council of another name ("Peterborough City Council"): its name says the
    area, where it holds a place.
    """
    if "panel" in body_key(body_name).split():
        named = organisation_key(body_name)
        if named:
            return named
    return organisation_key(organisation)


def area_name(organisation: str) -> str:
    """The place in an organisation's printed name, as printed: "Cambridgeshire" from
    "Cambridgeshire Constabulary", "Cambridgeshire & Peterborough" from "Police and Crime
    Commissioner for Cambridgeshire & Peterborough" (the words from its first place word
    to its last)."""
    words = (organisation or "").split()
    places = [i for i, w in enumerate(words) if fold(w, drop_words=_ORGANISATION_WORDS)]
    return " ".join(words[places[0] : places[-1] + 1]).strip(" ,;") if places else ""


def organisations_agree(first: str, second: str) -> bool:
    """Whether two organisation keys may mean the same area: equal, or one the start of the other.

    "Police and Crime Commissioner for Cambridgeshire and Peterborough" and
    "Cambridgeshire Police & Crime Commissioner" are one Commissioner, so
    "cambridgeshire" agrees with "cambridgeshire peterborough"; "marchmoor"
    never agrees with "cambridgeshire". An empty key agrees with nothing.
    """
    if not first or not second:
        return False
    shorter, longer = sorted((first.split(), second.split()), key=len)
    return longer[: len(shorter)] == shorter
