"""Who came, who sent apologies, who substituted, who left early.

Kept apart from the items because attendance is decided first: presenters
must be in the room, a chair never sends apologies, and a Panel member's
absence may bring a substitute from the same council.
"""

from __future__ import annotations

import random

from minutebook.synth.model import Attendee, Meeting
from minutebook.synth.schedule import format_time
from minutebook.synth.world import World

APOLOGY_RATE = 0.13
SUBSTITUTE_RATE = 0.55


def take_attendance(world: World, m: Meeting, rng: random.Random) -> None:
    body, when = m.body, m.date
    presenters = {it.presenter for it in m.items if it.presenter}
    substituting: set[str] = set()
    for key in body.members:
        person = world.holder(key, when)
        if key != body.chair and key not in presenters and rng.random() < APOLOGY_RATE:
            m.apologies.append(Attendee(person, key, "member"))
            sub_key = body.substitutes.get(key)
            if sub_key and sub_key not in substituting and rng.random() < SUBSTITUTE_RATE:
                substituting.add(sub_key)
                m.members.append(
                    Attendee(world.holder(sub_key, when), sub_key, "member", substitute_for=person)
                )
            continue
        m.members.append(Attendee(person, key, "member"))
    for key in body.officers:
        person = world.holder(key, when)
        r = rng.random()
        if r < 0.82 or key in presenters:
            m.officers.append(Attendee(person, key, "officer"))
        elif r < 0.92:
            m.apologies.append(Attendee(person, key, "officer"))
    for key in body.others:
        if key == "pcc" or key in presenters or rng.random() < 0.8:
            m.others.append(Attendee(world.holder(key, when), key, "other"))
    listed = {a.post for a in m.members + m.officers + m.others}
    for item in m.items:  # report authors who are not regulars attend for their item
        if item.presenter and item.presenter not in listed:
            listed.add(item.presenter)
            m.officers.append(
                Attendee(
                    world.holder(item.presenter, when),
                    item.presenter,
                    "officer",
                    note=f"for item {item.number}",
                )
            )
    for att in m.members[1:]:
        if rng.random() < 0.07:
            left = m.start + rng.randint(6, max(7, (m.end - m.start - 15) // 5)) * 5
            att.note = f"left at {format_time(left, m.style.time)}"
        elif rng.random() < 0.03:
            came = m.start + rng.randint(2, 8) * 5
            att.note = f"arrived at {format_time(came, m.style.time)}"
