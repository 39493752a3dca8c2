"""The posts every Commissioner's governance record knows before its first import.

Minutes often name a seat rather than a person ("the Chief Constable", "the
DPCC", "PCC CFO"); these posts and aliases let the importer resolve such a
mention to whoever held the seat that day. Posts first seen in attendance
lists ("Head of Business Development, Office of the Police and Crime
Commissioner") are added as they come.
"""

from __future__ import annotations

from dataclasses import dataclass

ORG_OPCC = "Office of the Police and Crime Commissioner"
ORG_FORCE = "Constabulary"


@dataclass(frozen=True)
class StandardPost:
    title: str
    organisation: str
    aliases: tuple[str, ...]
    single_holder: bool = True


STANDARD_POSTS: tuple[StandardPost, ...] = (
    StandardPost(
        "Police and Crime Commissioner",
        "",
        ("PCC", "Commissioner", "Police & Crime Commissioner"),
    ),
    StandardPost(
        "Deputy Police and Crime Commissioner",
        "",
        ("DPCC", "Deputy Commissioner", "Deputy PCC", "Deputy Police & Crime Commissioner"),
    ),
    StandardPost("Chief Constable", ORG_FORCE, ("CC",)),
    StandardPost("Deputy Chief Constable", ORG_FORCE, ("DCC",)),
    StandardPost("Assistant Chief Constable", ORG_FORCE, ("ACC",), single_holder=False),
    StandardPost("Chief Executive", ORG_OPCC, ("OPCC Chief Executive", "Chief Executive OPCC")),
    StandardPost(
        "Chief Finance Officer",
        ORG_OPCC,
        ("PCC CFO", "OPCC CFO", "CFO", "Chief Finance Officer OPCC", "PCC Chief Finance Officer"),
    ),
)
