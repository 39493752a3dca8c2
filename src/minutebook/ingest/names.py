"""People as minutes print them: a name, often followed by a role and an organisation.

"Nick Dean Chief Constable, Cambridgeshire Constabulary",
"Dr Dorothy Gregson Chief Executive, Office of the ...", "J Palmer (left at 3:50pm)",
"Councillors Oliver, Cuffley, Daunton and Claire George".

The split between name and role relies on a vocabulary of words that begin
roles and organisations: a name is a short run of capitalised words none of
which is such a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

# kept as part of the printed name (the contract allows "Dr", "Sir" to stay)
KEPT_HONORIFICS = frozenset(
    """
    dr sir dame lord lady prof professor rev revd baroness
    """.split()
)
HONORIFICS = KEPT_HONORIFICS | frozenset(
    """
    mr mrs ms miss mx cllr councillor councillors cllrs dcc acc supt ch alderman baron
    """.split()
)
# small words inside role and organisation names ("Office of the Police and Crime Commissioner")
FUNCTION_WORDS = frozenset("a an and at by for from in of on the to with".split())
ROLE_WORDS = (FUNCTION_WORDS - {"a", "an"}) | frozenset(  # "A Ali", "An Vo" are names
    """
    police crime commissioner commissioners constabulary constable chief deputy assistant
    director head senior business executive office officer officers manager strategic
    personal temporary acting interim local policing commander inspector superintendent
    sergeant finance financial council county city district borough secretariat monitoring
    member members chair chairman chairperson chairwoman vice independent clerk legal
    adviser advisor accountant analyst support admin administrator administrative
    governance policy performance communications communication press treasurer solicitor
    lead principal programme project partnership fire rescue service services authority
    panel board group committee opcc pcc dpcc cfo hmicfrs hmic ceo coordinator co-ordinator
    development resources estates audit risk engagement public volunteer staff team unit
    department corporate democratic democracy scrutiny co-opted coopted observer secretary
    representative specialist consultant general joint national regional county's force
    forces professional standards commissioner's government home ministry university health
    nhs trust agency limited ltd plc association foundation via t/deputy t/dcc t/acc t/supt
    t/ch t/ policy, planning information data technology ict digital hr human learning
    operations operational safeguarding victims victim community communities safety
    contracts procurement payroll pensions insurance treasury capital revenue
    """.split()
)
NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-z]*['\u2019]?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.?|[A-Z]{2}|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+|O['\u2019][A-Z][a-z]+)$"
)
PARTICLES = {"van", "von", "de", "der", "den", "la", "le", "du", "da", "di", "del", "st", "st."}
NOTE = re.compile(
    r"\b(?:left|arrived|joined|departed|attended|present|from item|for item|until|after|before|"
    r"items?\s+\d|observer|via|virtual|remote|part|minute|substitut)",
    re.I,
)
ORG_WORDS = {
    "constabulary",
    "council",
    "office",
    "police",
    "commissioner",
    "authority",
    "service",
    "services",
    "trust",
    "opcc",
    "force",
    "board",
    "university",
    "ministry",
    "agency",
    "partnership",
    "company",
}


@dataclass
class PersonMention:
    name: str | None
    role: str | None = None
    organisation: str | None = None
    note: str | None = None
    # The source lines that name the person, when the parser knows them: the evidence of
    # their attendance is that row of the list, not the whole minutes.
    span: dict[str, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "note": self.note,
        }
        if self.span is not None:
            out["span"] = self.span
        return out


def is_role_word(token: str) -> bool:
    return token.lower().strip(",.;:()") in ROLE_WORDS or token.lower().startswith("t/")


def is_name_token(token: str) -> bool:
    token = token.strip(",;:")
    return bool(NAME_TOKEN.match(token)) and not is_role_word(token)


def split_name(text: str) -> tuple[str | None, str]:
    """The name at the start of `text` and whatever follows it.

    The name is an optional honorific, then initials or given names, then a
    surname: at most three name tokens, fewer when the next token begins a role.
    """
    tokens = text.split()
    kept: list[str] = []
    index = 0
    while index < len(tokens) and tokens[index].lower().strip(".,") in HONORIFICS:
        if tokens[index].lower().strip(".,") in KEPT_HONORIFICS:
            kept.append(tokens[index].rstrip(","))
        index += 1
    name_tokens: list[str] = []
    while index < len(tokens) and len(name_tokens) < 4:
        token = tokens[index]
        bare = token.rstrip(",;:")
        if (
            bare.lower() in PARTICLES
            and index + 1 < len(tokens)
            and is_name_token(tokens[index + 1])
        ):
            name_tokens.append(bare)
            index += 1
            continue
        if not is_name_token(bare):
            break
        if len(name_tokens) >= 2 and not all(_is_initial(t) for t in name_tokens[:-1]):
            break  # "First Last" is complete: a third capitalised word starts the role
        if (
            len(name_tokens) == 2
            and _is_initial(name_tokens[0])
            and not _is_initial(name_tokens[1])
        ):
            break  # "J Palmer" is complete
        name_tokens.append(bare)
        index += 1
        if token.endswith((",", ";", ":")):
            break
    if not name_tokens:
        return None, text.strip()
    if all(_is_initial(t) for t in name_tokens) and len(name_tokens) > 1 and len(kept) == 0:
        return None, text.strip()
    name = " ".join(kept + name_tokens)
    rest = " ".join(tokens[index:])
    return name, rest.strip(" ,;-\u2013")


def _is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", token))


def split_role(rest: str) -> tuple[str | None, str | None, str | None]:
    """A role text into (role, organisation, note): "Chief Constable, X Constabulary (Observer)"."""
    note = None
    for match in re.finditer(r"\(([^()]*)\)", rest):
        inner = match.group(1).strip()
        if NOTE.search(inner):
            note = inner
            rest = (rest[: match.start()] + rest[match.end() :]).strip()
            break
    rest = re.sub(r"\s*,\s*,\s*", ", ", rest).strip(" ,;-\u2013")
    if not rest:
        return None, None, note
    role, organisation = rest, None
    if "," in rest:
        head, tail = rest.rsplit(",", 1)
        if any(word.lower().strip(".") in ORG_WORDS for word in tail.split()):
            role, organisation = head.strip(" ,"), tail.strip()
    return role or None, organisation, note


def parse_person(text: str) -> PersonMention | None:
    """One attendance entry: "Dr Dorothy Gregson Chief Executive, Office of ... (left at 3pm)"."""
    text = text.strip(" \t,;.")
    if not text:
        return None
    name, rest = split_name(text)
    if name is None:
        return None
    role, organisation, note = split_role(rest)
    if role and role.startswith("(") and role.endswith(")"):
        role = role[1:-1].strip() or None
    return PersonMention(name, role, organisation, note)


def looks_like_new_person(text: str) -> bool:
    """Whether an attendance row starts a person rather than continuing a wrapped role."""
    tokens = text.split()
    while tokens and tokens[0].lower().strip(".,") in HONORIFICS:
        tokens = tokens[1:]
    if len(tokens) < 2:
        return False
    return is_name_token(tokens[0]) and is_name_token(tokens[1].rstrip(","))


def split_list(text: str) -> list[str]:
    """Split "A, B (left at 3pm), C and D" into entries, keeping parentheses intact."""
    parts: list[str] = []
    depth = 0
    current = ""
    index = 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        if depth == 0 and (
            char in ",;" or text.startswith(" and ", index) or text.startswith(" & ", index)
        ):
            parts.append(current)
            current = ""
            index += (
                5
                if text.startswith(" and ", index)
                else (3 if text.startswith(" & ", index) else 1)
            )
            continue
        current += char
        index += 1
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def names_in_list(text: str) -> list[PersonMention]:
    """People in a running list; parts that are only roles or organisations are skipped.

    "Jane Gyford, Deputy Chief Constable, Cambridgeshire Constabulary" gives one
    person; "Councillors Oliver, Cuffley and Claire George" gives three.
    """
    people: list[PersonMention] = []
    text = text.strip().rstrip(".")
    for part in split_list(text):
        tokens = part.split()
        while tokens and tokens[0].lower().strip(".,") in HONORIFICS - KEPT_HONORIFICS:
            tokens = tokens[1:]
        if not tokens:
            continue
        if len(tokens) == 1:
            token = tokens[0].strip(".")
            if is_name_token(token) and not _is_initial(token):
                people.append(PersonMention(token))
            continue
        candidate = " ".join(tokens)
        name, rest = split_name(candidate)
        if name is None or (len(name.split()) == 1 and rest):
            # only a role or an organisation ("Deputy Chief Constable", "Wessex Constabulary"):
            # it describes the person before it
            if people and people[-1].role is None and name is None:
                people[-1].role = candidate
            elif people and people[-1].organisation is None and name is not None:
                people[-1].organisation = candidate
            continue
        role, organisation, note = split_role(rest)
        if role and role.startswith("(") and role.endswith(")"):
            role = role[1:-1].strip() or None
        people.append(PersonMention(name, role, organisation, note))
    return people
