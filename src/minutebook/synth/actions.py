"""Actions: raised at one meeting, reviewed at every later one until closed.

An ActionBook belongs to one body. Raising an action fixes its printed form
(reference, text, owner, due) once; reviewing it at the next meeting adds a
log entry with an update and a status. An action asking for a report back
puts an item on the agenda of the meeting it names and is closed there.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from minutebook.synth import prose
from minutebook.synth.model import Action, Item, LogEntry, Meeting, Paragraph
from minutebook.synth.naming import owner, refer
from minutebook.synth.planning import Planned
from minutebook.synth.schedule import month_year
from minutebook.synth.world import World


@dataclass
class ActionBook:
    open_actions: list[Action] = field(default_factory=list)
    reviews_done: dict[str, int] = field(default_factory=dict)
    counter: int = 0

    def _ref(self, m: Meeting) -> str:
        self.counter += 1
        n = self.counter
        return {
            "dotzero": f"{n}.0",
            "coded": f"{m.body.key.upper()}/{m.date.year % 100:02d}/{n:02d}",
            "letter": f"A{n}",
        }[m.style.action_ref]

    def raise_action(
        self,
        world: World,
        m: Meeting,
        item: Item,
        rng: random.Random,
        owner_post: str,
        aspect: str,
        para: Paragraph,
        plans: list[list[Planned]],
        report_back: bool = True,
    ) -> Action:
        """Record a new action under `para` of `item`, in the meeting's house style."""
        style, body = m.style, m.body
        ref = self._ref(m)
        ahead = 1 if rng.random() < 0.7 else 2
        due_date = body.dates[min(m.index + 1 + ahead, len(body.dates) - 1)]
        report_back = (
            report_back and rng.random() < 0.3 and m.index + ahead < len(body.meeting_dates)
        )
        who = owner(world, style, owner_post, m.date)
        due: str | None = f"{month_year(due_date)} {style.noun}"
        if report_back:
            task = f"bring a report on {aspect} to the {due}"
        else:
            r = rng.random()
            task = prose.task(rng, aspect)
            if r < 0.55:
                task += f" to the {due}"
            elif r < 0.8:
                task += " for the next meeting"
                due, due_date = "next meeting", body.dates[m.index + 2]
            else:
                due = None
        verb = " would " if style.outcome == "roman" else " to "
        action = Action(
            ref,
            body.key,
            m.date,
            str(item.number),
            f"{who}{verb}{task}.",
            who,
            owner_post,
            due,
            due_date if due else None,
            rng.choice((1, 1, 2, 2, 3)),
            report_back,
            aspect,
        )
        if style.outcome == "roman":  # "(ii) NH would ...": the action is its own point
            item.paragraphs.append(Paragraph("", action=action))
        elif para.action is None:
            para.action = action
        else:  # one action per paragraph: minute a short exchange for the second
            item.paragraphs.append(
                Paragraph(
                    prose.discussion(
                        rng,
                        refer(world, style, body.chair, m.date),
                        refer(world, style, owner_post, m.date),
                        aspect,
                        style.noun,
                    ),
                    action=action,
                )
            )
            para = item.paragraphs[-1]
        if style.numbering == "decimal" and style.outcome != "roman":
            position = next(k for k, p in enumerate(item.paragraphs, start=1) if p is para)
            action.item_ref = f"{item.number}.{position}"
        item.actions.append(action)
        self.open_actions.append(action)
        if report_back:
            plans[m.index + ahead].append(
                Planned(
                    "update", f"{prose.title_case(aspect)} - Update", owner_post, None, aspect, ref
                )
            )
        return action

    def review(self, m: Meeting, rng: random.Random) -> None:
        """Review every open action at this meeting: an update and a status for each."""
        style = m.style
        still_open: list[Action] = []
        for action in self.open_actions:
            done = self.reviews_done.get(action.ref, 0) + 1
            self.reviews_done[action.ref] = done
            covered = next(
                (it for it in m.items if it.kind == "update" and it.answers_action == action.ref),
                None,
            )
            closed = covered is not None or (not action.report_back and done >= action.reviews)
            if covered is not None:
                text = f"A report was presented at item {covered.number} of this meeting."
            else:
                text = prose.update(rng, closed)
            if closed:
                action.closed_at = m.date
                status, printed = "closed", style.closed_word
            else:
                still_open.append(action)
                printed = style.ongoing_word
                status = "open" if printed == "Open" else "on-going"
            m.action_log.append(LogEntry(action, text, status, printed))
        self.open_actions = still_open
