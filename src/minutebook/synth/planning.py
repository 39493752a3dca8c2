"""Agenda planning: which reports each meeting of each body will take.

Planned before any meeting is simulated, so that forward plans printed in a
pack show what is expected at later meetings. The simulation may still add
items (an action asking for a report back, a deferred item) to meetings
that have not happened yet, as real forward plans drift.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from minutebook.synth.topics import PLAN_THEMES, TOPICS, Topic, title_for
from minutebook.synth.world import Body, Post, World


@dataclass
class Planned:
    kind: str  # "report", "update" (an action's report back), "confirmation"
    title: str
    presenter: str  # post key
    topic: Topic | None = None
    aspect: str = ""
    action_ref: str = ""  # the action this report answers


def _pool_topics(kind: str) -> list[Topic]:
    return [t for t in TOPICS[kind] if not t.every and not t.months]


def plan_body(world: World, body: Body, rng: random.Random) -> list[list[Planned]]:
    """One list of planned reports per meeting inside the period."""
    plans: list[list[Planned]] = []
    towns = world.area.towns[4:]
    last_used: dict[str, int] = {}
    calendar_done: dict[str, str] = {}
    cc = world.posts["cc"]
    for i, when in enumerate(body.meeting_dates):
        chosen: list[Topic] = []
        for topic in TOPICS[body.kind]:
            if topic.every == 1 or (topic.every == 2 and i % 2 == 0):
                chosen.append(topic)
            elif topic.months and when.month in topic.months:
                year_key = f"{when.year if when.month >= 4 else when.year - 1}"
                if calendar_done.get(topic.key) != year_key:
                    calendar_done[topic.key] = year_key
                    chosen.append(topic)
        pool = [t for t in _pool_topics(body.kind) if i - last_used.get(t.key, -9) > 3]
        rng.shuffle(pool)
        extra = rng.randint(1, 3)
        decisions = sum(1 for t in chosen if t.kind == "decision")
        for topic in pool:
            if extra == 0:
                break
            if topic.kind == "decision" and decisions >= 2:
                continue
            decisions += topic.kind == "decision"
            chosen.append(topic)
            extra -= 1
        for topic in chosen:
            last_used[topic.key] = i
        chosen.sort(key=lambda t: (t.kind == "exempt", t.every == 0, t.every))
        planned: list[Planned] = []
        for topic in chosen:
            theme = PLAN_THEMES[i % len(PLAN_THEMES)]
            title = title_for(topic, when, rng.choice(towns), theme)
            planned.append(Planned("report", title, topic.presenter, topic))
        if body.kind == "pcp" and _appointment_between(cc, when, _next(body, i)):
            planned.insert(
                0,
                Planned(
                    "confirmation",
                    "Confirmation Hearing - Proposed Appointment of Chief Constable",
                    "pcc",
                ),
            )
        plans.append(planned)
    return plans


def _next(body: Body, i: int) -> date:
    return body.dates[i + 2]


def _appointment_between(post: Post, start: date, end: date) -> bool:
    return any(start < h.start <= end for h in post.holdings[1:])
