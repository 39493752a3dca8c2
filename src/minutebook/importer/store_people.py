"""Identifying the people of one meeting: attendance rows, seats, and name mentions.

The attendance list is where a meeting defines its people ("Niki Howard,
Director of Finance"); everything later in the minutes ("NH", "the DPCC",
"Councillors Oliver, Cuffley") is resolved against that list first. So the
attendance is stored before anything else of a meeting, and the pool of
candidates it builds is handed to the steps that follow.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from minutebook.bodies.resolve import is_body_role, role_key, split_role
from minutebook.core.rows import insert_new
from minutebook.importer import values
from minutebook.importer.context import StoreContext
from minutebook.meetings.models import Attendance, Meeting
from minutebook.people.models import Person
from minutebook.people.names import name_key
from minutebook.people.resolve import (
    CandidatePool,
    PersonMatch,
    add_names,
    create_person,
    resolve_person_at,
)

_LISTS = (
    ("present", Attendance.Kind.PRESENT),
    ("in_attendance", Attendance.Kind.IN_ATTENDANCE),
    ("apologies", Attendance.Kind.APOLOGIES),
)


def meeting_pool(ctx: StoreContext, meeting: Meeting) -> CandidatePool:
    """The people a name at this meeting may mean: its attendance, the body's members, and
    whoever attended the body's meetings around the date (officers have no membership).

    Both come from what the run holds in memory (`RunCache.attendees_near`,
    the seats of `Lookups.candidate_ids`): a pool is built for every
    meeting, and a query to build it cost more than the rest of the
    meeting's attendance.
    """
    lookups = ctx.run.lookups
    ids = ctx.run.attendees_near(meeting.body, meeting.date)
    ids.update(lookups.candidate_ids(meeting.date, meeting.body))
    return CandidatePool.of_ids(sorted(ids), lookups, area=meeting.body.police_area)


def store_attendance(
    ctx: StoreContext, meeting: Meeting, data: dict[str, Any], span: tuple[int, int] | None
) -> CandidatePool:
    """Store who was present, in attendance, apologised or substituted; return the candidate pool.

    New rows are inserted together at the end, and so are the seats the rows
    tell about; the pool is what later mentions in the minutes resolve against.
    """
    lookups = ctx.run.lookups
    pool = meeting_pool(ctx, meeting)
    stored: list[Attendance] = ctx.stored_children(
        meeting, "attendance", lambda: list(meeting.attendance.order_by("pk"))
    )
    existing = {(a.kind, a.name_key): a for a in stored}
    created: list[Attendance] = []
    seen: set[tuple[str, str]] = set()
    entries: list[tuple[str, dict[str, Any]]] = [
        (kind, entry) for key, kind in _LISTS for entry in values.dicts(data.get(key))
    ]
    entries += [(Attendance.Kind.SUBSTITUTE, s) for s in values.dicts(data.get("substitutes"))]
    for kind, entry in entries:
        name = values.text(entry.get("name"), 255)
        role = values.text(entry.get("role"), 500)
        key = name_key(name) if name else (f"role:{role_key(role)}" if role_key(role) else "")
        if not key or (kind, key) in seen:
            continue
        seen.add((kind, key))
        match = _identify(name, role, meeting, pool)
        person = _person_for(ctx, match, name, pool)
        row_values = {
            "person_id": person.pk if person is not None else None,
            "raw_name": name,
            "role": role,
            "organisation": values.text(entry.get("organisation"), 255)
            or split_role(role)[1][:255],
            "note": values.text(entry.get("note"), 255),
            "substitute_for_raw": values.text(entry.get("for"), 255),
        }
        row = existing.get((kind, key))
        if row is None:
            row = Attendance(meeting=meeting, kind=kind, name_key=key[:255], **row_values)
            created.append(row)
        else:
            if row.person_id and person is None:
                row_values.pop("person_id")  # a person confirmed in review stays confirmed
            ctx.changed(row, row_values)
        entry_span = ctx.span(entry, span)
        ctx.cite(row, entry_span)
        ctx.note_person(person)
        if match.doubtful:
            ctx.doubtful(
                row,
                "person",
                name or role,
                match,
                on_date=meeting.date,
                context=f"{row.get_kind_display()} at {meeting}",
            )
        if row.substitute_for_raw:
            link_person(ctx, row, "substitute_for", row.substitute_for_raw, meeting, pool)
        if person is not None:
            _record_seats(ctx, person, kind, role, row.organisation, meeting, entry_span)
    insert_new(created)
    ctx.write()
    ctx.run.keep_children(meeting, "attendance", stored + created)
    lookups.seats.flush()
    ctx.run.note_attendees(meeting, {a.person_id for a in stored + created if a.person_id})
    return pool


def _identify(name: str, role: str, meeting: Meeting, pool: CandidatePool) -> PersonMatch:
    if name:
        return resolve_person_at(name, meeting.date, pool)
    return resolve_person_at(f"the {role}", meeting.date, pool)


def _person_for(
    ctx: StoreContext, match: PersonMatch, name: str, pool: CandidatePool
) -> Person | None:
    """The person an attendance row is: the sure match (learning this printing of their name),
    or someone new when the name matched no one; a candidate for the names that follow
    ("NH" later in the minutes may mean this attendee)."""
    person = match.sure
    if person is None and name and match.person is None:
        forms: set[tuple[str, str]] = set()
        person = create_person(name, stored=forms)
        ctx.note_created(person)
        pool.add(person, forms)
    elif person is not None and name:
        known = person in pool.people
        pool.add(person)
        before = set(pool.stored[person.pk])
        if add_names(person, name, stored=pool.stored[person.pk]):
            ctx.run.lookups.seats.refresh_person(person)
        if not known:
            # A person new to the pool is matched on every form stored, this one's too.
            for key, kind in pool.stored[person.pk] - before:
                pool.keys.setdefault(kind, {}).setdefault(key, []).append(person)
    elif person is not None:
        pool.add(person)
    return person


def _record_seats(
    ctx: StoreContext,
    person: Person,
    kind: str,
    role: str,
    organisation: str,
    meeting: Meeting,
    span: tuple[int, int] | None,
) -> None:
    """What an attendance row tells about seats: the post in the role, the place on the body."""
    lookups = ctx.run.lookups
    area = meeting.body.police_area
    post = lookups.posts.resolve(role, organisation, area=area) if role else None
    if post is not None:
        ctx.cite(lookups.seats.record_sighting(person, meeting.date, post=post, role=role), span)
    if kind in (Attendance.Kind.PRESENT, Attendance.Kind.SUBSTITUTE) or (
        role and is_body_role(role)
    ):
        body_role = role if role and is_body_role(role) else "member"
        seat = lookups.seats.record_sighting(
            person, meeting.date, body=meeting.body, role=body_role
        )
        ctx.cite(seat, span)


def link_person(
    ctx: StoreContext,
    fact: models.Model,
    field_name: str,
    printed: str,
    meeting: Meeting,
    pool: CandidatePool,
) -> Person | None:
    """Resolve `printed` at the meeting and fill `fact.<field_name>`; list a doubtful match for review.

    A person already linked (for example confirmed in review) is kept when
    the name no longer resolves surely. A stored fact is saved by the step's
    next `ctx.write()`, a new one when it is inserted.
    """
    if not printed:
        return None
    match = resolve_person_at(printed, meeting.date, pool)
    person = match.sure
    if person is not None and getattr(fact, f"{field_name}_id") != person.pk:
        setattr(fact, field_name, person)
        if fact.pk is not None:
            ctx.save_later(fact, [field_name])
    if match.doubtful:
        ctx.doubtful(
            fact,
            field_name,
            printed,
            match,
            on_date=meeting.date,
            context=f"{fact._meta.verbose_name} at {meeting}",
        )
    ctx.note_person(person)
    return person
