"""Agendas and agenda packs.

An agenda is the notice of a meeting with its numbered items; a pack is the
agenda followed by every paper (the previous minutes, reports, decision
records, the forward plan) as one document, with the page range of each
paper printed against its item. Page ranges are left as PageRange blocks
for the renderer to fill once it has laid the pages out.
"""

from __future__ import annotations

import random

from minutebook.synth.decision import decision_blocks
from minutebook.synth.document import (
    Anchor,
    Block,
    Cell,
    Heading,
    PageBreak,
    PageRange,
    Para,
    Table,
)
from minutebook.synth.minutes import minutes_blocks
from minutebook.synth.model import Item, Meeting
from minutebook.synth.naming import join, listed_name
from minutebook.synth.reports import decisions_report_blocks, forward_plan_blocks, report_blocks
from minutebook.synth.schedule import format_date, format_time, publication_date
from minutebook.synth.world import World


def _lead(world: World, m: Meeting, item: Item) -> str:
    if item.kind == "decisions":
        return world.posts["ceo"].title
    if item.presenter:
        return world.posts[item.presenter].title
    return "Chair"


def _purpose(item: Item) -> str:
    if item.exempt:
        return "Decision (exempt)"
    kind = item.topic.kind if item.topic else "note"
    if item.kind == "minutes":
        return "Approval"
    return {"decision": "Decision", "approve": "Approval"}.get(kind, "Noting")


def has_paper(item: Item, m: Meeting, previous: Meeting | None) -> bool:
    if item.kind == "minutes":
        return previous is not None
    return item.kind in ("report", "update", "decisions")


def agenda_blocks(world: World, m: Meeting, previous: Meeting | None, pack: bool) -> list[Block]:
    style = m.style
    when = format_date(m.date, style.date)
    time = format_time(m.start, style.time)
    blocks: list[Block] = []
    if m.body.kind == "pcp":
        secretary = world.holder("panel_sec", m.date)
        blocks += [
            Heading(style.body_name.upper(), 1),
            Para(f"{when.upper()}, {time.upper()}", bold=True),
            Para(m.location, bold=True),
            Para(
                f"Contact - {secretary.name}, {secretary.first.lower()}.{secretary.last.lower()}"
                f"@{world.area.host_council.split()[0].lower()}.example, 01632 960"
                f"{len(secretary.name) * 7:03d}"
            ),
            Heading("AGENDA", 2),
        ]
    else:
        blocks += [
            Para(f"Police and Crime Commissioner for {world.area.name}", centre=True),
            Heading(style.body_name.upper(), 1),
            Heading("AGENDA", 2),
            Table(
                [["Date:", when], ["Time:", time], ["Venue:", m.location]],
                kind="plain",
                widths=[1.2, 5.5],
            ),
        ]
    rows: list[list[Cell]] = []
    for item in m.items:
        row: list[Cell] = [f"{item.number}.", item.title, _lead(world, m, item)]
        if pack:
            row.append(PageRange(f"item{item.number}") if has_paper(item, m, previous) else "")
        else:
            row.append(_purpose(item))
        rows.append(row)
    header = ["Item", "Title", "Lead", "Pages" if pack else "Purpose"]
    blocks.append(Table(rows, header=header, widths=[0.6, 4.2, 2.2, 1.0], kind="plain"))
    exempt = [it for it in m.items if it.exempt]
    for it in exempt:
        blocks.append(
            Para(
                f"Item {it.number} is likely to be considered in private as it contains "
                f"exempt information under {it.exempt} of Schedule 12A to the Local "
                "Government Act 1972.",
                italic=True,
            )
        )
    if m.body.kind == "pcp":
        members = [listed_name(world.holder(k, m.date), style) for k in m.body.members]
        blocks.append(Heading("Membership", 3))
        blocks.append(Para(join(members)))
        blocks.append(
            Para(f"Published: {format_date(publication_date(m.date), 'plain')}", italic=True)
        )
    return blocks


def pack_blocks(
    world: World, m: Meeting, previous: Meeting | None, rng: random.Random
) -> list[Block]:
    """Agenda, then each paper on a new page, marked with an Anchor for the page ranges."""
    blocks = agenda_blocks(world, m, previous, pack=True)
    for item in m.items:
        if not has_paper(item, m, previous):
            continue
        blocks += [PageBreak(), Anchor(f"item{item.number}")]
        if item.kind == "minutes" and previous is not None:
            blocks += minutes_blocks(world, previous, "draft")
        elif item.kind == "decisions":
            since = previous.date if previous else m.body.dates[0]
            blocks += decisions_report_blocks(world, m, item, since)
            for n, d in enumerate(m.pack_decisions, start=1):
                blocks += [PageBreak(), Para(f"Appendix {n}", bold=True)]
                blocks += decision_blocks(world, d)
            blocks += [PageBreak(), *forward_plan_blocks(world, m)]
        else:
            blocks += report_blocks(world, m, item, rng)
    return blocks
