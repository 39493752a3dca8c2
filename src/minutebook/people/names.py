"""Folding a printed person's name into the forms it is matched on.

"Cllr Shellens", "M. Shellens", "Shellens" and "MS" may all be one person;
each form is stored as a `PersonName` with a folded key, and the resolver
decides which form a printed name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from minutebook.core.text import fold

HONORIFICS = frozenset(
    {
        "cllr",
        "cllrs",
        "councillor",
        "councillors",
        "dr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "sir",
        "dame",
        "prof",
        "professor",
        "rev",
        "revd",
        "lord",
        "lady",
        "baroness",
        "rt",
        "hon",
        "the",
    }
)
_INITIALS = re.compile(r"^(?:[A-Z]{2,4}|(?:[A-Z]\.\s?){2,4})$")
_POST_NOMINALS = re.compile(r",?\s+(?:OBE|MBE|CBE|QPM|KPM|DL|JP|MP)\b\.?", re.IGNORECASE)


def clean_printed_name(text: str) -> str:
    """The name without notes in brackets, post-nominals or surrounding punctuation."""
    text = re.sub(r"\([^)]*\)", " ", text or "")
    text = _POST_NOMINALS.sub("", text)
    return " ".join(text.split()).strip(" ,;:-")


_OFFICE_TITLE = re.compile(r"^(?:cllrs?\.?|councillors?)\s+", re.IGNORECASE)


def display_form(text: str) -> str:
    """The name to show: as printed, less "Cllr"/"Councillor", which is an office and not a name."""
    return _OFFICE_TITLE.sub("", clean_printed_name(text)) or clean_printed_name(text)


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """Folded name without honorifics: "Cllr M. Shellens" -> "m shellens"."""
    return fold(clean_printed_name(text), drop_words=HONORIFICS)


def looks_like_initials(text: str) -> bool:
    """ "NH", "JG", "N.H." (but not "Smith")."""
    return bool(_INITIALS.match(text.strip()))


@dataclass(frozen=True)
class NameParts:
    given: tuple[str, ...]  # folded given names or initials
    surname: str  # folded

    @property
    def initials(self) -> str:
        return "".join(g[0] for g in self.given) + (self.surname[:1] if self.surname else "")

    @property
    def initial_surname(self) -> str:
        return f"{self.given[0][0]} {self.surname}" if self.given and self.surname else ""

    @property
    def given_is_initial(self) -> bool:
        return all(len(g) == 1 for g in self.given)


def name_parts(text: str) -> NameParts:
    words = name_key(text).split()
    if not words:
        return NameParts((), "")
    return NameParts(tuple(words[:-1]), words[-1])


@dataclass(frozen=True)
class NameForm:
    name: str
    key: str
    kind: str  # a PersonName.Kind value


def name_forms(printed: str) -> list[NameForm]:
    """Every form under which a person printed as `printed` may later be written.

    "Niki Howard" -> full "niki howard", initial and surname "n howard",
    surname "howard", initials "nh". A surname-only name gives just the surname.
    """
    name = clean_printed_name(printed)
    key = name_key(name)
    if not key:
        return []
    parts = name_parts(name)
    forms = [NameForm(name, key, "full" if parts.given else "surname")]
    if fold(name) != key:
        forms.append(NameForm(name, fold(name), "honorific"))
    if parts.given:
        if parts.initial_surname != key:
            forms.append(NameForm(name, parts.initial_surname, "initial_surname"))
        forms.append(NameForm(name, parts.surname, "surname"))
        forms.append(NameForm(name, parts.initials, "initials"))
    return forms


def sort_name(printed: str) -> str:
    words = clean_printed_name(printed).split()
    words = [w for w in words if fold(w) not in HONORIFICS] or words
    return f"{words[-1]}, {' '.join(words[:-1])}".strip(", ") if words else ""
