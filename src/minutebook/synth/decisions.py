"""The Commissioner's decision book: numbering, signing and the decisions taken
outside any meeting.

Numbers run per year in the order decisions are made ("WVPCC 2024-008"), so
the book is shared by every body the simulation runs: a decision the Board
recommends and a grant the Commissioner signs alone draw on the same counter.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from minutebook.synth import prose
from minutebook.synth.model import Decision
from minutebook.synth.schedule import add_working_days, financial_year, format_date, is_working_day
from minutebook.synth.topics import STANDALONE_DECISIONS
from minutebook.synth.world import World

_FUNDING = (
    "the approved revenue budget",
    "the capital programme",
    "earmarked reserves",
    "grant funding",
)


class DecisionBook:
    def __init__(self, world: World) -> None:
        self.world = world
        self.prefix = world.area.decision_prefix
        self.counters: dict[int, int] = {}
        self.decisions: list[Decision] = []

    def _number(self, signed: date) -> str:
        n = self.counters.get(signed.year, 0) + 1
        self.counters[signed.year] = n
        return f"{self.prefix} {signed.year}-{n:03d}"

    def signed_between(self, after: date, until: date) -> list[Decision]:
        found = [d for d in self.decisions if after < d.signed <= until]
        return sorted(found, key=lambda d: d.number)

    def in_order(self) -> list[Decision]:
        return sorted(self.decisions, key=_order)

    def standalone_dates(self) -> list[date]:
        """Working days, every month or two, when the Commissioner decides alone."""
        rng = random.Random(f"minutebook-synth:{self.world.seed}:standalone")
        out: list[date] = []
        when = self.world.start + timedelta(days=rng.randint(10, 40))
        while when < self.world.end:
            out.append(when if is_working_day(when) else add_working_days(when, 1))
            when += timedelta(days=rng.randint(25, 70))
        return [d for d in out if d < self.world.end]

    def standalone(self, when: date) -> Decision:
        rng = random.Random(f"minutebook-synth:{self.world.seed}:decision:{when.isoformat()}")
        subject, text = rng.choice(STANDALONE_DECISIONS)
        fill = dict(town=rng.choice(self.world.area.towns[4:]), fy=financial_year(when))
        contact_post = rng.choice(("head_policy", "ceo", "pcc_cfo"))
        report_date = add_working_days(when, -rng.randint(3, 12))
        return self.record(
            rng,
            when,
            subject.format(**fill),
            text.format(**fill),
            contact_post,
            [
                f"Report of the {self.world.posts[contact_post].title} dated "
                f"{format_date(report_date, 'plain')}"
            ],
        )

    def record(
        self,
        rng: random.Random,
        signed: date,
        subject: str,
        text: str,
        contact_post: str,
        background: list[str],
        source: str | None = None,
        exempt: str | None = None,
    ) -> Decision:
        """Number and sign a decision; the Commissioner in post that day signs it."""
        world = self.world
        summary = [
            f"The Commissioner has considered a report on {subject[0].lower() + subject[1:]}"
            " and is satisfied that the proposal supports the Police and Crime Plan.",
            prose.report_paragraph(rng, "the proposal", "Commissioner", 3),
        ]
        if rng.random() < 0.5:
            summary.append(
                f"The cost of £{rng.randint(12, 950) * 1000:,} will be met from "
                f"{rng.choice(_FUNDING)}."
            )
        decision = Decision(
            number=self._number(signed),
            signed=signed,
            subject=subject,
            decision=text + ".",
            summary=summary,
            contact_post=contact_post,
            contact=world.holder(contact_post, signed),
            signed_by=world.holder("pcc", signed),
            background=background,
            exempt=exempt,
            source=source,
        )
        self.decisions.append(decision)
        return decision


def _order(d: Decision) -> tuple[int, int]:
    year, n = d.number.split()[-1].split("-")
    return int(year), int(n)
