"""How a person is printed in each place of a paper.

The simulation (writing sentences), the composers (laying out attendance)
and the gold writer (stating what is printed) all call these helpers, so a
gold file names a person exactly as the document does: "D Hale" in a
council attendance list, "Hale" in "Councillors Hale and Iqbal", "NH" in a
sub-group's actions, "the Chief Constable" in a board's prose.
"""

from __future__ import annotations

from datetime import date

from minutebook.synth.styles import Style
from minutebook.synth.world import Person, World

#: Posts named by role even in bodies that otherwise use initials.
ROLE_POSTS = ("pcc", "dpcc", "cc", "dcc", "acc")


def listed_name(person: Person, style: Style) -> str:
    """The name in an attendance table or list."""
    if person.councillor:
        if style.councillor_names == "initial":
            return person.short
        return f"Councillor {person.first} {person.last}"
    if style.show_initials:
        return f"{person.name} ({person.initials})"
    return person.name


def gold_listed_name(person: Person, style: Style) -> str:
    """The name a labeller would record from the attendance: initials in brackets dropped."""
    if person.councillor:
        return listed_name(person, style)
    return person.name


def apology_name(person: Person, style: Style) -> str:
    """The name in an apologies sentence: councillors by surname after "Councillors"."""
    if person.councillor and style.apologies == "sentence":
        return person.last
    if person.councillor:
        return f"Councillor {person.last}"
    return person.name


def role_of(world: World, post: str, with_org: bool = True) -> str:
    """The role printed beside a name: "Chief Constable, Wessex Vale Constabulary"."""
    p = world.posts[post]
    if p.key.startswith(("seat", "sub")):
        return p.org  # a councillor's role is the council that appointed them
    if not with_org or not p.org:
        return p.title
    return f"{p.title}, {p.org}"


def refer(world: World, style: Style, post: str, when: date) -> str:
    """How prose names the holder of a post: by role, initials or name."""
    p = world.posts[post]
    person = p.holder(when)
    if post.startswith("seat") or post.startswith("sub"):
        return f"Councillor {person.last}"
    if style.refer == "role" or (style.refer == "initials" and post in ROLE_POSTS):
        return p.short
    if style.refer == "initials":
        return person.initials
    return person.name


def owner(world: World, style: Style, post: str, when: date) -> str:
    """The owner at the start of an action: "Chief Constable to ...", "NH would ..."."""
    text = refer(world, style, post, when)
    if text.startswith("the "):
        text = world.posts[post].title if style.refer == "role" else text[4:].strip()
    return text


def join(names: list[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
