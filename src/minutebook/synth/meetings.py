"""The simulation: every meeting of every body, in date order.

Going through time in order is what makes the record hang together: an
action raised at one meeting is reviewed at the next until it is closed, a
decision the Board recommends is signed days later, numbered in the year's
sequence, and cited at the next Board and in the Panel's pack, and minutes
are approved at the following meeting.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from minutebook.synth import prose
from minutebook.synth.actions import ActionBook
from minutebook.synth.attendance import take_attendance
from minutebook.synth.decisions import DecisionBook
from minutebook.synth.model import (
    Declaration,
    Item,
    Meeting,
    Paragraph,
    Recommendation,
    Record,
)
from minutebook.synth.naming import apology_name, join, refer
from minutebook.synth.planning import Planned, plan_body
from minutebook.synth.schedule import (
    add_working_days,
    format_date,
    format_time,
    publication_date,
)
from minutebook.synth.styles import Style
from minutebook.synth.world import Body, World

_OPENING = {
    "bcb": ("welcome", "declarations", "minutes", "log"),
    "pcp": ("welcome", "declarations", "minutes", "log"),
    "fsg": ("welcome", "minutes", "log"),
    "esg": ("welcome", "declarations", "minutes", "log"),
    "jac": ("welcome", "declarations", "minutes", "log"),
}
_CLOSING = {
    "bcb": ("decisions", "aob", "next"),
    "pcp": ("decisions", "next"),
    "fsg": ("aob", "next"),
    "esg": ("aob", "next"),
    "jac": ("aob", "next"),
}


@dataclass
class _BodyState:
    actions: ActionBook = field(default_factory=ActionBook)
    pending_minutes: list[date] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)


class Simulation:
    """Runs the bodies' meetings and the Commissioner's decisions in one timeline."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.seed = world.seed
        self.book = DecisionBook(world)
        self.plans: dict[str, list[list[Planned]]] = {}
        self.states: dict[str, _BodyState] = {}
        for body in world.bodies:
            rng = random.Random(f"minutebook-synth:{self.seed}:plan:{body.key}")
            self.plans[body.key] = plan_body(world, body, rng)
            self.states[body.key] = _BodyState(pending_minutes=[body.dates[0]])

    # -- the run ---------------------------------------------------------
    def run(self) -> Record:
        events: list[tuple[date, int, str, int]] = []
        for order, body in enumerate(self.world.bodies):
            for i, when in enumerate(body.meeting_dates):
                events.append((when, order, body.key, i))
        for when in self.book.standalone_dates():
            events.append((when, 99, "", -1))
        events.sort()
        bodies = {b.key: b for b in self.world.bodies}
        for when, _order, key, i in events:
            if key:
                self._meeting(bodies[key], i, when)
            else:
                self.book.standalone(when)
        meetings = {key: state.meetings for key, state in self.states.items()}
        return Record(meetings, self.book.in_order())

    # -- one meeting -----------------------------------------------------
    def _meeting(self, body: Body, i: int, when: date) -> None:
        rng = random.Random(f"minutebook-synth:{self.seed}:meeting:{body.key}:{when.isoformat()}")
        style = body.style_at(when)
        state = self.states[body.key]
        m = Meeting(body, i, when, style)
        m.start = body.start_time + (rng.choice((-30, 30)) if rng.random() < 0.15 else 0)
        m.location = body.venues[0] if rng.random() < 0.7 else rng.choice(body.venues)
        planned = self.plans[body.key][i]
        kinds = [*_OPENING[body.kind], *(["planned"] * len(planned)), *_CLOSING[body.kind]]
        items: list[Item] = []
        planned_iter = iter(planned)
        for n, kind in enumerate(kinds, start=1):
            if kind == "planned":
                p = next(planned_iter)
                items.append(
                    Item(
                        n,
                        p.kind,
                        p.title,
                        p.topic,
                        p.presenter,
                        paper=True,
                        exempt="paragraph 3" if p.topic and p.topic.kind == "exempt" else None,
                        aspect=p.aspect,
                        answers_action=p.action_ref,
                    )
                )
            else:
                items.append(Item(n, kind, ""))
        m.items = items
        duration = 40 + 14 * len(planned) + rng.randint(-5, 30)
        m.end = m.start + max(45, duration // 5 * 5)
        m.next_date = body.dates[i + 2]
        m.next_location = body.venues[0]
        take_attendance(self.world, m, rng)
        for item in items:
            self._fill_item(m, item, rng, state)
        m.forward_plan = [
            (
                body.meeting_dates[j],
                [
                    (p.title, p.presenter, p.topic.kind if p.topic else "note")
                    for p in self.plans[body.key][j]
                ],
            )
            for j in range(i + 1, min(i + 4, len(body.meeting_dates)))
        ]
        state.meetings.append(m)

    # -- items -----------------------------------------------------------
    def _fill_item(self, m: Meeting, item: Item, rng: random.Random, state: _BodyState) -> None:
        style, world = m.style, self.world
        noun = style.noun
        if item.kind == "welcome":
            item.title = style.welcome_title
            self._welcome(m, item, rng)
        elif item.kind == "declarations":
            item.title = style.declarations_title
            self._declarations(m, item, rng)
        elif item.kind == "minutes":
            self._minutes_item(m, item, rng, state)
        elif item.kind == "log":
            item.title = style.log_title
            self._log_item(m, item, rng, state)
        elif item.kind == "decisions":
            item.title = style.decisions_title
            self._decisions_item(m, item, rng)
        elif item.kind == "aob":
            item.title = style.aob_title
            if rng.random() < 0.35:
                asker = rng.choice(m.members).post
                text = prose.aob(
                    rng, refer(world, style, asker, m.date), rng.choice(world.area.towns[4:]), noun
                )
                item.paragraphs.append(Paragraph(text))
                if rng.random() < 0.3:
                    self._new_action(
                        m,
                        item,
                        rng,
                        state,
                        asker,
                        "the matter raised",
                        item.paragraphs[-1],
                        report_back=False,
                    )
            else:
                item.paragraphs.append(Paragraph("There was no other business."))
        elif item.kind == "next":
            item.title = style.next_title
            nxt = m.next_date or m.body.dates[m.index + 2]
            item.paragraphs.append(
                Paragraph(
                    f"The next meeting will be held on {format_date(nxt, style.text_date)} at "
                    f"{format_time(m.body.start_time, style.time)}, {m.next_location}."
                )
            )
        else:
            self._report_item(m, item, rng, state)

    def _welcome(self, m: Meeting, item: Item, rng: random.Random) -> None:
        world, style = self.world, m.style
        chair = refer(world, style, m.body.chair, m.date)
        if m.body.kind == "pcp":
            chair = "The Chair"
        item.paragraphs.append(Paragraph(prose.cap(f"{chair} welcomed everyone to the meeting.")))
        for att in m.members + m.officers + m.others:
            started = world.posts[att.post].started(m.date)
            if (
                att.post in ("cc", "pcc", "ceo", "pcc_cfo", "force_cfo", "dcc")
                and timedelta(0) <= m.date - started < timedelta(days=75)
                and started > world.start
            ):
                item.paragraphs[-1].text += (
                    f" {prose.cap(chair)} welcomed {att.person.name} to "
                    f"the {style.noun} as the new {world.posts[att.post].title}."
                )
        if style.apologies == "row":
            item.paragraphs.append(
                Paragraph(
                    "Apologies were noted as recorded above."
                    if m.apologies
                    else "There were no apologies."
                )
            )
        elif not m.apologies:
            item.paragraphs.append(Paragraph("There were no apologies for absence."))
        elif style.apologies == "sentence":
            councillors = [
                apology_name(a.person, style) for a in m.apologies if a.person.councillor
            ]
            others = [apology_name(a.person, style) for a in m.apologies if not a.person.councillor]
            parts = []
            if councillors:
                parts.append(
                    ("Councillors " if len(councillors) > 1 else "Councillor ") + join(councillors)
                )
            if others:
                parts.append(join(others))
            item.paragraphs.append(
                Paragraph(
                    "Apologies for absence were received from " + " and from ".join(parts) + "."
                )
            )
        else:
            named = [
                f"{apology_name(a.person, style)}, {world.posts[a.post].title}" for a in m.apologies
            ]
            item.paragraphs.append(Paragraph("Apologies were received from " + join(named) + "."))
        for att in m.substitutes:
            assert att.substitute_for is not None
            item.paragraphs.append(
                Paragraph(
                    f"Councillor {att.person.last} attended as substitute for "
                    f"Councillor {att.substitute_for.last}."
                )
            )

    def _declarations(self, m: Meeting, item: Item, rng: random.Random) -> None:
        reports = [it for it in m.items if it.kind in ("report", "update")]
        candidates = [a for a in m.members if a.post != m.body.chair]
        count = 0 if rng.random() > 0.22 or not reports else (2 if rng.random() < 0.2 else 1)
        for att in rng.sample(candidates, k=min(count, len(candidates))):
            target = rng.choice(reports)
            council = self.world.posts[att.post].org or self.world.area.councils[0]
            reason = prose.declaration_reason(
                rng, rng.choice(self.world.area.towns[4:]), council, att.person.councillor
            )
            printed = f"Councillor {att.person.last}" if att.person.councillor else att.person.name
            text = f"declared a personal interest in item {target.number} {reason}"
            m.declarations.append(Declaration(att.person, printed, str(target.number), text))
            item.paragraphs.append(Paragraph(f"{printed} {text}."))
        if not m.declarations:
            item.paragraphs.append(Paragraph("There were no declarations of interest."))

    def _minutes_item(self, m: Meeting, item: Item, rng: random.Random, state: _BodyState) -> None:
        style = m.style
        pending = list(state.pending_minutes)
        printed = [format_date(d, style.text_date) for d in pending]
        joined = " and ".join(printed) if len(printed) < 3 else join(printed)
        title = style.minutes_title.format(dates=joined)
        if len(pending) > 1:
            title = title.replace("Meeting held", "Meetings held").replace(
                "meeting held", "meetings held"
            )
        item.title = title
        which = "the meeting" if len(pending) == 1 else "the meetings"
        if m.index > 0 and len(pending) == 1 and rng.random() < 0.06:
            item.outcome = "deferred"
            item.paragraphs.append(
                Paragraph(
                    f"The minutes of {which} held on {joined} were not available and would be "
                    f"presented to the next meeting.",
                    outcome=True,
                )
            )
            state.pending_minutes.append(m.date)
            return
        amendment = ""
        if rng.random() < 0.1:
            amendment = (
                f", subject to an amendment to item {rng.randint(4, 8)} to correct "
                f"the figure given for {rng.choice(('overtime', 'vacancies', 'reserves'))}"
            )
        item.outcome = "approved"
        item.paragraphs.append(
            Paragraph(
                f"The minutes of {which} held on {joined} were approved as a true and accurate "
                f"record{amendment}.",
                outcome=True,
            )
        )
        m.approves = pending
        for earlier in state.meetings:
            if earlier.date in pending:
                earlier.minutes_approved = True
        state.pending_minutes = [m.date]

    def _log_item(self, m: Meeting, item: Item, rng: random.Random, state: _BodyState) -> None:
        state.actions.review(m, rng)
        if m.action_log:
            item.paragraphs.append(Paragraph(f"The {m.style.noun} reviewed the action log."))
        else:
            item.paragraphs.append(Paragraph("There were no actions on the log."))
        item.outcome = "noted"

    def _decisions_item(self, m: Meeting, item: Item, rng: random.Random) -> None:
        body = m.body
        cited = self.book.signed_between(
            publication_date(body.dates[m.index]), publication_date(m.date)
        )
        item.decisions_cited = cited
        m.pack_decisions = cited
        item.paper = True
        noun = m.style.noun
        if not cited:
            item.paragraphs.append(
                Paragraph(
                    f"The {noun} noted that no decisions had been signed since the last meeting."
                )
            )
        elif body.kind == "pcp":
            numbers = join([d.number for d in cited])
            item.paragraphs.append(
                Paragraph(
                    "The Panel received a report on the decisions taken by the Commissioner since "
                    f"the last meeting: {numbers}."
                )
            )
            if rng.random() < 0.3:
                pick = rng.choice(cited)
                rec = (
                    f"the Commissioner provide further information on decision {pick.number} "
                    f"({pick.subject}) to the next meeting"
                )
                item.recommendations.append(
                    Recommendation(str(item.number), "the Commissioner", rec)
                )
                item.paragraphs.append(Paragraph(f"The Panel RECOMMENDED that {rec}."))
        else:
            for d in cited:
                item.paragraphs.append(
                    Paragraph(
                        f"Decision Notice {d.number} ({d.subject}) was signed on "
                        f"{format_date(d.signed, m.style.text_date)}."
                    )
                )
        if body.kind == "bcb":
            item.paragraphs.append(Paragraph(f"The {noun} noted the forward plan."))
        item.outcome = "noted"
        item.paragraphs.append(Paragraph(_outcome_text(m.style, "note", noun), outcome=True))

    # -- reports ---------------------------------------------------------
    def _report_item(self, m: Meeting, item: Item, rng: random.Random, state: _BodyState) -> None:
        world, style = self.world, m.style
        noun = style.noun
        topic = item.topic
        aspects = list(topic.aspects) if topic else ["the matters raised"]
        if item.aspect:
            aspects = [item.aspect]
        presenter = refer(world, style, item.presenter or "ceo", m.date)
        if item.kind == "confirmation":
            self._confirmation(m, item)
            return
        if item.exempt:
            item.paragraphs.append(
                Paragraph(
                    "This item was considered in private as the report contained exempt information "
                    f"under {item.exempt} of Schedule 12A to the Local Government Act 1972."
                )
            )
            item.outcome = "agreed"
            item.paragraphs.append(
                Paragraph(
                    f"The {noun} AGREED the recommendations set out in the exempt report.",
                    outcome=True,
                )
            )
            return
        if topic and topic.notes:
            note = rng.choice(topic.notes).format(town=rng.choice(world.area.towns[4:]))
            item.paragraphs.append(Paragraph(note))
            item.outcome = "noted"
            item.paragraphs.append(Paragraph(_outcome_text(style, "note", noun), outcome=True))
            return
        item.paragraphs.append(Paragraph(prose.intro(rng, presenter, rng.choice(aspects), noun)))
        askers = [a.post for a in m.members if a.post != item.presenter] or [m.body.chair]
        lettered = style.numbering == "lettered"
        for _ in range(rng.randint(1, 3) if not lettered else rng.randint(2, 5)):
            aspect = rng.choice(aspects)
            if lettered:
                text = prose.question_answer(rng, presenter, aspect)
            else:
                text = prose.discussion(
                    rng, refer(world, style, rng.choice(askers), m.date), presenter, aspect, noun
                )
            item.paragraphs.append(Paragraph(text, lettered=lettered))
        if rng.random() < 0.4 and item.kind == "report":
            for _ in range(1 if rng.random() < 0.8 else 2):
                self._new_action(
                    m,
                    item,
                    rng,
                    state,
                    item.presenter or m.body.chair,
                    rng.choice(aspects),
                    item.paragraphs[-1],
                )
        if m.body.kind == "pcp" and topic and rng.random() < 0.3:
            rec = prose.recommendation(rng, rng.choice(aspects))
            item.recommendations.append(Recommendation(str(item.number), "the Commissioner", rec))
            item.paragraphs.append(Paragraph(f"The Panel RECOMMENDED that {rec}."))
        kind = topic.kind if topic else "note"
        if (
            kind == "note"
            and item.kind == "report"
            and rng.random() < 0.04
            and m.index + 1 < len(m.body.meeting_dates)
        ):
            item.outcome = "deferred"
            item.paragraphs.append(
                Paragraph(
                    f"The {noun} agreed to defer the item to the next meeting as the report had not "
                    "been circulated in time.",
                    outcome=True,
                )
            )
            self.plans[m.body.key][m.index + 1].insert(
                0, Planned(item.kind, item.title, item.presenter or m.body.chair, topic)
            )
            return
        if topic and topic.key == "pcp_precept":
            band_d = f"£{rng.randint(230, 290)}.{rng.randint(0, 99):02d}"
            item.outcome = "resolved"
            item.paragraphs.append(
                Paragraph(
                    f"The Panel RESOLVED to support the proposed precept of {band_d} for a Band D "
                    "property.",
                    outcome=True,
                )
            )
            return
        if kind == "decision" and m.body.kind == "bcb":
            item.outcome = "approved"
            item.paragraphs.append(
                Paragraph(
                    "The Commissioner approved the recommendations set out in the report; a Decision "
                    "Notice would be signed and published.",
                    outcome=True,
                )
            )
            signed = add_working_days(m.date, rng.randint(2, 9))
            fill_town = _town_in(item.title, world.area.towns)
            text = (
                topic.decision.format(
                    fy=_fy_in(item.title), fy_next=_fy_in(item.title), town=fill_town
                )
                if topic
                else item.title
            )
            item.decision = self.book.record(
                rng,
                signed,
                item.title,
                text,
                "pcc_cfo" if topic and topic.table in ("finance", "capital") else "ceo",
                [f"{style.body_name}, {format_date(m.date, 'plain')}, Agenda Item {item.number}"],
                source=f"{m.body.key} {m.date.isoformat()} item {item.number}",
                exempt=(
                    "Part 2 of this decision is exempt under paragraph 3 of Schedule 12A "
                    "(financial or business affairs)."
                )
                if "Disposal" in item.title
                else None,
            )
            return
        outcome_kind = "approve" if kind in ("approve", "decision") else "note"
        item.outcome = {"resolved": "resolved", "agreed": "agreed"}.get(
            style.outcome, ("approved" if outcome_kind == "approve" else "noted")
        )
        item.paragraphs.append(Paragraph(_outcome_text(style, outcome_kind, noun), outcome=True))

    def _confirmation(self, m: Meeting, item: Item) -> None:
        cc = self.world.posts["cc"]
        nominee = next(h.person for h in cc.holdings[1:] if h.start > m.date)
        item.paragraphs.append(
            Paragraph(
                f"The Panel held a confirmation hearing on the Commissioner's proposal to appoint "
                f"{nominee.name} as Chief Constable and questioned the candidate on policing "
                "priorities, leadership and the force's finances."
            )
        )
        rec = f"the Commissioner confirm the appointment of {nominee.name} as Chief Constable"
        item.recommendations.append(Recommendation(str(item.number), "the Commissioner", rec))
        item.paragraphs.append(Paragraph(f"The Panel RECOMMENDED that {rec}.", outcome=True))
        item.outcome = "agreed"

    def _new_action(
        self,
        m: Meeting,
        item: Item,
        rng: random.Random,
        state: _BodyState,
        owner_post: str,
        aspect: str,
        para: Paragraph,
        report_back: bool = True,
    ) -> None:
        state.actions.raise_action(
            self.world, m, item, rng, owner_post, aspect, para, self.plans[m.body.key], report_back
        )


def _outcome_text(style: Style, kind: str, noun: str) -> str:
    if style.outcome == "resolved":
        return (
            "RESOLVED that the recommendations in the report be approved."
            if kind == "approve"
            else "RESOLVED that the report be noted."
        )
    if style.outcome == "agreed":
        return (
            f"The {noun} AGREED the recommendations in the report."
            if kind == "approve"
            else f"The {noun} AGREED to note the report."
        )
    if style.outcome == "roman":
        return (
            f"The {noun.lower()} approved the recommendations and noted the report."
            if kind == "approve"
            else f"The {noun.lower()} noted the report."
        )
    return (
        f"The {noun} approved the recommendations in the report."
        if kind == "approve"
        else f"The {noun} noted the report."
    )


def _fy_in(title: str) -> str:
    for word in title.split():
        if "/" in word and word[:4].isdigit():
            return word
    return ""


def _town_in(title: str, towns: list[str]) -> str:
    return next((t for t in towns if t in title), towns[-1])


def simulate(world: World) -> Record:
    """Run every meeting of the world's bodies and return what happened."""
    return Simulation(world).run()
