"""Lay out a decision record of the Commissioner.

Published on its own and again as an appendix of the Panel's and the
Board's packs, so the same record turns up in several documents: the
importer must recognise it as one decision.
"""

from __future__ import annotations

from minutebook.synth.document import Block, Heading, Para, Table
from minutebook.synth.model import Decision
from minutebook.synth.schedule import format_date
from minutebook.synth.world import World


def _phone(decision: Decision) -> str:
    # 01632 960000-960999 is the Ofcom range reserved for drama: never a real line.
    digits = sum(ord(c) for c in decision.contact.name) % 1000
    return f"01632 960{digits:03d}"


def _email(world: World, decision: Decision) -> str:
    person = decision.contact
    return f"{person.first.lower()}.{person.last.lower()}@{world.area.email_domain}"


def decision_blocks(world: World, d: Decision) -> list[Block]:
    """One decision record: the table of fields, then the signature block."""
    area = world.area
    heading = (
        f"{area.name.upper()} POLICE AND CRIME COMMISSIONER DECISION RECORD - {d.number}"
        if world.seed % 2
        else f"Record of Decision {d.number}"
    )
    contact_title = world.posts[d.contact_post].title
    rows = [
        ["Subject", d.subject],
        ["Decision", d.decision],
        ["Decision Summary", " ".join(d.summary)],
        [
            "Financial Implications",
            "Set out in the summary above."
            if len(d.summary) > 2
            else "None beyond existing budgets.",
        ],
        [
            "Legal Implications",
            "The Commissioner has the power to make this decision under the Police Reform and "
            "Social Responsibility Act 2011.",
        ],
        [
            "Public Access",
            d.exempt or "This record will be published in full. There is no exempt part.",
        ],
        [
            "Contact Officer",
            f"{d.contact.name}, {contact_title}. Tel: {_phone(d)}. Email: {_email(world, d)}",
        ],
        ["Background Papers", "; ".join(d.background) or "None"],
    ]
    return [
        Para(f"Police and Crime Commissioner for {area.name}", centre=True),
        Heading(heading, 1),
        Table(rows, kind="grid", widths=[1.6, 5.4]),
        Para(f"{d.signed_by.name}, Police and Crime Commissioner for {area.name}", bold=True),
        Para(
            "I have considered the information above and I approve the decision set out in "
            "this record."
        ),
        Para("Signature: (signed)"),
        Para(f"Date: {format_date(d.signed, 'numeric')}"),
    ]


def decisions_table(ds: list[Decision]) -> Table:
    """A list of decisions, as in a Panel report: date, number, subject, decision."""
    return Table(
        [[format_date(d.signed, "ordinal"), d.number, d.subject, d.decision] for d in ds],
        header=["Date", "Decision Number", "Subject", "Decision"],
        widths=[1.3, 1.4, 2.4, 2.9],
    )
