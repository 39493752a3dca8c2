"""Board and Panel reports, the forward plan and the decisions report of a pack.

Reports carry no gold facts; they are there because real packs are mostly
reports, with tables of figures, RAG statuses and risk scores that a parser
must walk past without mistaking them for minutes or decisions.
"""

from __future__ import annotations

import random
from datetime import date

from minutebook.synth import prose
from minutebook.synth.decision import decisions_table
from minutebook.synth.document import Block, Heading, Para, Table
from minutebook.synth.model import Item, Meeting
from minutebook.synth.schedule import format_date
from minutebook.synth.world import World

_BUDGET_LINES = (
    "Police officer pay",
    "Police staff pay",
    "PCSO pay",
    "Overtime",
    "Premises",
    "Transport",
    "Supplies and services",
    "Third party payments",
    "Capital financing",
    "Income",
)
_SCHEMES = (
    "Custody suite works",
    "Response vehicle replacement",
    "Mobile data devices",
    "Control room upgrade",
    "Station refurbishments",
    "Body worn video",
    "Network refresh",
)
_RISKS = (
    "Funding settlement below assumptions",
    "ICT system resilience",
    "Officer recruitment and retention",
    "Demand from mental health incidents",
    "Data protection compliance",
    "Collaboration benefits not realised",
)


def _finance_table(rng: random.Random) -> Table:
    rows: list[list[str]] = []
    total_b = total_f = 0
    for line in _BUDGET_LINES[: rng.randint(6, len(_BUDGET_LINES))]:
        budget = rng.randint(300, 90000)
        forecast = budget + rng.randint(-budget // 20, budget // 25)
        total_b, total_f = total_b + budget, total_f + forecast
        rows.append([line, f"{budget:,}", f"{forecast:,}", f"{forecast - budget:,}"])
    rows.append(["Total", f"{total_b:,}", f"{total_f:,}", f"{total_f - total_b:,}"])
    return Table(
        rows,
        header=["Budget line", "Budget £000", "Forecast £000", "Variance £000"],
        widths=[3, 1.5, 1.5, 1.5],
    )


def _capital_table(rng: random.Random) -> Table:
    rows = []
    for scheme in rng.sample(_SCHEMES, k=rng.randint(4, len(_SCHEMES))):
        budget = rng.randint(50, 4000)
        spent = rng.randint(0, budget)
        rows.append(
            [
                scheme,
                f"{budget:,}",
                f"{spent:,}",
                f"{budget + rng.randint(-budget // 10, budget // 10):,}",
                rng.choice(("On track", "Delayed", "Complete", "Not started")),
            ]
        )
    return Table(
        rows,
        header=["Scheme", "Budget £000", "Spent £000", "Forecast £000", "Status"],
        widths=[2.6, 1.2, 1.2, 1.3, 1.2],
    )


def _rag_table(rng: random.Random, aspects: tuple[str, ...], noun: str) -> Table:
    rows = []
    for n in range(1, rng.randint(4, 7)):
        aspect = rng.choice(aspects)
        rows.append(
            [
                f"C{n}",
                prose.cap(prose.task(rng, aspect)),
                rng.choice(("DCC", "ACC", "CEO", "PCC CFO")),
                prose.report_paragraph(rng, aspect, noun, rng.randint(1, 3)),
                rng.choice(("Green", "Amber", "Red", "Green", "Amber")),
            ]
        )
    return Table(
        rows,
        header=["Ref", "Commitment", "Lead", "Update", "RAG"],
        widths=[0.5, 2.2, 0.7, 3.6, 0.7],
    )


def _risk_table(rng: random.Random) -> Table:
    rows = []
    for risk in rng.sample(_RISKS, k=4):
        before = rng.randint(3, 5) * rng.randint(3, 5)
        after = max(2, before - rng.randint(3, 10))
        rows.append(
            [
                risk,
                rng.choice(("CEO", "DCC", "Director of Finance")),
                str(before),
                str(after),
                rng.choice(("Improving", "Stable", "Worsening")),
            ]
        )
    return Table(
        rows,
        header=["Risk", "Owner", "Inherent", "Residual", "Direction"],
        widths=[3, 1.6, 0.9, 0.9, 1.1],
    )


def report_blocks(world: World, m: Meeting, item: Item, rng: random.Random) -> list[Block]:
    """A report to the body: purpose, recommendation, background, detail, implications."""
    style = m.style
    noun = style.noun
    presenter = world.posts[item.presenter or m.body.chair]
    aspects = item.topic.aspects if item.topic else (item.aspect or "the matters raised",)
    recommend = (
        "approve the recommendations set out in section 4"
        if item.topic and item.topic.kind in ("approve", "decision")
        else "note the report"
    )
    blocks: list[Block] = [
        Para(f"To: {style.body_name}", bold=True),
        Para(f"From: {presenter.title}", bold=True),
        Para(f"Date: {format_date(m.date, 'plain')}", bold=True),
        Heading(item.title.upper(), 2),
        Heading("1. Purpose", 3),
        Para(f"The purpose of this report is to inform the {noun} of {aspects[0]}.", number="1.1"),
        Heading("2. Recommendation", 3),
        Para(f"The {noun} is recommended to {recommend}.", number="2.1"),
        Heading("3. Background", 3),
    ]
    for n in range(1, rng.randint(3, 5)):
        blocks.append(
            Para(
                prose.report_paragraph(rng, rng.choice(aspects), noun, rng.randint(3, 5)),
                number=f"3.{n}",
            )
        )
    blocks.append(Heading(f"4. {prose.title_case(rng.choice(aspects))}", 3))
    for n in range(1, rng.randint(2, 4)):
        blocks.append(
            Para(prose.report_paragraph(rng, rng.choice(aspects), noun, 4), number=f"4.{n}")
        )
    table = item.topic.table if item.topic else None
    if table == "finance":
        blocks.append(_finance_table(rng))
    elif table == "capital":
        blocks.append(_capital_table(rng))
    elif table == "rag":
        blocks.append(_rag_table(rng, aspects, noun))
    elif table == "risk":
        blocks.append(_risk_table(rng))
    blocks.append(Heading("5. Implications", 3))
    blocks.append(
        Para("Financial: " + prose.report_paragraph(rng, "the budget", noun, 2), number="5.1")
    )
    blocks.append(
        Para("Legal: there are no legal implications arising from this report.", number="5.2")
    )
    blocks.append(
        Para("Equality: " + prose.report_paragraph(rng, "equality", noun, 1), number="5.3")
    )
    blocks.append(Heading("6. Background Papers", 3))
    blocks.append(Para("None."))
    contact = presenter.holder(m.date)
    blocks.append(Para(f"Contact Officer: {contact.name}, {presenter.title}", italic=True))
    return blocks


def forward_plan_blocks(world: World, m: Meeting) -> list[Block]:
    rows: list[list[str]] = []
    for when, entries in m.forward_plan:
        for title, presenter, kind in entries:
            rows.append(
                [
                    format_date(when, "plain"),
                    title,
                    world.posts[presenter].title,
                    "Decision"
                    if kind == "decision"
                    else "Approval"
                    if kind == "approve"
                    else "Noting",
                ]
            )
    blocks: list[Block] = [
        Heading("FORWARD PLAN", 2),
        Para(f"Items planned for future meetings of the {m.style.body_name}."),
    ]
    if rows:
        blocks.append(
            Table(rows, header=["Meeting", "Item", "Lead", "For"], widths=[1.3, 3.4, 2.3, 1])
        )
    else:
        blocks.append(Para("No items are yet planned."))
    return blocks


def decisions_report_blocks(world: World, m: Meeting, item: Item, since: date) -> list[Block]:
    """The covering report listing decisions since the last meeting."""
    noun = m.style.noun
    blocks: list[Block] = [
        Para(f"To: {m.style.body_name}", bold=True),
        Para(f"From: {world.posts['ceo'].title}", bold=True),
        Para(f"Date: {format_date(m.date, 'plain')}", bold=True),
        Heading(item.title.upper(), 2),
        Para(
            f"This report lists the decisions taken by the Commissioner since "
            f"{format_date(since, 'plain')}, so that the {noun} may review them.",
            number="1.1",
        ),
        Para(
            "The decision records are attached as appendices and are published on the "
            "Commissioner's website.",
            number="1.2",
        ),
    ]
    if item.decisions_cited:
        blocks.append(decisions_table(item.decisions_cited))
    else:
        blocks.append(Para("No decisions have been taken since the last meeting."))
    return blocks
