"""Lay out one meeting's minutes as document blocks, in the body's house style.

Used for standalone minutes and for the previous minutes inside a pack.
Every fact gold.py states about a meeting is printed here, with the same
naming helpers, so the two cannot drift apart.
"""

from __future__ import annotations

from minutebook.synth.document import Block, Bullets, Heading, Para, Table
from minutebook.synth.model import Attendee, Item, LogEntry, Meeting
from minutebook.synth.naming import apology_name, join, listed_name, role_of
from minutebook.synth.schedule import format_date, format_time
from minutebook.synth.world import World

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _attendee_name(att: Attendee, m: Meeting, chair: bool = False) -> str:
    name = listed_name(att.person, m.style)
    if chair:
        name += " (Chair)"
    if att.note:
        name += f" ({att.note})"
    return name


def _attendance_rows(
    world: World, m: Meeting, label: str, people: list[Attendee], roles: bool
) -> list[list[str]]:
    rows: list[list[str]] = []
    for n, att in enumerate(people):
        role = role_of(world, att.post) if roles else ""
        if att.substitute_for is not None:
            role = f"Substitute for Councillor {att.substitute_for.last}"
        if att.post == m.body.chair and att.group == "member":
            role = f"{role} (Chair)" if role else "Chair"
        rows.append([label if n == 0 else "", _attendee_name(att, m), role])
    return rows


def header_blocks(world: World, m: Meeting, status: str | None) -> list[Block]:
    """Title, date, time, place and attendance."""
    style = m.style
    blocks: list[Block] = []
    when = format_date(m.date, style.date)
    time = format_time(m.start, style.time)
    if style.header == "sentence":
        blocks.append(Heading(f"{world.area.name} Police and Crime Panel".upper(), 1))
        blocks.append(
            Para(
                f"MINUTES OF A MEETING OF THE {style.body_name.upper()} HELD AT "
                f"{m.location.upper()} ON {when.upper()} AT {time.upper()}",
                bold=True,
            )
        )
    else:
        blocks.append(Para(f"Police and Crime Commissioner for {world.area.name}", centre=True))
        blocks.append(Heading(style.body_name.upper(), 1))
        if style.status_banner and status:
            blocks.append(Para(f"{status.upper()} MINUTES", bold=True, centre=True))
        blocks.append(
            Table(
                [["Date:", f"{when}", f"Time: {time}"], ["Location:", m.location, ""]],
                kind="plain",
                widths=[1.2, 3.5, 2],
            )
        )
    members = m.members
    if style.attendance_layout == "list":
        blocks.append(Para(_members_sentence(m), label=style.members_label))
    else:
        blocks.append(
            Table(
                _attendance_rows(world, m, style.members_label, members, style.roles_in_list),
                kind="attendance",
                widths=[1.4, 2.2, 4],
            )
        )
    groups = [(style.officers_label, m.officers)]
    if style.others_label:
        groups.append((style.others_label, m.others))
    else:
        groups[0] = (style.officers_label, m.officers + m.others)
    for label, people in groups:
        if people:
            blocks.append(
                Table(
                    _attendance_rows(world, m, label, people, True),
                    kind="attendance",
                    widths=[1.4, 2.2, 4],
                )
            )
    if style.apologies == "row":
        rows = [
            [
                ("Apologies:" if n == 0 else ""),
                apology_name(a.person, style),
                role_of(world, a.post),
            ]
            for n, a in enumerate(m.apologies)
        ]
        blocks.append(
            Table(rows or [["Apologies:", "None", ""]], kind="attendance", widths=[1.4, 2.2, 4])
        )
    return blocks


def _members_sentence(m: Meeting) -> str:
    """Council style: "Dawn Hale (Chair), Councillors D Marsh, J Iqbal and K Todd, Nia Ross"."""
    style = m.style
    chair = [a for a in m.members if a.post == m.body.chair]
    councillors = [a for a in m.members if a.person.councillor and a not in chair]
    others = [a for a in m.members if not a.person.councillor and a not in chair]
    parts = [_attendee_name(a, m, chair=True) for a in chair]
    if councillors:
        names = [_attendee_name(a, m) for a in councillors]
        if style.councillor_names == "initial":
            parts.append(("Councillors " if len(names) > 1 else "Councillor ") + join(names))
        else:
            parts.append(join(names))
    parts.extend(_attendee_name(a, m) for a in others)
    return ", ".join(parts)


def _item_blocks(world: World, m: Meeting, item: Item) -> list[Block]:
    style = m.style
    blocks: list[Block] = [Heading(item.title, 2, number=f"{item.number}.")]
    letter = 0
    roman = 0
    for k, para in enumerate(item.paragraphs, start=1):
        number = None
        if style.numbering == "decimal":
            number = f"{item.number}.{k}"
        elif para.lettered:
            number = f"{chr(ord('a') + letter)})"
            letter += 1
        if style.outcome == "roman" and (para.outcome or (para.action and not para.text)):
            number = f"({_ROMAN[roman % len(_ROMAN)]})"
            roman += 1
        text = para.text or (para.action.text if para.action else "")
        blocks.append(Para(text, number=number))
        if para.action and para.text and style.action_layout == "line":
            blocks.append(Para(para.action.text, label="Action:", indent=True))
    if item.kind == "log" and m.action_log:
        blocks.extend(_log_blocks(m, item))
    return blocks


def _log_blocks(m: Meeting, item: Item) -> list[Block]:
    style = m.style
    if style.log == "table":
        rows: list[list[str]] = []
        for e in m.action_log:
            a = e.action
            rows.append(
                [
                    a.ref,
                    format_date(a.raised_at, "plain"),
                    a.item_ref,
                    a.text,
                    a.owner,
                    e.update,
                    e.printed_status,
                ]
            )
        return [
            Table(
                rows,
                header=["Ref", "Raised", "Item", "Action", "Owner", "Update", "Status"],
                widths=[0.6, 1.1, 0.6, 2.8, 1.5, 2.6, 0.9],
            )
        ]
    out: list[Block] = []
    start = len(item.paragraphs) + 1
    for k, e in enumerate(m.action_log):
        number = f"{item.number}.{start + k}" if style.numbering == "decimal" else None
        out.append(Para(_log_sentence(m, e), number=number))
    return out


def _log_sentence(m: Meeting, e: LogEntry) -> str:
    a = e.action
    raised = format_date(a.raised_at, m.style.text_date)
    return (
        f"Action {a.ref} - Agenda Item {a.item_ref}, {raised} {m.style.noun} meeting - "
        f"{a.text} Update: {e.update} Action: {e.printed_status}."
    )


def minutes_blocks(world: World, m: Meeting, status: str | None) -> list[Block]:
    """The whole set of minutes for one meeting."""
    style = m.style
    blocks = header_blocks(world, m, status)
    for item in m.items:
        blocks.extend(_item_blocks(world, m, item))
    if style.action_layout == "table" and m.new_actions:
        blocks.append(Heading("Summary of Actions", 3))
        blocks.append(
            Table(
                [[a.item_ref, a.text] for a in m.new_actions],
                header=["Item", "Action"],
                widths=[0.8, 6],
            )
        )
    recs = [r for item in m.items for r in item.recommendations]
    if recs and m.body.kind == "pcp":
        blocks.append(Heading("Recommendations to the Commissioner", 3))
        blocks.append(Bullets([f"Item {r.item}: That {r.text}." for r in recs]))
    if style.close_line:
        blocks.append(Para(f"The meeting closed at {format_time(m.end, style.time)}."))
    chair = world.holder(m.body.chair, m.date)
    if status == "approved":
        blocks.append(
            Para(
                f"Signed: {chair.name} (Chair)    Date: "
                f"{format_date(m.next_date or m.date, 'numeric')}"
            )
        )
    else:
        blocks.append(Para("Chair: ..............................    Date: ..................."))
    return blocks
